package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrChallenge;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.Secrets;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * QR face checks (RULE-2FA, REG-1): the platform side of the scan. The page starts a check for its flow and polls
 * its state; the app (or its simulator) scans, sees the origin and the masked name of the person expected, and
 * reports the face result. A confirmed check is consumed by exactly one step of the flow that asked for it.
 */
@Stateless
public class QrCheckService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    @ConfigProperty(name = "identity.qr.ttl-seconds", defaultValue = "120")
    long ttlSeconds;

    /** Starts a check for a flow; earlier open checks of the flow are cancelled. Returns the QR token. */
    public String start(String flowDigest, QrApp app, FlowKind purpose, String subjectDigest, String subjectMasked,
                        ClientContext client) {
        em.createNamedQuery(QrChallenge.LATEST_OF_FLOW, QrChallenge.class).setParameter("flow", flowDigest)
                .setMaxResults(5).getResultList().forEach(q -> q.cancel(clock.now()));
        String token = Secrets.token();
        em.persist(new QrChallenge(digest(token), flowDigest, app, purpose, subjectDigest, subjectMasked,
                client.describe(), clock.now(), clock.now().plusSeconds(ttlSeconds)));
        return token;
    }

    /** State of the flow's latest check, for the page's poll. */
    public QrState stateOfFlow(String flowDigest) {
        return latest(flowDigest, false).map(q -> q.state(clock.now())).orElse(QrState.CANCELLED);
    }

    /** Consumes the flow's confirmed check; throws {@code QR_NOT_CONFIRMED} when there is none. */
    public QrApp consumeConfirmed(String flowDigest) {
        QrChallenge q = latest(flowDigest, true)
                .orElseThrow(() -> new AuthenticationFailedException("QR_NOT_CONFIRMED"));
        q.consume(clock.now());
        return q.app();
    }

    /**
     * The same for a flow whose checks serve several purposes (the account center's changes, REG-7's deregistration):
     * only a check started for {@code purpose}, which the app showed the person, proves it (ASVS 2.7.3).
     */
    public QrApp consumeConfirmed(String flowDigest, FlowKind purpose) {
        QrChallenge q = latest(flowDigest, true).filter(c -> c.purpose() == purpose)
                .orElseThrow(() -> new AuthenticationFailedException("QR_NOT_CONFIRMED"));
        q.consume(clock.now());
        return q.app();
    }

    /**
     * The flow's latest check failed and its failure was not taken yet: takes it and answers the app that checked,
     * so that it counts towards the face lockout once however often its result is asked for (RULE-LOCK). Its own transaction, committed at
     * once: the caller's refusal rolls its own back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<QrApp> takeFailure(String flowDigest) {
        return latest(flowDigest, true).filter(q -> q.takeFailure(clock.now())).map(QrChallenge::app);
    }

    /**
     * {@link #consumeConfirmed} committed at once, for a caller whose own transaction then refuses: the face check
     * stays used, so the refusal cannot be asked for again without a new one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public QrApp consumeConfirmedSeparately(String flowDigest, FlowKind purpose) {
        return consumeConfirmed(flowDigest, purpose);
    }

    // ---- the app side

    /** The app scanned the code: what it shows before the face check. */
    public Scan scan(String qrToken) {
        QrChallenge q = byToken(qrToken);
        q.scan(clock.now());
        return new Scan(q.app(), q.purpose(), q.subjectMasked(), q.origin(), q.expiresAt());
    }

    /**
     * The app reports the face result. {@code faceMatches}: the live face matched the expected person;
     * {@code appUserDigest}: the document digest of the app's logged-in user (required by the IIT app). An IIT app
     * not logged in as the person to check decides nothing — {@code QR_APP_LOGIN_REQUIRED} or
     * {@code QR_APP_USER_MISMATCH} to the app, the check left open for his own app — so that another person's scan
     * neither fails the check nor counts a face failure against him (RULE-LOCK).
     */
    public QrState decide(String qrToken, boolean faceMatches, String appUserDigest) {
        QrChallenge q = byToken(qrToken);
        if (q.app() == QrApp.IIT_APP && !q.subjectDigest().equals(appUserDigest)) {
            throw new ForbiddenException(appUserDigest == null ? "QR_APP_LOGIN_REQUIRED" : "QR_APP_USER_MISMATCH");
        }
        if (faceMatches) {
            q.confirm(clock.now());
        } else {
            q.fail(clock.now());
        }
        return q.state(clock.now());
    }

    private java.util.Optional<QrChallenge> latest(String flowDigest, boolean lock) {
        Long id = em.createNamedQuery(QrChallenge.LATEST_ID_OF_FLOW, Long.class).setParameter("flow", flowDigest)
                .getSingleResult();
        if (id == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(lock ? em.find(QrChallenge.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(QrChallenge.class, id));
    }

    private QrChallenge byToken(String qrToken) {
        if (qrToken == null || qrToken.isBlank() || qrToken.length() > 64) {
            throw new NotFoundException("QR_UNKNOWN");
        }
        return em.createNamedQuery(QrChallenge.BY_TOKEN, QrChallenge.class).setParameter("digest", digest(qrToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("QR_UNKNOWN"));
    }

    private String digest(String token) {
        return protector.digest("qr", token);
    }

    /** What the phone shows after scanning. */
    public record Scan(QrApp app, FlowKind purpose, String subjectMasked, String origin, java.time.Instant expiresAt) {
    }
}
