package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RowLock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A one-time secret (SMS code, login ticket): stored only as a keyed digest, bound to the flow and
 * the target (a phone digest, a purpose) it was issued for, short-lived, single use, and dead after a few wrong
 * guesses.
 */
@Entity
@Table(name = "one_time_secret")
@NamedQuery(name = OneTimeSecret.UNUSED, query = OneTimeSecret.UNUSED_JPQL)
@NamedQuery(name = OneTimeSecret.UNUSED_LOCKED, query = OneTimeSecret.UNUSED_JPQL,
        hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))
@NamedQuery(name = OneTimeSecret.ANY, query = "select count(s) from OneTimeSecret s where s.kind = :kind "
        + "and s.flowDigest = :flow and s.target = :target")
public class OneTimeSecret {

    /**
     * The secrets of a binding not yet used up, newest first. A new secret supersedes the binding's older ones, so
     * this is one row (two only while two sends race); no LIMIT, as H2 cannot combine it with FOR UPDATE. None left
     * answers as a used secret does.
     */
    public static final String UNUSED = "OneTimeSecret.unused";
    /** How many secrets a binding ever had: none means nothing was sent to answer (not "used up"). */
    public static final String ANY = "OneTimeSecret.any";
    /** {@link #UNUSED} read with a lock ({@link RowLock}), to check an answer. */
    public static final String UNUSED_LOCKED = "OneTimeSecret.unusedLocked";
    static final String UNUSED_JPQL = "select s from OneTimeSecret s where s.kind = :kind "
            + "and s.flowDigest = :flow and s.target = :target and s.consumedAt is null order by s.id desc";
    public static final int MAX_GUESSES = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "one_time_secret_seq")
    @SequenceGenerator(name = "one_time_secret_seq", sequenceName = "one_time_secret_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private SecretKind kind;

    @Column(name = "flow_digest", length = 64, nullable = false)
    private String flowDigest;

    @Column(name = "target", length = 100, nullable = false)
    private String target;

    @Column(name = "secret_digest", length = 64, nullable = false)
    private String secretDigest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "guesses", nullable = false)
    private int guesses;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected OneTimeSecret() {
    }

    public OneTimeSecret(SecretKind kind, String flowDigest, String target, String secretDigest, Instant now,
                         Instant expiresAt) {
        this.kind = kind;
        this.flowDigest = flowDigest;
        this.target = target;
        this.secretDigest = secretDigest;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Outcome of presenting a secret. */
    public enum Outcome { ACCEPTED, WRONG, EXPIRED, USED }

    /** Checks a presented digest; a match consumes the secret, a miss counts a guess. */
    public Outcome present(String presentedDigest, Instant now) {
        Outcome outcome = confirm(presentedDigest, now);
        if (outcome == Outcome.ACCEPTED) {
            consumedAt = now;
        }
        return outcome;
    }

    /**
     * Checks a presented digest for a step before the one that uses the secret (registration's details, before the
     * face check): a miss counts a guess as {@link #present} does, a match leaves the secret for that later step.
     */
    public Outcome confirm(String presentedDigest, Instant now) {
        if (consumedAt != null || guesses >= MAX_GUESSES) {
            return Outcome.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        if (!java.security.MessageDigest.isEqual(secretDigest.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                presentedDigest.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            guesses++;
            return Outcome.WRONG;
        }
        return Outcome.ACCEPTED;
    }

    /** A newer secret of the same kind and flow replaces this one. */
    public void supersede(Instant now) {
        if (consumedAt == null) {
            consumedAt = now;
        }
    }

    public Long id() { return id; }
    public SecretKind kind() { return kind; }
    public String target() { return target; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant consumedAt() { return consumedAt; }
}
