package cn.etax.identity.socialsecurity.domain;

import cn.etax.identity.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * LOGIN-10: a social-security fee payer as the fee collection system registered it, and the account it uses at the
 * portal's 社保费登录 — a username and password of its own, not a natural person's. The payer is a unit (its credit
 * code is its key) or a natural person (a keyed digest of the ID document); the phone that receives its codes comes
 * with the payer. A pure social-security payer (纯社保户: a unit with no tax registration) is the one case the seeds
 * let log in without the SMS factor, when the platform is configured so.
 *
 * <p>The account exists once the payer chose a username and password, proved by a code to the payer's phone; the
 * same proof sets a new password later (找回密码). A payer the collection system closed cannot log in.
 */
@Entity
@Table(name = "fee_payer_account")
@NamedQuery(name = FeePayerAccount.BY_PAYER, query = "select a from FeePayerAccount a "
        + "where a.kind = :kind and a.payerKey = :key")
@NamedQuery(name = FeePayerAccount.BY_USERNAME, query = "select a from FeePayerAccount a where a.username = :username")
public class FeePayerAccount {

    public static final String BY_PAYER = "FeePayerAccount.byPayer";
    public static final String BY_USERNAME = "FeePayerAccount.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fee_payer_account_seq")
    @SequenceGenerator(name = "fee_payer_account_seq", sequenceName = "fee_payer_account_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 10, nullable = false)
    private FeePayerKind kind;

    /** A unit's credit code; a person's ID document as a keyed digest. */
    @Column(name = "payer_key", length = 64, nullable = false)
    private String payerKey;

    @Column(name = "payer_masked", length = 40, nullable = false)
    private String payerMasked;

    @Column(name = "payer_name", length = 100, nullable = false)
    private String payerName;

    @Column(name = "phone_cipher", length = 200, nullable = false)
    private String phoneCipher;

    @Column(name = "phone_masked", length = 20, nullable = false)
    private String phoneMasked;

    /** Keyed digest of the phone: what tells a new number from the old one (two numbers may share a mask). */
    @Column(name = "phone_digest", length = 64, nullable = false)
    private String phoneDigest;

    @Column(name = "pure_payer", nullable = false)
    private boolean purePayer;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "username", length = 20)
    private String username;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected FeePayerAccount() {
    }

    public FeePayerAccount(FeePayerKind kind, String payerKey, String payerMasked) {
        this.kind = kind;
        this.payerKey = payerKey;
        this.payerMasked = payerMasked;
    }

    /**
     * What the fee collection system says of the payer now. {@code pure}: a unit paying social-security fees only;
     * never a person. False when the message changed nothing.
     */
    public boolean describe(String name, Phone phone, boolean pure, boolean active, Instant now) {
        boolean samePhone = phone.digest().equals(this.phoneDigest);
        boolean unchanged = name.equals(payerName) && samePhone && (pure && kind == FeePayerKind.UNIT) == purePayer
                && active == this.active;
        if (unchanged) {
            return false;
        }
        this.payerName = name;
        if (!samePhone) {
            this.phoneCipher = phone.cipher();
            this.phoneMasked = phone.masked();
            this.phoneDigest = phone.digest();
        }
        this.purePayer = pure && kind == FeePayerKind.UNIT;
        this.active = active;
        this.syncedAt = now;
        return true;
    }

    /** The payer's phone as stored: cipher for sending, mask for showing, keyed digest for comparing. */
    public record Phone(String cipher, String masked, String digest) {
    }

    /** The first username and password (社保费用户注册), proved by a code to the payer's phone. */
    public void register(String username, String passwordHash, Instant now) {
        if (registered()) {
            throw new ConflictException("SOCIAL_SECURITY_ALREADY_REGISTERED");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.registeredAt = now;
        this.passwordChangedAt = now;
    }

    /** 找回密码: a new password, proved by a code to the payer's phone. */
    public void changePassword(String passwordHash, Instant now) {
        if (!registered()) {
            throw new ConflictException("SOCIAL_SECURITY_NOT_REGISTERED");
        }
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    public boolean registered() {
        return username != null;
    }

    /** RULE-2FA's one exception (LOGIN-10): a pure social-security unit, where the platform allows it. */
    public boolean exemptFromSms(boolean exemptionEnabled) {
        return exemptionEnabled && purePayer && kind == FeePayerKind.UNIT;
    }

    public String describeForLog() {
        return kind + " fee payer " + payerMasked + (username == null ? "" : " (" + username + ")");
    }

    public Long id() { return id; }
    public FeePayerKind kind() { return kind; }
    public String payerKey() { return payerKey; }
    public String payerMasked() { return payerMasked; }
    public String payerName() { return payerName; }
    public String phoneCipher() { return phoneCipher; }
    public String phoneMasked() { return phoneMasked; }
    public String phoneDigest() { return phoneDigest; }
    public boolean purePayer() { return purePayer; }
    public boolean active() { return active; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public Instant registeredAt() { return registeredAt; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
}
