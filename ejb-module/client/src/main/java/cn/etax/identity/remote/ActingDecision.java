package cn.etax.identity.remote;

import java.io.Serializable;
import java.util.Objects;

/**
 * The answer to "may person X act for taxpayer Y with permission P now". Allowed: {@code identityType} and
 * {@code grantId} name the grant that allows it and {@code reason} is {@code null}. Refused: {@code reason} is one of
 * {@link #NO_IDENTITY} (no active grant in that taxpayer, or no active account), {@link #IDENTITY_FROZEN} (only
 * frozen grants) or {@link #PERMISSION_NOT_GRANTED} (active, but none of his grants carries the permission).
 */
public final class ActingDecision implements Serializable {

    public static final String NO_IDENTITY = "NO_IDENTITY";
    public static final String IDENTITY_FROZEN = "IDENTITY_FROZEN";
    public static final String PERMISSION_NOT_GRANTED = "PERMISSION_NOT_GRANTED";

    private static final long serialVersionUID = 1L;

    private final boolean allowed;
    private final String identityType;
    private final Long grantId;
    private final String reason;

    private ActingDecision(boolean allowed, String identityType, Long grantId, String reason) {
        this.allowed = allowed;
        this.identityType = identityType;
        this.grantId = grantId;
        this.reason = reason;
    }

    public static ActingDecision allowedBy(String identityType, long grantId) {
        return new ActingDecision(true, identityType, grantId, null);
    }

    public static ActingDecision refused(String reason) {
        return new ActingDecision(false, null, null, reason);
    }

    public boolean allowed() {
        return allowed;
    }

    public String identityType() {
        return identityType;
    }

    public Long grantId() {
        return grantId;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActingDecision d && d.allowed == allowed && Objects.equals(d.identityType, identityType)
                && Objects.equals(d.grantId, grantId) && Objects.equals(d.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, identityType, grantId, reason);
    }

    @Override
    public String toString() {
        return allowed ? "ActingDecision[allowed by " + identityType + " grant " + grantId + "]"
                : "ActingDecision[refused: " + reason + "]";
    }
}
