package cn.etax.identity.shared.application;

import cn.etax.identity.shared.ForbiddenException;
import jakarta.ejb.SessionContext;

import java.security.Principal;

/**
 * The authenticated caller as the EJB container sees it. Services take the person from here, never from a
 * parameter a page or a request could forge.
 */
public final class Caller {

    /** Role of every logged-in natural person. */
    public static final String PERSON = "PERSON";

    /**
     * A person's session that has an account center: every one but a special subject's (LOGIN-4: 特定主体无账户中心).
     */
    public static final String ACCOUNT_CENTER = "ACCOUNT_CENTER";

    /**
     * A person's session in personal business (个人办税): neither an enterprise's, an agent's nor a special subject's
     * identity. Deregistration, ID documents and the non-resident application are the personal account center's.
     */
    public static final String PERSONAL_BUSINESS = "PERSONAL_BUSINESS";

    private Caller() {
    }

    /** {@link #personId}, in a session with an account center, or {@code ACCOUNT_CENTER_UNAVAILABLE} (403). */
    public static long inAccountCenter(SessionContext context) {
        long id = personId(context);
        if (!context.isCallerInRole(ACCOUNT_CENTER)) {
            throw new ForbiddenException("ACCOUNT_CENTER_UNAVAILABLE");
        }
        return id;
    }

    /** {@link #personId}, in personal business, or {@code PERSONAL_BUSINESS_REQUIRED} (403). */
    public static long inPersonalBusiness(SessionContext context) {
        long id = inAccountCenter(context);
        if (!context.isCallerInRole(PERSONAL_BUSINESS)) {
            throw new ForbiddenException("PERSONAL_BUSINESS_REQUIRED");
        }
        return id;
    }

    public static long personId(SessionContext context) {
        Principal principal = context.getCallerPrincipal();
        if (principal == null || !context.isCallerInRole(PERSON)) {
            throw new ForbiddenException("NOT_LOGGED_IN");
        }
        try {
            return Long.parseLong(principal.getName());
        } catch (NumberFormatException e) {
            throw new ForbiddenException("NOT_LOGGED_IN");
        }
    }
}
