package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrScanner;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;

/**
 * LOGIN-7 扫码登录. The page side: a one-time QR code bound to a new login flow, and its state for the page's poll
 * (the login itself completes in {@link LoginSteps#qrLoginConfirmed}). The app side: the tax app, the IIT app or the
 * electronic business licence app, with its user logged in, scans the code, shows where the request comes from,
 * and confirms or cancels. Every app step checks the app session again: the person is registered and active, the
 * IIT app logs in personal business only, the licence app only its enterprise's legal representative, and an
 * enterprise identity must be in force.
 */
@Stateless
public class QrLoginService {

    /** The key space of these tokens, apart from the face checks', the flows' and the SMS codes'. */
    private static final String TOKEN_KIND = "qr-login";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AddressThrottle throttle;

    @EJB
    FlowService flows;

    @EJB
    PersonDirectory directory;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    @ConfigProperty(name = "identity.qr.ttl-seconds", defaultValue = "120")
    long ttlSeconds;

    /** A new QR code for a login page: the flow the page keeps, the token the code shows, and when it expires. */
    public Started start(ClientContext client) {
        throttle.qrCode(client);
        FlowService.Started flow = flows.start(FlowKind.QR_LOGIN, client);
        String token = Secrets.token();
        Instant expiresAt = clock.now().plusSeconds(ttlSeconds);
        em.persist(new QrLogin(digest(token), flow.flow().tokenDigest(), client.describe(), clock.now(), expiresAt));
        return new Started(flow.token(), token, expiresAt, ttlSeconds);
    }

    /** The state of the flow's code, for the page's poll: PENDING, SCANNED, CONFIRMED, CANCELLED or EXPIRED. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QrState state(String flowToken) {
        String flow = flows.peek(flowToken, FlowKind.QR_LOGIN).tokenDigest();
        return ofFlow(flow, false).map(q -> q.state(clock.now())).orElse(QrState.CANCELLED);
    }

    /** The flow's confirmed code, used now by the login it completes ({@code QR_LOGIN_NOT_CONFIRMED} otherwise). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public QrLogin.AppSession consume(String flowDigest) {
        return ofFlow(flowDigest, true).orElseThrow(() -> new AuthenticationFailedException("QR_LOGIN_NOT_CONFIRMED"))
                .consume(clock.now());
    }

    /** The page gives its code up (a new one, or it left): an open code of that flow can no longer be used. */
    public void withdraw(String flowToken) {
        if (flowToken == null) {
            return;
        }
        try {
            String flow = flows.peek(flowToken, FlowKind.QR_LOGIN).tokenDigest();
            ofFlow(flow, true).ifPresent(q -> q.withdraw(clock.now()));
        } catch (AuthenticationFailedException e) {
            // the flow is gone or over already: nothing left to withdraw
        }
    }

    // ---- the app side

    /**
     * The app of {@code session} scanned {@code qrToken}: bound to that session from now on. Answers what the phone
     * shows before its user confirms: where the page is, whom and which business it will log in, until when.
     */
    public Scan scan(String qrToken, QrLogin.AppSession session) {
        QrLogin q = byToken(qrToken);
        Login login = check(session);
        q.scan(session, clock.now());
        return new Scan(q.origin(), session.scanner(), login.nameMasked(), login.identity(), q.expiresAt());
    }

    /** "确认登录" in the app that scanned: the page that shows the code logs in with the next poll. */
    public void confirm(String qrToken, QrLogin.AppSession session, ClientContext app) {
        QrLogin q = byToken(qrToken);
        Login login = check(session);
        q.confirm(session, clock.now());
        audit.record(session.personId(), "QR_LOGIN_CONFIRMED", target(login),
                session.scanner() + " for " + q.origin(), app);
    }

    /** "取消登录" in the app that scanned: the page tells the person and offers a new code. */
    public void cancel(String qrToken, QrLogin.AppSession session) {
        byToken(qrToken).cancelByApp(session, clock.now());
    }

    /** Whether {@code qrToken} is a login code at all (the simulated app tells login codes from face checks). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> peek(String qrToken) {
        if (!wellFormed(qrToken)) {
            return Optional.empty();
        }
        return em.createNamedQuery(QrLogin.BY_TOKEN, QrLogin.class).setParameter("digest", digest(qrToken))
                .getResultStream().findFirst().map(QrLogin::expiresAt);
    }

    /**
     * The app session checked now: a registered, active person; for the IIT app personal business only; for the
     * licence app the legal representative's identity; for enterprise business an identity in force
     * ({@code ENTERPRISE_IDENTITY_FROZEN}, {@code ENTERPRISE_IDENTITY_UNAVAILABLE}).
     */
    private Login check(QrLogin.AppSession session) {
        Person person = directory.get(session.personId());
        if (!person.active()) {
            throw new AuthenticationFailedException("USER_NOT_REGISTERED");
        }
        EnterpriseIdentity identity = null;
        if (session.scanner() == QrScanner.IIT_APP && session.enterprise()) {
            throw new ForbiddenException("QR_IIT_APP_PERSONAL_ONLY");
        }
        if (session.scanner() == QrScanner.LICENCE_APP && !session.enterprise()) {
            throw new ForbiddenException("QR_LICENCE_ENTERPRISE_ONLY");
        }
        if (session.enterprise()) {
            identity = identities.choose(person.id(), session.taxpayerId(), session.grantId());
            if (session.scanner() == QrScanner.LICENCE_APP
                    && identity.identityType() != IdentityType.LEGAL_REPRESENTATIVE) {
                throw new ForbiddenException("QR_LICENCE_NOT_LEGAL_REPRESENTATIVE");
            }
        }
        return new Login(person, Masking.name(person.name()), identity);
    }

    private static String target(Login login) {
        return login.identity() == null ? "person:" + login.person().id()
                : "taxpayer:" + login.identity().creditCode();
    }

    private Optional<QrLogin> ofFlow(String flowDigest, boolean lock) {
        Optional<QrLogin> latest = em.createNamedQuery(QrLogin.BY_FLOW, QrLogin.class)
                .setParameter("flow", flowDigest).setMaxResults(1).getResultStream().findFirst();
        return lock ? latest.map(q -> em.find(QrLogin.class, q.id(), LockModeType.PESSIMISTIC_WRITE)) : latest;
    }

    private QrLogin byToken(String qrToken) {
        if (!wellFormed(qrToken)) {
            throw new NotFoundException("QR_UNKNOWN");
        }
        return em.createNamedQuery(QrLogin.BY_TOKEN, QrLogin.class).setParameter("digest", digest(qrToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("QR_UNKNOWN"));
    }

    private static boolean wellFormed(String qrToken) {
        return qrToken != null && !qrToken.isBlank() && qrToken.length() <= 64;
    }

    private String digest(String token) {
        return protector.digest(TOKEN_KIND, token);
    }

    private record Login(Person person, String nameMasked, EnterpriseIdentity identity) {
    }

    /**
     * A new code: {@code flowToken} stays with the page, {@code qrToken} is what the code shows, valid for
     * {@code validSeconds} until {@code expiresAt}.
     */
    public record Started(String flowToken, String qrToken, Instant expiresAt, long validSeconds)
            implements java.io.Serializable {
    }

    /**
     * What the phone shows after scanning: the page's address and browser, the app, the person (masked) and, for
     * enterprise business, the identity it will log in with.
     */
    public record Scan(String origin, QrScanner scanner, String personMasked, EnterpriseIdentity identity,
                       Instant expiresAt) implements java.io.Serializable {
    }
}
