package cn.etax.identity.clerk.application;

import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;

import java.security.Principal;

/**
 * The clerk calling a console service, as the EJB container sees him: the principal {@code clerk:<id>} with the
 * {@code CLERK} role, loaded afresh so that an administrator's change holds at once (§8 clerk administration): a
 * stopped account, or one whose password was reset, is no longer logged in ({@code CLERK_LOGIN_REQUIRED}); a session
 * opened with a duty he no longer holds must log in again ({@code CLERK_DUTIES_CHANGED}).
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
        if (clerk == null || !clerk.active() || clerk.passwordChangeRequired()) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        for (ClerkRole duty : ClerkRole.values()) {
            if (context.isCallerInRole(duty.name()) && !clerk.holds(duty)) {
                throw new ForbiddenException("CLERK_DUTIES_CHANGED");
            }
        }
        return clerk;
    }

    /**
     * §8: a clerk serves the taxpayers of his own province (全省通办), nowhere else:
     * {@code TAXPAYER_OUTSIDE_JURISDICTION} (403) for a registered taxpayer of another province. An unknown credit
     * code passes, for the service to answer as it does.
     */
    static void requireJurisdiction(Clerk clerk, EntityManager em, String rawCreditCode) {
        String code = CreditCode.of(rawCreditCode).value();
        em.createNamedQuery(Taxpayer.BY_CREDIT_CODE, Taxpayer.class).setParameter("code", code).getResultStream()
                .findFirst().ifPresent(t -> requireProvince(clerk, t.region().provinceCode()));
    }

    /** §8: {@code TAXPAYER_OUTSIDE_JURISDICTION} unless the province is the clerk's own. */
    static void requireProvince(Clerk clerk, String provinceCode) {
        if (clerk.provinceCode() == null || !clerk.provinceCode().equals(provinceCode == null ? null
                : provinceCode.strip())) {
            throw new ForbiddenException("TAXPAYER_OUTSIDE_JURISDICTION");
        }
    }
}
