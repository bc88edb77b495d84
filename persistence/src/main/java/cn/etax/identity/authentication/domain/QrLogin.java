package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AuthenticationFailedException;
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
import java.util.Objects;

/**
 * LOGIN-7 扫码登录: the one-time QR code a login page shows, and what became of it. The code carries only a random
 * token; the page that asked holds the flow it is bound to. An app whose user is logged in scans it (the code is
 * then bound to that app session: nobody else may confirm it), shows where the request comes from, and its user
 * confirms or cancels. A confirmed code logs in exactly one page, the one that holds the flow, once.
 *
 * <p>PENDING → SCANNED → CONFIRMED | CANCELLED, and EXPIRED by time; {@link QrState#FAILED} is not used here.
 */
@Entity
@Table(name = "qr_login")
@NamedQuery(name = QrLogin.BY_TOKEN, query = "select q from QrLogin q where q.tokenDigest = :digest")
@NamedQuery(name = QrLogin.BY_FLOW, query = "select q from QrLogin q where q.flowDigest = :flow order by q.id desc")
public class QrLogin {

    public static final String BY_TOKEN = "QrLogin.byToken";
    public static final String BY_FLOW = "QrLogin.byFlow";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qr_login_seq")
    @SequenceGenerator(name = "qr_login_seq", sequenceName = "qr_login_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "token_digest", length = 64, nullable = false, unique = true)
    private String tokenDigest;

    @Column(name = "flow_digest", length = 64, nullable = false)
    private String flowDigest;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private QrState state;

    /** Where the page that shows the code is: what the app shows before its user confirms. */
    @Column(name = "origin", length = 200, nullable = false)
    private String origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "scanner", length = 20)
    private QrScanner scanner;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "taxpayer_id")
    private Long taxpayerId;

    @Column(name = "grant_id")
    private Long grantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected QrLogin() {
    }

    public QrLogin(String tokenDigest, String flowDigest, String origin, Instant now, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.flowDigest = flowDigest;
        this.origin = origin;
        this.state = QrState.PENDING;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** The current state, EXPIRED once the life is over and nothing was decided. */
    public QrState state(Instant now) {
        if ((state == QrState.PENDING || state == QrState.SCANNED) && !now.isBefore(expiresAt)) {
            return QrState.EXPIRED;
        }
        return state;
    }

    /**
     * The app of {@code session} scanned the code: from now on only that session may confirm or cancel it. The same
     * session may scan again; another gets {@code QR_ALREADY_SCANNED}.
     */
    public void scan(AppSession session, Instant now) {
        QrState current = live(now);
        if (current == QrState.SCANNED && !session.equals(session())) {
            throw new ConflictException("QR_ALREADY_SCANNED");
        }
        scanner = session.scanner();
        personId = session.personId();
        taxpayerId = session.taxpayerId();
        grantId = session.grantId();
        state = QrState.SCANNED;
    }

    /** The app's user confirmed the login ("确认登录") in the session that scanned. */
    public void confirm(AppSession session, Instant now) {
        requireScannedBy(session, now);
        state = QrState.CONFIRMED;
        decidedAt = now;
    }

    /** The app's user declined it in the session that scanned. */
    public void cancelByApp(AppSession session, Instant now) {
        requireScannedBy(session, now);
        state = QrState.CANCELLED;
        decidedAt = now;
    }

    /** The page gave the code up (a new code, or the person left): an open code can no longer be used. */
    public void withdraw(Instant now) {
        if (state == QrState.PENDING || state == QrState.SCANNED) {
            state = QrState.CANCELLED;
            decidedAt = now;
        }
    }

    /** A confirmed code logs in once, within its life: answers the app session it was confirmed in. */
    public AppSession consume(Instant now) {
        if (state(now) != QrState.CONFIRMED || consumedAt != null || !now.isBefore(expiresAt)) {
            throw new AuthenticationFailedException("QR_LOGIN_NOT_CONFIRMED");
        }
        consumedAt = now;
        return session();
    }

    private QrState live(Instant now) {
        QrState current = state(now);
        if (current == QrState.EXPIRED) {
            throw new AuthenticationFailedException("QR_EXPIRED");
        }
        if (current != QrState.PENDING && current != QrState.SCANNED) {
            throw new ConflictException("QR_ALREADY_DECIDED");
        }
        return current;
    }

    private void requireScannedBy(AppSession session, Instant now) {
        if (live(now) != QrState.SCANNED) {
            throw new ConflictException("QR_NOT_SCANNED");
        }
        if (!session.equals(session())) {
            throw new ConflictException("QR_ALREADY_SCANNED");
        }
    }

    private AppSession session() {
        return scanner == null ? null : new AppSession(scanner, personId, taxpayerId, grantId);
    }

    public Long id() { return id; }
    public String flowDigest() { return flowDigest; }
    public String origin() { return origin; }
    public QrScanner scanner() { return scanner; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant consumedAt() { return consumedAt; }

    /**
     * Who is logged in to the app that scans, and in which business: a person, and for enterprise business the
     * taxpayer and his identity (grant) there. The IIT app has personal business only; the electronic business
     * licence app names its enterprise and the legal representative's identity.
     */
    public record AppSession(QrScanner scanner, long personId, Long taxpayerId, Long grantId)
            implements java.io.Serializable {

        public AppSession {
            Objects.requireNonNull(scanner, "scanner");
            if ((taxpayerId == null) != (grantId == null)) {
                throw new IllegalArgumentException("an enterprise session names both the taxpayer and the identity");
            }
        }

        public boolean enterprise() {
            return taxpayerId != null;
        }
    }
}
