package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LOGIN-9 "logout ends it everywhere", for downstream applications too (API-2): the logins of this server whose
 * assertions were handed out, and the back-channel logout each gets once when its session ends — by logout, by a new
 * login in the same browser, by the idle or absolute timeout, or at once when the account's sessions end
 * ({@link EndedAccounts}: a password changed or reset, a deregistration, a fee payer closed). The portal session itself
 * still ends at its next request; downstream applications do not wait for it. Whichever path claims a login first sends
 * its logout; the others find nothing to send.
 */
@ApplicationScoped
public class LoginSessions {

    /** The session attribute holding the {@link LoginSession}. */
    static final String ATTRIBUTE = "etax.loginSession";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Live> live = new ConcurrentHashMap<>();

    @Inject
    BackChannelLogout backChannel;

    @Inject
    EndedAccounts endedAccounts;

    @Inject
    Instance<HttpServletRequest> currentRequest;

    @PostConstruct
    void listen() {
        endedAccounts.onEnded(this::accountsEnded);
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
        synchronized (this) {
            // two first assertions of one login at once get the same sid
            known = known(session, subject, feePayer);
            if (known != null) {
                return known;
            }
            end(session);
            byte[] sid = new byte[16];
            RANDOM.nextBytes(sid);
            LoginSession login = new LoginSession(Base64.getUrlEncoder().withoutPadding().encodeToString(sid),
                    subject, feePayer);
            session.setAttribute(ATTRIBUTE, login);
            live.put(login.sid(), new Live(session, login));
            return login;
        }
    }

    private static LoginSession known(HttpSession session, String subject, boolean feePayer) {
        return session.getAttribute(ATTRIBUTE) instanceof LoginSession known && known.subject().equals(subject)
                && known.feePayer() == feePayer ? known : null;
    }

    /**
     * The login of {@code session} has ended (logout, a new login, the session's end): downstream applications are told,
     * unless another path told them already. Completes when they have answered or the wait is over.
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
            return backChannel.loggedOut(login);
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Some account's sessions ended: each registered login whose session that ends is told now. The session of the
     * request that ended them is left to that request (a password changed in it keeps it; a deregistration logs it
     * out), and is told when it ends.
     */
    void accountsEnded() {
        HttpSession own = ownSession();
        live.forEach((sid, entry) -> {
            if (entry.session() != own && CurrentSession.ended(entry.session(), endedAccounts)
                    && live.remove(sid, entry)) {
                backChannel.loggedOut(entry.login());
            }
        });
    }

    /** A registered login and the session it lives in. */
    private record Live(HttpSession session, LoginSession login) {
    }

    /** The session of the request in this thread, if any. */
    private HttpSession ownSession() {
        try {
            return currentRequest.get().getSession(false);
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
