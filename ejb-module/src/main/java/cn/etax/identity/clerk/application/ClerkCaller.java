package cn.etax.identity.clerk.application;

import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.ForbiddenException;
import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;

import java.security.Principal;

/**
 * The clerk calling a console service, as the EJB container sees him: the principal {@code clerk:<id>} with the
 * {@code CLERK} role, loaded afresh so that a deactivated account stops at once.
 */
final class ClerkCaller {

    static final String PREFIX = "clerk:";

    private ClerkCaller() {
    }

    static Clerk of(SessionContext context, EntityManager em) {
        Principal principal = context.getCallerPrincipal();
        if (principal == null || !context.isCallerInRole(ClerkRole.CLERK)
                || !principal.getName().startsWith(PREFIX)) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        Clerk clerk;
        try {
            clerk = em.find(Clerk.class, Long.parseLong(principal.getName().substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        if (clerk == null || !clerk.active()) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        return clerk;
    }
}
