package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;

/**
 * API-2: the session's identity assertion. A new one is issued whenever the identity changes (login, switch) and
 * kept with the session; {@code GET /api/v1/me/assertion} hands it out, or a fresh one once less than half of its
 * life is left. The switch answer carries the new one too. Downstream applications take it as
 * {@code Authorization: Bearer}; nothing is issued for a session that has ended.
 */
@ApplicationScoped
public class SingleSignOn {

    /** The assertion of the session's current identity (a session attribute). */
    static final String ASSERTION = "etax.assertion";

    @Inject
    AssertionIssuer issuer;

    private final Clock clock = Clock.systemUTC();

    /** A new assertion of {@code person}, kept as the session's current one. */
    public Assertion issue(HttpServletRequest request, AuthenticatedPerson person) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            // the previous identity's assertion goes first: should signing fail (a platform token that cannot sign,
            // §9), the session must not hand it out for the new identity
            session.removeAttribute(ASSERTION);
        }
        Assertion assertion = issuer.issue(person);
        if (session != null) {
            session.setAttribute(ASSERTION, assertion);
        }
        return assertion;
    }

    /** The session's assertion while more than half of its life is left, otherwise a new one. */
    public Assertion current(HttpServletRequest request, AuthenticatedPerson person) {
        HttpSession session = request.getSession(false);
        Assertion kept = session == null ? null : (Assertion) session.getAttribute(ASSERTION);
        if (kept != null && clock.instant().isBefore(kept.expiresAt().minus(issuer.life().dividedBy(2)))) {
            return kept;
        }
        return issue(request, person);
    }
}
