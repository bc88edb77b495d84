package cn.etax.identity.authentication.domain;

import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.RowLock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A server-side record of one multi-step journey (registration, login, password reset, phone retrieval). The
 * client holds only a random token; the row holds its digest, the subject established by the first step and
 * which step was passed. Every later step must present the token, so codes and QR checks are bound to the
 * journey that asked for them, and a stale or foreign token gets nothing.
 */
@Entity
@Table(name = "auth_flow")
@NamedQuery(name = AuthFlow.BY_TOKEN, query = "select f from AuthFlow f where f.tokenDigest = :digest")
@NamedQuery(name = AuthFlow.BY_TOKEN_LOCKED, query = "select f from AuthFlow f where f.tokenDigest = :digest",
        hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))
@NamedQuery(name = AuthFlow.DELETE_OF_KINDS, query = "delete from AuthFlow f where f.kind in :kinds")
@NamedQuery(name = AuthFlow.DELETE_OF_KINDS_AT_TAXPAYER, query = "delete from AuthFlow f where f.kind in :kinds "
        + "and f.taxpayerId = :taxpayer")
public class AuthFlow {

    public static final String BY_TOKEN = "AuthFlow.byToken";
    /** {@link #BY_TOKEN} for a step: the row locked for the transaction ({@link RowLock}). */
    public static final String BY_TOKEN_LOCKED = "AuthFlow.byTokenLocked";
    /** LOGIN-11's switch-off: every flow of the old entries ends with it. */
    public static final String DELETE_OF_KINDS = "AuthFlow.deleteOfKinds";
    /** LOGIN-11: an enterprise stopping the old entry ends the old entries' flows at that taxpayer. */
    public static final String DELETE_OF_KINDS_AT_TAXPAYER = "AuthFlow.deleteOfKindsAtTaxpayer";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auth_flow_seq")
    @SequenceGenerator(name = "auth_flow_seq", sequenceName = "auth_flow_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "token_digest", length = 64, nullable = false, unique = true)
    private String tokenDigest;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private FlowKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", length = 20, nullable = false)
    private FlowStep step;

    @Column(name = "person_id")
    private Long personId;

    /** LOGIN-2: the taxpayer named at the enterprise entry. */
    @Column(name = "taxpayer_id")
    private Long taxpayerId;

    /** PER-3: what a grant-confirmation flow may confirm (a digest of the grant ids); its face check proves only that. */
    @Column(name = "bound_to", length = 64)
    private String boundTo;

    /** LOGIN-6: the one-time challenge the certificate's key must sign; cleared when a signature is presented. */
    @Column(name = "challenge", length = 64)
    private String challenge;

    @Column(name = "challenge_expires_at")
    private Instant challengeExpiresAt;

    /** LOGIN-6: SHA-256 (hex) of the certificate whose key signed the challenge. */
    @Column(name = "certificate_digest", length = 64)
    private String certificateDigest;

    /** LOGIN-6: the tax staff identity chosen after the certificate, for which the second factor is asked. */
    @Column(name = "grant_id")
    private Long grantId;

    /** LOGIN-4: the special-subject type the login was started for (跨区域报验户 or 跨区税源登记纳税人). */
    @Enumerated(EnumType.STRING)
    @Column(name = "cross_region_kind", length = 20)
    private CrossRegionKind crossRegionKind;

    /** LOGIN-10: the social-security fee payer's account the flow is for (not a person's). */
    @Column(name = "fee_payer_account_id")
    private Long feePayerAccountId;

    /** §8, RULE-2FA: the clerk whose password passed, for the code step of his login. */
    @Column(name = "clerk_id")
    private Long clerkId;

    @Column(name = "subject_name", length = 100)
    private String subjectName;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_id_type", length = 40)
    private IdType subjectIdType;

    @Column(name = "subject_digest", length = 64)
    private String subjectDigest;

    @Column(name = "subject_cipher", length = 200)
    private String subjectCipher;

    @Column(name = "subject_masked", length = 40)
    private String subjectMasked;

    @Column(name = "overseas", nullable = false)
    private boolean overseas;

    @Column(name = "nationality", length = 3)
    private String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "second_factor", length = 20)
    private AuthMethod secondFactor;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AuthFlow() {
    }

