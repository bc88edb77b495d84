package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.sso.application.AssertionClaims;
import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Clock;
import java.util.function.Function;

/**
 * API-2: the session's identity assertion, kept with the session. After a login or a switch the first
 * {@code GET /api/v1/me/assertion} issues it, and later ones hand out the kept one, or a fresh one once less than
 * half of its life is left; a login or switch drops the previous identity's. So an identity that never meets a
 * downstream application costs no signature. Whatever the moment of signing, it states the identity current then,
 * with the login's own authentication time and methods. Downstream applications take it as
 * {@code Authorization: Bearer}; nothing is issued for a session that has ended.
 */
@ApplicationScoped
public class SingleSignOn {

    /** The assertion of the session's current identity (a session attribute). */
    static final String ASSERTION = "etax.assertion";

    @Inject
    AssertionIssuer issuer;

    @Inject
    LoginSessions logins;

    private final Clock clock = Clock.systemUTC();

    /** A new assertion of {@code person}, kept as the session's current one. */
    public Assertion issue(HttpServletRequest request, AuthenticatedPerson person) {
        return issue(request, person, sid -> issuer.issue(person, sid));
    }

    /**
     * Signs an assertion of {@code subject} (the session's person or fee payer) in the session's login
     * ({@link LoginSessions}: its {@code sid}, for the back-channel logout).
     */
    private Assertion issue(HttpServletRequest request, Serializable subject, Function<String, Assertion> sign) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            // the previous identity's assertion goes first: should signing fail (a platform token that cannot sign,
            // §9), the session must not hand it out for the new identity
            session.removeAttribute(ASSERTION);
        }
        Assertion assertion = sign.apply(session == null ? null : loginOf(session, subject).sid());
        if (session != null) {
            session.setAttribute(ASSERTION, new Kept(subject, assertion));
        }
        return assertion;
    }

    /** A new identity in the session (login, switch): the previous identity's assertion is no longer handed out. */
    public void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ASSERTION);
        }
    }

    /**
     * The session's assertion of {@code person} (the session's identity now) while more than half of its life is
     * left, otherwise a new one. One kept for any other identity — signed by a request that raced a switch and
     * stored it afterwards — is never handed out.
     */
    public Assertion current(HttpServletRequest request, AuthenticatedPerson person) {
        return current(request, person, sid -> issuer.issue(person, sid));
    }

    /** LOGIN-10: the same for a social-security fee payer's session, for the fee collection system. */
    public Assertion current(HttpServletRequest request, AuthenticatedFeePayer payer) {
        return current(request, payer, sid -> issuer.issue(payer, sid));
    }

    private LoginSession loginOf(HttpSession session, Serializable subject) {
        return subject instanceof AuthenticatedFeePayer payer
                ? logins.of(session, AssertionClaims.feePayerSubject(payer.accountId()), true)
                : logins.of(session, Long.toString(((AuthenticatedPerson) subject).personId()), false);
    }

    private Assertion current(HttpServletRequest request, Serializable subject, Function<String, Assertion> sign) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ASSERTION) instanceof Kept kept && kept.subject().equals(subject)
                && clock.instant().isBefore(kept.assertion().expiresAt().minus(issuer.life().dividedBy(2)))) {
            return kept.assertion();
        }
        return issue(request, subject, sign);
    }

    /** An assertion and the identity it states (a person's, or LOGIN-10's fee payer's). */
    record Kept(Serializable subject, Assertion assertion) implements Serializable {
    }
}
