package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.JsonBuilders;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.web.i18n.Texts;
import cn.etax.identity.web.rest.CrossOriginReads;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's Jakarta Authentication module (servlet container profile), registered for this web application
 * by {@link SessionAuthModuleInstaller}. It establishes the caller once the multi-step login is complete (password →
 * second factor → agreements): the steps themselves run in the EJB services, and {@link Sessions} hands their result
 * to {@code request.authenticate}, whereupon this module starts the session's login with a new session id
 * (LOGIN-9). A tax-office clerk (§8) logs in the same way with a principal and roles of his own ({@code CLERK} and
 * his counter duties, never {@code PERSON}).
 *
 * <p>Every later request of the session is re-established here from the session's caller, with principal and
 * groups, so EJB role checks see them. Protected pages without a login go to the login page (the clerk console's to
 * the clerk login page); the protected API answers 401 in JSON.
 *
 * <p>Why a module of its own and not a Jakarta Security {@code HttpAuthenticationMechanism}: Payara's bridge to such
 * a mechanism looks the CDI bean manager up in JNDI twice per request (a new {@code InitialContext} and a
 * {@code NamingException} with its stack trace each time). That was about a tenth of a login's CPU outside the
 * password hash, for five requests that need nothing but a session read.
 */
final class SessionAuthModule implements ServerAuthModule {

    private static final Logger LOG = Logger.getLogger(SessionAuthModule.class.getName());

    /** The request attribute through which {@link Sessions} hands a completed login to {@code request.authenticate}. */
    static final String CREDENTIAL = SessionAuthModule.class.getName() + ".credential";
    /** Set by the container when the requested resource is protected (Jakarta Authentication, servlet profile). */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /** LOGIN-10: a social-security fee payer's account reaches the fee services and nothing else. */
    static final String FEE_PAYER_ROLE = "FEE_PAYER";
    private static final String[] FEE_PAYER_GROUPS = {FEE_PAYER_ROLE};

    private final BusinessClock clock;
    private final EndedAccounts endedAccounts;
    private final int idleMinutes;
    private volatile CallbackHandler handler;

    SessionAuthModule(BusinessClock clock, EndedAccounts endedAccounts, int idleMinutes) {
        this.clock = clock;
        this.endedAccounts = endedAccounts;
        this.idleMinutes = idleMinutes;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[]{HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        try {
            return validate(message, client);
        } catch (RuntimeException e) {
            // the container answers 500 to an exception here without logging it
            LOG.log(Level.SEVERE, "request authentication failed", e);
            throw (AuthException) new AuthException("request authentication failed").initCause(e);
        }
    }

    private AuthStatus validate(MessageInfo message, Subject client) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        if (sessionIdInAddress(request)) {
            return refuseSessionInAddress(request, (HttpServletResponse) message.getResponseMessage());
        }
        Object credential = request.getAttribute(CREDENTIAL);
        if (credential instanceof CompletedLogin login) {
            CurrentSession.start(newSession(request), login.person(), clock.now(), idleMinutes);
            return caller(client, new PersonPrincipal(login.person().personId()), personGroups(login.person()));
        }
        if (credential instanceof CompletedClerkLogin login) {
            CurrentSession.startClerk(newSession(request), login.clerk(), clock.now(), idleMinutes);
            return caller(client, new ClerkPrincipal(login.clerk()), clerkGroups(login.clerk()));
        }
        if (credential instanceof CompletedFeePayerLogin login) {
            CurrentSession.startFeePayer(newSession(request), login.payer(), clock.now(), idleMinutes);
            return caller(client, new FeePayerPrincipal(login.payer()), FEE_PAYER_GROUPS);
        }
        HttpSession session = request.getSession(false);
        if (session != null && CurrentSession.ended(session, endedAccounts)) {
            // REG-7: the person deregistered (in this session or another) after this login; or his password was
            // changed in another session, reset, or locked by this session's guesses. §8: an administrator stopped the
            // clerk, reset his password or changed his duties, or he changed his password elsewhere. LOGIN-10: the fee
            // collection system closed the payer. Whichever came after this login: the session ends here
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // by a request of its own a moment ago
            }
            session = null;
        }
        AuthenticatedPerson person = CurrentSession.person(session);
        AuthenticatedClerk clerk = CurrentSession.clerk(session);
        AuthenticatedFeePayer payer = CurrentSession.feePayer(session);
        if (person != null) {
            return caller(client, new PersonPrincipal(person.personId()), personGroups(person));
        }
        if (clerk != null) {
            return caller(client, new ClerkPrincipal(clerk), clerkGroups(clerk));
        }
        if (payer != null) {
            return caller(client, new FeePayerPrincipal(payer), FEE_PAYER_GROUPS);
        }
        if (!Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            // an open resource: the request goes on without a caller
            handle(new CallerPrincipalCallback(client, (Principal) null));
            return AuthStatus.SUCCESS;
        }
        return refuse(request, (HttpServletResponse) message.getResponseMessage());
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /** The session of a login that has just completed: created if need be, and always under a new id (LOGIN-9). */
    private static HttpSession newSession(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        return request.getSession(false);
    }