    public AuthFlow(FlowKind kind, String tokenDigest, String clientAddress, Instant now, Instant expiresAt) {
        this.kind = kind;
        this.tokenDigest = tokenDigest;
        this.step = FlowStep.STARTED;
        this.clientAddress = clientAddress;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public void identifySubject(String name, IdType type, String digest, String cipher, String masked,
                                boolean overseas, String nationality) {
        this.subjectName = name;
        this.subjectIdType = type;
        this.subjectDigest = digest;
        this.subjectCipher = cipher;
        this.subjectMasked = masked;
        this.overseas = overseas;
        this.nationality = nationality;
    }

    public void bindPerson(Long personId) {
        this.personId = personId;
    }

    public void bindTo(String purposeDigest) {
        this.boundTo = purposeDigest;
    }

    public void bindTaxpayer(long taxpayerId) {
        this.taxpayerId = taxpayerId;
    }

    /** LOGIN-4: the special-subject type chosen at the entry. */
    public void bindCrossRegionKind(CrossRegionKind kind) {
        this.crossRegionKind = kind;
    }

    /** LOGIN-10: the fee payer's account whose password passed, or whose payer was identified. */
    public void bindFeePayer(long accountId) {
        this.feePayerAccountId = accountId;
    }

    /** LOGIN-10: the account the flow was bound to; FLOW_INVALID for a flow of another kind. */
    public long requireFeePayer() {
        if (feePayerAccountId == null) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        return feePayerAccountId;
    }

    /** §8: the clerk whose password passed. */
    public void bindClerk(long id) {
        this.clerkId = id;
    }

    /** §8: the clerk the flow was bound to; FLOW_INVALID for a flow of another kind. */
    public long requireClerk() {
        if (clerkId == null) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        return clerkId;
    }

    /** The flow is usable for a step of the given kind: right kind, not expired, not finished. */
    public void ensureActive(FlowKind expected, Instant now) {
        ensureActive(EnumSet.of(expected), now);
    }

    /** The flow is usable for a step shared by several kinds (the login steps of LOGIN-1 and LOGIN-2). */
    public void ensureActive(Set<FlowKind> expected, Instant now) {
        if (!expected.contains(kind) || step == FlowStep.COMPLETED) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        if (!now.isBefore(expiresAt)) {
            throw new AuthenticationFailedException("FLOW_EXPIRED");
        }
    }

    /** LOGIN-6: the one-time challenge of a certificate login, valid until {@code until}. */
    public void issueChallenge(String challenge, Instant until) {
        if (step != FlowStep.STARTED || challengeExpiresAt != null) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        this.challenge = challenge;
        this.challengeExpiresAt = until;
    }

    /**
     * LOGIN-6: takes the challenge for the one signature it may check — used once, whatever that check answers, so
     * neither a replayed signature nor a second guess gets another chance.
     */
    public String consumeChallenge(Instant now) {
        if (challenge == null) {
            throw new AuthenticationFailedException("CERTIFICATE_CHALLENGE_USED");
        }
        String taken = challenge;
        challenge = null;
        if (!now.isBefore(challengeExpiresAt)) {
            throw new AuthenticationFailedException("CERTIFICATE_CHALLENGE_EXPIRED");
        }
        return taken;
    }

    /** LOGIN-6: the key of the certificate ({@code certificateDigest}) of {@code taxpayerId}'s signed the challenge. */
    public void certified(long taxpayerId, String certificateDigest) {
        if (step != FlowStep.STARTED || challenge != null || this.certificateDigest != null) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        this.taxpayerId = taxpayerId;
        this.certificateDigest = certificateDigest;
        this.step = FlowStep.CERTIFIED;
    }

    /** LOGIN-11: the old shared enterprise password of {@code taxpayerId} passed; a staff identity is chosen next. */
    public void enterprisePasswordPassed(long taxpayerId) {
        if (!kind.isLegacy() || step != FlowStep.STARTED || this.taxpayerId != null) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        this.taxpayerId = taxpayerId;
        this.step = FlowStep.CERTIFIED;
    }

    /** LOGIN-6: the tax staff identity to log in as; may be chosen again until the second factor passed. */
    public void chooseStaff(long personId, long grantId) {
        if (step != FlowStep.CERTIFIED) {
            throw new AuthenticationFailedException("FLOW_NOT_VERIFIED");
        }
        this.personId = personId;
        this.grantId = grantId;
    }

    /**
     * The flow knows whom a second factor is for: the password step named the person, or (LOGIN-6) a staff identity
     * was chosen after the certificate.
     */
    public long requireSubject() {
        if (personId == null || (kind.provesTaxpayerFirst() && step != FlowStep.CERTIFIED
                && step != FlowStep.VERIFIED)) {
            throw new AuthenticationFailedException("FLOW_NOT_VERIFIED");
        }
        return personId;
    }

    /**
     * §8: the clerk's code passed and his password is one the administration set: the flow stays open for the one
     * step that replaces it.
     */
    public void clerkVerified() {
        if (clerkId == null || step != FlowStep.STARTED) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        this.step = FlowStep.VERIFIED;
        this.secondFactor = AuthMethod.SMS_CODE;
    }

    public void ensureVerified() {
        if (step != FlowStep.VERIFIED) {
            throw new AuthenticationFailedException("FLOW_NOT_VERIFIED");
        }
    }

    public void verified(AuthMethod factor) {
        requireSubject();
        this.step = FlowStep.VERIFIED;
        this.secondFactor = factor;
    }

    /**
     * LOGIN-7: the app that scanned this flow's QR code confirmed the login of {@code session}'s person, in its
     * business — both factors are the app's (its own login and the confirmation on the device).
     */
    public void appConfirmed(QrLogin.AppSession session) {
        if (kind != FlowKind.QR_LOGIN || step != FlowStep.STARTED) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        this.personId = session.personId();
        this.taxpayerId = session.taxpayerId();
        this.grantId = session.grantId();
        this.step = FlowStep.VERIFIED;
        this.secondFactor = session.scanner().method();
    }

    public void complete() {
        this.step = FlowStep.COMPLETED;
    }

    public Long id() { return id; }
    public String tokenDigest() { return tokenDigest; }
    public FlowKind kind() { return kind; }
    public FlowStep step() { return step; }
    public Long personId() { return personId; }
    public Long taxpayerId() { return taxpayerId; }
    public String boundTo() { return boundTo; }
    public String certificateDigest() { return certificateDigest; }
    public Long grantId() { return grantId; }
    public CrossRegionKind crossRegionKind() { return crossRegionKind; }
    public Instant challengeExpiresAt() { return challengeExpiresAt; }
    public String subjectName() { return subjectName; }
    public IdType subjectIdType() { return subjectIdType; }
    public String subjectDigest() { return subjectDigest; }
    public String subjectCipher() { return subjectCipher; }
    public String subjectMasked() { return subjectMasked; }
    public boolean overseas() { return overseas; }
    public String nationality() { return nationality; }
    public AuthMethod secondFactor() { return secondFactor; }
    public String clientAddress() { return clientAddress; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
}
