package cn.etax.identity.remote;

import java.io.Serializable;
import java.util.Objects;

/**
 * The answer to "may person X act for taxpayer Y with permission P now". Allowed: {@code identityType} and
 * {@code grantId} name the grant that allows it and {@code reason} is {@code null}; an agent acting under an agency
 * mandate (AGT-4) has {@code identityType} {@link #AGENT}, {@code grantId} his grant in the agency and
 * {@code mandateId} the mandate (null otherwise). Refused: {@code reason} is one of
 * {@link #NO_IDENTITY} (no active grant in that taxpayer, or no active account), {@link #IDENTITY_FROZEN} (only
 * frozen grants) or {@link #PERMISSION_NOT_GRANTED} (active, but none of his grants carries the permission).
 */
public final class ActingDecision implements Serializable {

    /** The identity type of an agent acting for a client under a mandate in force. */
    public static final String AGENT = "AGENT";
    public static final String NO_IDENTITY = "NO_IDENTITY";
    public static final String IDENTITY_FROZEN = "IDENTITY_FROZEN";
    public static final String PERMISSION_NOT_GRANTED = "PERMISSION_NOT_GRANTED";

    private static final long serialVersionUID = 1L;

    private final boolean allowed;
    private final String identityType;
    private final Long grantId;
    private final String reason;
    private final Long mandateId;

    private ActingDecision(boolean allowed, String identityType, Long grantId, String reason, Long mandateId) {
        this.allowed = allowed;
        this.identityType = identityType;
        this.grantId = grantId;
        this.reason = reason;
        this.mandateId = mandateId;
    }

    public static ActingDecision allowedBy(String identityType, long grantId) {
        return new ActingDecision(true, identityType, grantId, null, null);
    }

    /** Allowed to an agent by his grant in the agency and the agency's mandate for the taxpayer. */
    public static ActingDecision allowedAsAgent(long agentGrantId, Long mandateId) {
        return new ActingDecision(true, AGENT, agentGrantId, null, mandateId);
    }

    public static ActingDecision refused(String reason) {
        return new ActingDecision(false, null, null, reason, null);
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

    /** The agency mandate an agent acts under; null for a person's own grant or a refusal. */
    public Long mandateId() {
        return mandateId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActingDecision d && d.allowed == allowed && Objects.equals(d.identityType, identityType)
                && Objects.equals(d.grantId, grantId) && Objects.equals(d.reason, reason)
                && Objects.equals(d.mandateId, mandateId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, identityType, grantId, reason, mandateId);
    }

    @Override
    public String toString() {
        return allowed ? "ActingDecision[allowed by " + identityType + " grant " + grantId
                + (mandateId == null ? "" : " under mandate " + mandateId) + "]"
                : "ActingDecision[refused: " + reason + "]";
    }
}
