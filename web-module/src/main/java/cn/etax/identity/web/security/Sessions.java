package cn.etax.identity.web.security;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts and ends logged-in sessions for pages and REST alike. */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

    @Inject
    SingleSignOn sso;

    @Inject
    LoginSessions logins;

    @Inject
    BackChannelLogout backChannel;

    @EJB
    AccountService accounts;

    /**
     * Makes the completed login the caller of this and later requests; the session id changes. No assertion is signed
     * here (API-2): the first {@code GET /api/v1/me/assertion} of the session signs one, so a login that never meets a
     * downstream application costs no signature; an assertion of an earlier login in the same session is dropped.
     */
    public boolean login(HttpServletRequest request, HttpServletResponse response, AuthenticatedPerson person) {
        boolean ok = authenticate(request, response, new CompletedLogin(person));
        if (ok) {
            loginReplaced(request);
        }
        return ok;
    }

    /**
     * A new login in a session that held one: the earlier login's assertion is no longer handed out, and downstream
     * applications that knew the earlier login hear that it ended (LOGIN-9).
     */
    private void loginReplaced(HttpServletRequest request) {
        sso.forget(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            logins.end(session);
        }
    }

    /**
     * ENT-9: the session acts in another identity from now on — a new session id (the old one, as a stale tab or a
     * copied cookie holds it, is worth nothing), and the previous identity's single sign-on assertion is no longer
     * handed out (the next {@code GET /api/v1/me/assertion} signs one of the new identity). False when the session
     * has ended in the meantime.
     */
    public boolean switched(HttpServletRequest request, AuthenticatedPerson person) {
        HttpSession session = request.getSession(false);
        if (session == null || CurrentSession.person(session) == null) {
            return false;
        }
        sso.forget(request);
        request.changeSessionId();
        CurrentSession.replace(session, person);
        return true;
    }

    /**
     * RULE-RN: after a step whose face check may have raised the caller's level (confirming an authorisation, adding a
     * document), the session — and the assertions it signs — carry the level as it now stands.
     */
    public void realNameLevelMayHaveRisen(HttpServletRequest request) {
        AuthenticatedPerson p = current(request);
        if (p == null) {
            return;
        }
        int level = accounts.realNameLevel();
        if (level != p.realNameLevel()) {
            realNameLevelRaised(request, level);
        }
    }

    /**
     * PER-6: the session's caller carries the raised real-name level from now on; an assertion signed with the old
     * level is no longer handed out (the next {@code GET /api/v1/me/assertion} signs one with the new level).
     */
    public void realNameLevelRaised(HttpServletRequest request, int level) {
        HttpSession session = request.getSession(false);
        AuthenticatedPerson p = CurrentSession.person(session);
        if (p == null) {
            return;
        }
        sso.forget(request);
        CurrentSession.replace(session, new AuthenticatedPerson(p.personId(), p.name(), level, p.methods(),
                p.authenticatedAt(), p.enterprise(), p.agent(), p.crossRegion()));
    }

    /**
     * A page found the session's enterprise, agent or special-subject identity gone (CURRENT_IDENTITY_UNAVAILABLE:
     * frozen, deleted, cancelled or expired since): the session goes on in personal business, as after 切换到个人办税,
     * so that its header and navigation no longer name what it may not act as; no assertion of the old identity is
     * handed out again. Getting back needs a new login, as the message says.
     */
    public void identityLost(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        AuthenticatedPerson p = session == null ? null : CurrentSession.person(session);
        if (p == null || p.enterprise() == null && p.agent() == null && p.crossRegion() == null) {
            return;
        }
        sso.forget(request);
        CurrentSession.replace(session, new AuthenticatedPerson(p.personId(), p.name(), p.realNameLevel(),
                p.methods(), p.authenticatedAt(), null, null, null));
    }

    /** §8: the clerk becomes the caller of the console; the session id changes. */
    public boolean clerkLogin(HttpServletRequest request, HttpServletResponse response, AuthenticatedClerk clerk) {
        boolean ok = authenticate(request, response, new CompletedClerkLogin(clerk));
        if (ok) {
            loginReplaced(request);
        }
        return ok;
    }

    /** LOGIN-10: the fee payer's account becomes the caller of the fee services; the session id changes. */
    public boolean feePayerLogin(HttpServletRequest request, HttpServletResponse response,
                                 AuthenticatedFeePayer payer) {
        boolean ok = authenticate(request, response, new CompletedFeePayerLogin(payer));
        if (ok) {
            loginReplaced(request);
        }
        return ok;
    }

    public AuthenticatedFeePayer currentFeePayer(HttpServletRequest request) {
        return CurrentSession.feePayer(request.getSession(false));
    }

    /** The container's login with a completed login as the credential ({@link SessionAuthModule}). */
    private static boolean authenticate(HttpServletRequest request, HttpServletResponse response, Object credential) {
        request.setAttribute(SessionAuthModule.CREDENTIAL, credential);
        try {
            return request.authenticate(response);
        } catch (IOException | ServletException e) {
            LOG.log(Level.WARNING, "the container refused a completed login", e);
            return false;
        } finally {
            request.removeAttribute(SessionAuthModule.CREDENTIAL);
        }
    }

    public AuthenticatedClerk currentClerk(HttpServletRequest request) {
        return CurrentSession.clerk(request.getSession(false));
    }

    /**
     * §8: the clerk changed his password in this session at {@code changedAt}, which ended his sessions opened until
     * then; this one goes on.
     */
    public void clerkPasswordChanged(HttpServletRequest request, java.time.Instant changedAt) {
        HttpSession session = request.getSession(false);
        AuthenticatedClerk clerk = CurrentSession.clerk(session);
        if (clerk != null) {
            CurrentSession.replaceClerk(session, clerk.openedAfter(changedAt));
        }
    }

    /**
     * The person changes his password in this session ({@code change} answers the moment): his sessions opened until
     * then end, in the portal and downstream, and this one goes on, downstream too. Answers the moment.
     */
    public java.time.Instant passwordChange(HttpServletRequest request, Supplier<java.time.Instant> change) {
        HttpSession session = request.getSession(false);
        boolean person = CurrentSession.person(session) != null;
        request.setAttribute(LoginSessions.KEEPS_CALLER, Boolean.TRUE);
        if (person) {
            // the session's other requests meanwhile must not take the change's own moment for its end
            CurrentSession.passwordChanging(session, true);
        }
        try {
            java.time.Instant changedAt = change.get();
            if (person) {
                CurrentSession.passwordChanged(session, changedAt);
            }
            return changedAt;
        } finally {
            request.removeAttribute(LoginSessions.KEEPS_CALLER);
            if (person) {
                try {
                    CurrentSession.passwordChanging(session, false);
                } catch (IllegalStateException ended) {
                    // the change's own lock ended it
                }
            }
        }
    }

    /**
     * Ends the session everywhere it is used (LOGIN-9); a stale tab or a copied cookie gets nothing afterwards, and the
     * downstream applications have been told (back-channel logout) when this returns, unless they did not answer in
     * time.
     */
    public void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        CompletableFuture<Void> told = session == null ? null : logins.end(session);
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is invalidated below anyway
        }
        session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (told != null) {
            backChannel.await(told);
        }
    }

    public AuthenticatedPerson current(HttpServletRequest request) {
        return CurrentSession.person(request.getSession(false));
    }
}
