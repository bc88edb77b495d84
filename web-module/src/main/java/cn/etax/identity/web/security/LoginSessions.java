package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.sso.application.AssertionClaims;
import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LOGIN-9 "logout ends it everywhere", for downstream applications too (API-2): the logins of this server whose
 * assertions were handed out, and what each gets once when it ends — a back-channel logout, and this server's
 * verifier refusing its assertions ({@link AssertionIssuer#loggedOut}). A login ends by logout, by a new login in the
 * same browser, by the idle timeout, by the absolute limit (a sweep each minute, not only at the next request), or
 * at once when the account's sessions end ({@link EndedAccounts}: a password changed in another session or reset, a
 * lock, a deregistration, a fee payer closed). The portal session itself ends at its next request. Whichever path
 * claims a login first tells it; the others find nothing to tell.
 */
@ApplicationScoped
public class LoginSessions {

    private static final Logger LOG = Logger.getLogger(LoginSessions.class.getName());

    /** The session attribute holding the {@link LoginSession}. */
    static final String ATTRIBUTE = "etax.loginSession";

    /** Request attribute: the password is being changed in this request's session, which goes on. */
    static final String KEEPS_CALLER = "etax.keepsCallerSession";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Live> live = new ConcurrentHashMap<>();

    @Inject
    BackChannelLogout backChannel;

    @Inject
    AssertionIssuer issuer;

    @Inject
    EndedAccounts endedAccounts;

    @Inject
    BusinessClock clock;

    @Inject
    Instance<HttpServletRequest> currentRequest;

    @Inject
    @ConfigProperty(name = "identity.session.absolute-hours", defaultValue = "12")
    int absoluteHours;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void listen() {
        endedAccounts.onEnded(this::accountEnded);
        if (scheduler != null) {
            sweep = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /**
     * The login session of {@code session} for an assertion of {@code subject}: the one it has, or a new one (with its
     * own {@code sid}) registered for the back-channel logout.
     */
    public LoginSession of(HttpSession session, String subject, boolean feePayer) {
        LoginSession known = known(session, subject, feePayer);
        if (known != null) {
            return known;
        }
        LoginSession login;
        synchronized (this) {
            // two first assertions of one login at once get the same sid
            known = known(session, subject, feePayer);
            if (known != null) {
                return known;
            }
            end(session);
            byte[] sid = new byte[16];
            RANDOM.nextBytes(sid);
            login = new LoginSession(Base64.getUrlEncoder().withoutPadding().encodeToString(sid), subject, feePayer);
            session.setAttribute(ATTRIBUTE, login);
            live.put(login.sid(), new Live(session, login));
        }
        if (CurrentSession.ended(session, endedAccounts)) {
            // the account's sessions ended while this request was on its way: no check after that saw the login
            end(session);
        }
        return login;
    }

    private static LoginSession known(HttpSession session, String subject, boolean feePayer) {
        return session.getAttribute(ATTRIBUTE) instanceof LoginSession known && known.subject().equals(subject)
                && known.feePayer() == feePayer ? known : null;
    }

    /**
     * The login of {@code session} has ended (logout, a new login, the session's end): it is told, unless another path
     * told it already. Completes when the downstream applications have answered or the wait is over.
     */
    public CompletableFuture<Void> end(HttpSession session) {
        Object kept;
        try {
            kept = session.getAttribute(ATTRIBUTE);
            session.removeAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return CompletableFuture.completedFuture(null);
        }
        if (kept instanceof LoginSession login && live.remove(login.sid()) != null) {
            return told(login);
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The sessions of the event's account ended: each of its registered logins whose session that ends is told now.
     * The session of the request that changed the password in it goes on ({@link Sessions#passwordChange}); a
     * lock by a session's own guesses, or a reset asked in a session, ends that one too.
     */
    void accountEnded(SessionsEnded event, boolean callerMayGoOn) {
        String subject = switch (event.holder()) {
            case PERSON -> Long.toString(event.id());
            case FEE_PAYER -> AssertionClaims.feePayerSubject(event.id());
            case CLERK -> null; // a clerk's session hands out no assertion
        };
        if (subject == null) {
            return;
        }
        boolean feePayer = event.holder() == SessionsEnded.Holder.FEE_PAYER;
        HttpServletRequest request = currentRequest();
        HttpSession own = request == null ? null : request.getSession(false);
        boolean keepsOwn = callerMayGoOn && request != null && Boolean.TRUE.equals(request.getAttribute(KEEPS_CALLER));
        live.forEach((sid, entry) -> {
            boolean isOwn = entry.session() == own;
            if (entry.login().subject().equals(subject) && entry.login().feePayer() == feePayer
                    && !(isOwn && keepsOwn) && CurrentSession.ended(entry.session(), endedAccounts, isOwn)
                    && live.remove(sid, entry)) {
                forget(entry.session());
                told(entry.login());
            }
        });
    }

    /**
     * Each minute: logins whose session passed the absolute limit end now ({@link SessionLimitFilter} ends such a
     * session at its next request, which may never come); an entry whose session is gone without its end being seen is
     * told and dropped.
     */
    void sweep() {
        Instant limit = clock.now().minus(Duration.ofHours(absoluteHours));
        live.forEach((sid, entry) -> {
            try {
                Instant started = CurrentSession.started(entry.session());
                if (started != null && started.isBefore(limit)) {
                    entry.session().invalidate(); // its end tells the login
                }
            } catch (IllegalStateException gone) {
                if (live.remove(sid, entry)) {
                    told(entry.login());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the session sweep could not look at a login", e);
            }
        });
    }

    /** The login ended: this server refuses its assertions from now on, and downstream applications are told. */
    private CompletableFuture<Void> told(LoginSession login) {
        try {
            issuer.loggedOut(login.sid());
            return backChannel.loggedOut(login);
        } catch (RuntimeException e) {
            // a logout or a session's end must go on whatever happens here
            LOG.log(Level.WARNING, "the end of a login could not be passed on", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A session whose login was told: a later assertion of it (should it go on) belongs to a new login. */
    private static void forget(HttpSession session) {
        try {
            session.removeAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            // ended meanwhile
        }
    }

    /** The request in this thread, if any. */
    private HttpServletRequest currentRequest() {
        try {
            HttpServletRequest request = currentRequest.get();
            request.getAttributeNames(); // outside a request the proxy answers only here
            return request;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    /** A registered login and the session it lives in. */
    private record Live(HttpSession session, LoginSession login) {
    }
}
