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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A QR face check: the page shows a one-time token, the app scans it, shows where the request comes from, checks
 * the live face of the expected person and confirms or fails. The token is bound to one flow; the state lives in
 * the database so any node can answer the page's poll.
 */
@Entity
@Table(name = "qr_challenge")
@NamedQuery(name = QrChallenge.BY_TOKEN, query = "select q from QrChallenge q where q.tokenDigest = :digest")
@NamedQuery(name = QrChallenge.LATEST_OF_FLOW, query = "select q from QrChallenge q where q.flowDigest = :flow "
        + "order by q.id desc")
@NamedQuery(name = QrChallenge.LATEST_ID_OF_FLOW, query = "select max(q.id) from QrChallenge q "
        + "where q.flowDigest = :flow")
public class QrChallenge {

    public static final String LATEST_ID_OF_FLOW = "QrChallenge.latestIdOfFlow";

    public static final String BY_TOKEN = "QrChallenge.byToken";
    public static final String LATEST_OF_FLOW = "QrChallenge.latestOfFlow";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qr_challenge_seq")
    @SequenceGenerator(name = "qr_challenge_seq", sequenceName = "qr_challenge_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "token_digest", length = 64, nullable = false, unique = true)
    private String tokenDigest;

    @Column(name = "flow_digest", length = 64, nullable = false)
    private String flowDigest;

    @Enumerated(EnumType.STRING)
    @Column(name = "app", length = 20, nullable = false)
    private QrApp app;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", length = 20, nullable = false)
    private FlowKind purpose;

    @Column(name = "subject_digest", length = 64, nullable = false)
    private String subjectDigest;

    @Column(name = "subject_masked", length = 140, nullable = false)
    private String subjectMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private QrState state;

    @Column(name = "origin", length = 200, nullable = false)
    private String origin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected QrChallenge() {
    }

    public QrChallenge(String tokenDigest, String flowDigest, QrApp app, FlowKind purpose, String subjectDigest,
                       String subjectMasked, String origin, Instant now, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.flowDigest = flowDigest;
        this.app = app;
        this.purpose = purpose;
        this.subjectDigest = subjectDigest;
        this.subjectMasked = subjectMasked;
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

    public void scan(Instant now) {
        QrState current = state(now);
        if (current == QrState.EXPIRED) {
            throw new AuthenticationFailedException("QR_EXPIRED");
        }
        if (current != QrState.PENDING && current != QrState.SCANNED) {
            throw new ConflictException("QR_ALREADY_DECIDED");
        }
        state = QrState.SCANNED;
    }

    /** The app's face check matched the expected person (or, for the IIT app, its logged-in user is that person). */
    public void confirm(Instant now) {
        requireScanned(now);
        state = QrState.CONFIRMED;
        decidedAt = now;
    }

    public void fail(Instant now) {
        requireScanned(now);
        state = QrState.FAILED;
        decidedAt = now;
    }

    public void cancel(Instant now) {
        if (state == QrState.PENDING || state == QrState.SCANNED) {
            state = QrState.CANCELLED;
            decidedAt = now;
        }
    }

    /** A confirmed check is used by exactly one step of its flow. */
    public void consume(Instant now) {
        if (state(now) != QrState.CONFIRMED || consumedAt != null) {
            throw new AuthenticationFailedException("QR_NOT_CONFIRMED");
        }
        consumedAt = now;
    }

    /** A failed check is counted once: true the first time its failure is taken, false after. */
    public boolean takeFailure(Instant now) {
        if (state != QrState.FAILED || consumedAt != null) {
            return false;
        }
        consumedAt = now;
        return true;
    }

    private void requireScanned(Instant now) {
        QrState current = state(now);
        if (current == QrState.EXPIRED) {
            throw new AuthenticationFailedException("QR_EXPIRED");
        }
        if (current != QrState.SCANNED) {
            throw new ConflictException("QR_ALREADY_DECIDED");
        }
    }

    public Long id() { return id; }
    public String flowDigest() { return flowDigest; }
    public QrApp app() { return app; }
    public FlowKind purpose() { return purpose; }
    public String subjectDigest() { return subjectDigest; }
    public String subjectMasked() { return subjectMasked; }
    public String origin() { return origin; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant consumedAt() { return consumedAt; }
}
