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

    private Caller() {
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
