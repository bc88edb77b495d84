package cn.etax.identity.authentication.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * LOGIN-11: a taxpayer's old shared enterprise password (企业密码) as the old system kept it, carried over for the old
 * entry while the transition lasts, with RULE-LOCK's counters of its own (everybody who knew the password shares
 * them). Only its digest is kept, in the old system's form. When the enterprise stops using the old entry before the
 * switch-off the digest is erased and the row stays as the record that it did (a late message of the old system must
 * not bring the password back); at the switch-off every row goes: nothing of the password survives the switch.
 */
@Entity
@Table(name = "legacy_enterprise_password")
@NamedQuery(name = LegacyEnterprisePassword.DELETE_ALL, query = "delete from LegacyEnterprisePassword p")
public class LegacyEnterprisePassword extends ConsecutiveFailures {

    public static final String DELETE_ALL = "LegacyEnterprisePassword.deleteAll";

    @Id
    @Column(name = "taxpayer_id")
    private Long taxpayerId;

    /** Null once the enterprise stopped the old entry. */
    @Column(name = "digest", length = 200)
    private String digest;

    @Column(name = "migrated_at", nullable = false)
    private Instant migratedAt;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    protected LegacyEnterprisePassword() {
    }

    public LegacyEnterprisePassword(long taxpayerId, String digest, Instant now, LocalDate today) {
        super(today);
        this.taxpayerId = taxpayerId;
        this.digest = digest;
        this.migratedAt = now;
    }

    /**
     * The old system sent the digest again (changed there before the switch): the new one counts from now. False
     * when nothing changed, or when the enterprise has stopped the old entry (that stays so).
     */
    public boolean replace(String newDigest, Instant now) {
        if (stopped() || newDigest.equals(digest)) {
            return false;
        }
        this.digest = newDigest;
        this.migratedAt = now;
        return true;
    }

    /** The enterprise stops the old entry for itself: the digest is erased, the counters with it. */
    public void stop(Instant now) {
        this.digest = null;
        this.stoppedAt = now;
        reset();
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    public Long taxpayerId() { return taxpayerId; }
    public String digest() { return digest; }
    public Instant migratedAt() { return migratedAt; }
    public Instant stoppedAt() { return stoppedAt; }
}
