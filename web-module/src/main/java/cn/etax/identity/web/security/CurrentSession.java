package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.account.application.SessionsEnded.Holder;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;

/** What a logged-in HTTP session carries besides the container's principal. */
public final class CurrentSession {

    static final String PERSON = "etax.person";
    static final String STARTED = "etax.sessionStarted";
    static final String CLERK = "etax.clerk";
    static final String FEE_PAYER = "etax.feePayer";
    static final String PASSWORD_CHANGED = "etax.passwordChanged";
    static final String PASSWORD_CHANGING = "etax.passwordChanging";

    private CurrentSession() {
    }

    public static AuthenticatedPerson person(HttpSession session) {
        return session == null ? null : (AuthenticatedPerson) session.getAttribute(PERSON);
    }

    static void start(HttpSession session, AuthenticatedPerson person, Instant now, int idleMinutes) {
        session.removeAttribute(CLERK);
        session.removeAttribute(FEE_PAYER);
        session.removeAttribute(PASSWORD_CHANGED);
        session.setAttribute(PERSON, person);
        session.setAttribute(STARTED, now);
        session.setMaxInactiveInterval(idleMinutes * 60);
    }

    public static AuthenticatedClerk clerk(HttpSession session) {
        return session == null ? null : (AuthenticatedClerk) session.getAttribute(CLERK);
    }

    static void startClerk(HttpSession session, AuthenticatedClerk clerk, Instant now, int idleMinutes) {
        session.removeAttribute(PERSON);
        session.removeAttribute(FEE_PAYER);
        session.setAttribute(CLERK, clerk);
        session.setAttribute(STARTED, now);
        session.setMaxInactiveInterval(idleMinutes * 60);
    }

    /** §8: the same clerk's login, counted as opened at another moment. */
    static void replaceClerk(HttpSession session, AuthenticatedClerk clerk) {
        session.setAttribute(CLERK, clerk);
    }

    /** LOGIN-10: the social-security fee payer's account the session was logged in with, if any. */
    public static AuthenticatedFeePayer feePayer(HttpSession session) {
        return session == null ? null : (AuthenticatedFeePayer) session.getAttribute(FEE_PAYER);
    }

    static void startFeePayer(HttpSession session, AuthenticatedFeePayer payer, Instant now, int idleMinutes) {
        session.removeAttribute(PERSON);
        session.removeAttribute(CLERK);
        session.setAttribute(FEE_PAYER, payer);
        session.setAttribute(STARTED, now);
        session.setMaxInactiveInterval(idleMinutes * 60);
    }

    /** ENT-9: the identity the session acts in from now on (the person and the session's start stay). */
    static void replace(HttpSession session, AuthenticatedPerson person) {
        session.setAttribute(PERSON, person);
    }

    /**
     * The person changed his password in this session at {@code changedAt}, which ended his sessions opened until
     * then: this one goes on (its login's moment, which its assertions carry as {@code auth_time}, stays).
     */
    static void passwordChanged(HttpSession session, Instant changedAt) {
        session.setAttribute(PASSWORD_CHANGED, changedAt);
    }

    /**
     * A request of this session is changing the password (true) or has done (false): meanwhile the session does not
     * count as ended, since the change's own moment is recorded before the request can mark the session as changed.
     */
    static void passwordChanging(HttpSession session, boolean changing) {
        if (changing) {
            session.setAttribute(PASSWORD_CHANGING, Boolean.TRUE);
        } else {
            session.removeAttribute(PASSWORD_CHANGING);
        }
    }

    /** The moment the person's session counts as opened at: its login, or a password change made in it since. */
    static Instant personOpenedAt(HttpSession session, AuthenticatedPerson person) {
        Instant changed = (Instant) session.getAttribute(PASSWORD_CHANGED);
        return changed == null || changed.isBefore(person.authenticatedAt())
                ? person.authenticatedAt() : changed.plusNanos(1);
    }

    /**
     * Whether the session's caller — person, clerk or fee payer — had his sessions ended ({@link EndedAccounts}) since
     * it counts as opened; not while a request of the session is changing the password. A session that has been
     * invalidated meanwhile counts as ended.
     */
    static boolean ended(HttpSession session, EndedAccounts endedAccounts) {
        return ended(session, endedAccounts, false);
    }

    /**
     * The same, also while a request of the session is changing the password: for that request itself, when what it
     * did ends its own session (the fifth wrong old password locked the account).
     */
    static boolean ended(HttpSession session, EndedAccounts endedAccounts, boolean evenWhileChanging) {
        try {
            AuthenticatedPerson person = person(session);
            if (person != null) {
                // while a request of this session changes the password, its own change (recorded before the request
                // can mark the session) must not end it; what that request does decides, at the next request
                return (evenWhileChanging || !Boolean.TRUE.equals(session.getAttribute(PASSWORD_CHANGING)))
                        && endedAccounts.ended(Holder.PERSON, person.personId(), personOpenedAt(session, person));
            }
            AuthenticatedClerk clerk = clerk(session);
            if (clerk != null) {
                return endedAccounts.ended(Holder.CLERK, clerk.clerkId(), clerk.authenticatedAt());
            }
            AuthenticatedFeePayer payer = feePayer(session);
            return payer != null && endedAccounts.ended(Holder.FEE_PAYER, payer.accountId(), payer.authenticatedAt());
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    static Instant started(HttpSession session) {
        return session == null ? null : (Instant) session.getAttribute(STARTED);
    }
}