    private AuthStatus caller(Subject client, Principal principal, String[] groups) throws AuthException {
        handle(new CallerPrincipalCallback(client, principal), new GroupPrincipalCallback(client, groups));
        return AuthStatus.SUCCESS;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("the container refused the caller").initCause(e);
        }
    }

    /** A protected resource without a login: 401 in JSON for the API, the login page for a page. */
    /**
     * LOGIN-9, ASVS 3.1.1: whether the request names a session in its address ({@code ;ETAXSESSION=…},
     * {@code ;jsessionid=…}), which the container honours although sessions are tracked by cookie only. Nothing is
     * done for such a request, so a copied or planted link carries no session.
     */
    static boolean sessionIdInAddress(HttpServletRequest request) {
        if (request.isRequestedSessionIdFromURL()) {
            return true;
        }
        String uri = request.getRequestURI().toLowerCase(Locale.ROOT);
        String cookie = request.getServletContext().getSessionCookieConfig().getName();
        return uri.contains(";jsessionid=") || cookie != null && uri.contains(";" + cookie.toLowerCase(Locale.ROOT) + "=");
    }

    /** 400 {@code SESSION_IN_ADDRESS}: JSON for the API, the error page for a page. */
    private static AuthStatus refuseSessionInAddress(HttpServletRequest request, HttpServletResponse response)
            throws AuthException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.startsWith("/api/")) {
                writeError(request, response, HttpServletResponse.SC_BAD_REQUEST, "SESSION_IN_ADDRESS",
                        "error.session_in_address");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            return AuthStatus.SEND_FAILURE;
        } catch (IOException e) {
            throw (AuthException) new AuthException("the refusal could not be written").initCause(e);
        }
    }

    private static void writeError(HttpServletRequest request, HttpServletResponse response, int status, String code,
                                   String key) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        CrossOriginReads.allow(request, response);
        response.setContentType("application/json;charset=UTF-8");
        String text = Texts.text(Texts.forAcceptLanguage(request.getHeader("Accept-Language")), key);
        response.getWriter().write(JsonBuilders.object().add("code", code).add("message", text).build().toString());
    }

    private static AuthStatus refuse(HttpServletRequest request, HttpServletResponse response) throws AuthException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.startsWith("/api/")) {
                writeError(request, response, HttpServletResponse.SC_UNAUTHORIZED, "NOT_LOGGED_IN",
                        "error.not_logged_in");
                return AuthStatus.SEND_FAILURE;
            }
            String login = request.getContextPath() + loginPageFor(path);
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // a button pressed on a page whose session has ended (timed out, stopped by an administrator): a
                // redirect the Faces Ajax script follows, where a 302 would leave the press answered by nothing
                response.setStatus(HttpServletResponse.SC_OK);
                response.setHeader("Cache-Control", "no-store");
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + login + "\"></redirect></partial-response>");
                return AuthStatus.SEND_CONTINUE;
            }
            response.sendRedirect(login);
            return AuthStatus.SEND_CONTINUE;
        } catch (IOException e) {
            throw (AuthException) new AuthException("the refusal could not be written").initCause(e);
        }
    }

    /**
     * A person's groups follow the session's identity, so that the EJBs see what the session may do: every session
     * has an account center but a special subject's (LOGIN-4), and only personal business the personal account
     * center's own items (REG-7, PER-7, LOGIN-5's application).
     */
    private static String[] personGroups(AuthenticatedPerson person) {
        List<String> groups = new ArrayList<>(3);
        groups.add(Caller.PERSON);
        if (person.crossRegion() == null) {
            groups.add(Caller.ACCOUNT_CENTER);
            if (person.enterprise() == null && person.agent() == null) {
                groups.add(Caller.PERSONAL_BUSINESS);
            }
        }
        return groups.toArray(String[]::new);
    }

    /** The login page of the entry a protected page belongs to (after a logout, Back lands where one logs in again). */
    private static String loginPageFor(String path) {
        if (path.startsWith("/clerk/")) {
            return "/clerk/login.xhtml";
        }
        if (path.startsWith("/socialsecurity/")) {
            return "/social-security-login.xhtml";
        }
        if (path.startsWith("/account/enterprise/")) {
            return "/enterprise-login.xhtml";
        }
        if (path.startsWith("/account/agent/")) {
            return "/agent-login.xhtml";
        }
        if (path.startsWith("/account/crossregion/")) {
            return "/special-login.xhtml";
        }
        return "/login.xhtml";
    }

    private static String[] clerkGroups(AuthenticatedClerk clerk) {
        List<String> groups = new ArrayList<>();
        groups.add(ClerkRole.CLERK);
        clerk.roles().forEach(r -> groups.add(r.name()));
        return groups.toArray(String[]::new);
    }
}
