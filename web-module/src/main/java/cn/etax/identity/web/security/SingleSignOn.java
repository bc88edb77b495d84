package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Instant;

/**
 * API-2 delivery of the identity assertion to downstream tax applications on the same host: the cookie
 * {@value #COOKIE} (HttpOnly, SameSite=Lax, path /, Secure on HTTPS) holds the assertion of the session's current
 * identity. It is set at login and at every identity switch, renewed by {@link AssertionCookieFilter} once half its
 * life has passed, and removed after logout. Applications elsewhere get it as a bearer token from
 * {@code GET /api/v1/me/assertion}.
 */
@ApplicationScoped
public class SingleSignOn {

    public static final String COOKIE = "ETAXSSO";

    /** When the session's assertion stops being accepted (a session attribute). */
    static final String EXPIRES = "etax.ssoExpires";

    @Inject
    AssertionIssuer issuer;

    private final Clock clock = Clock.systemUTC();

    /** A fresh assertion of the session's identity, also placed in the cookie. */
    public Assertion issue(HttpServletRequest request, HttpServletResponse response, AuthenticatedPerson person) {
        Assertion assertion = issuer.issue(person);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(EXPIRES, assertion.expiresAt());
        }
        response.addHeader("Set-Cookie", cookie(request, assertion.token(),
                Math.max(1, assertion.expiresAt().getEpochSecond() - assertion.issuedAt().getEpochSecond())));
        return assertion;
    }

    /** Renews the cookie when less than half of the assertion's life is left (called for every request). */
    void refreshIfDue(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        AuthenticatedPerson person = CurrentSession.person(session);
        if (person == null) {
            if (hasCookie(request)) {
                response.addHeader("Set-Cookie", cookie(request, "", 0));
            }
            return;
        }
        Instant expires = (Instant) session.getAttribute(EXPIRES);
        if (expires == null || clock.instant().isAfter(expires.minus(issuer.life().dividedBy(2)))) {
            issue(request, response, person);
        }
    }

    private static boolean hasCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String cookie(HttpServletRequest request, String value, long maxAge) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : "");
    }
}
