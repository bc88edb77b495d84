package cn.etax.identity.clerk.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.application.OfflineGrantService;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Offline add and removal of staff relationships at the counter (线下办理, §8, ENT-3). The grant rules live in the
 * grant context ({@link OfflineGrantService}); here the clerk is identified, and each action is one transaction
 * with an audit record naming him and his tax office. Two clerks ending one grant at once: the second gets
 * {@code CONCURRENT_CHANGE} (or {@code GRANT_NOT_ACTIVE} if he read it after the first committed).
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@RolesAllowed(ClerkRole.GRANTS)
public class ClerkGrantService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    OfflineGrantService offline;

    @EJB
    AuditService audit;

    public GrantView add(String creditCode, NewStaff staff, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, ClerkTaxpayerService.target(creditCode), client, () -> {
            ClerkCaller.requireJurisdiction(clerk, em, creditCode);
            GrantView g = offline.add(creditCode, staff, GrantActor.taxOffice(clerk.id()));
            audit.record(null, "CLERK_GRANT_ADDED", "grant:" + g.id(), clerk.describe() + ": "
                    + CreditCode.of(creditCode).value() + " " + describe(g), client);
            return g;
        });
    }

    public GrantView remove(String creditCode, long grantId, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, "grant:" + grantId, client, () -> {
            ClerkCaller.requireJurisdiction(clerk, em, creditCode);
            GrantView g = offline.remove(creditCode, grantId, GrantActor.taxOffice(clerk.id()));
            audit.record(null, "CLERK_GRANT_REMOVED", "grant:" + g.id(), clerk.describe() + ": "
                    + CreditCode.of(creditCode).value() + " " + describe(g), client);
            return g;
        });
    }

    private static String describe(GrantView g) {
        return g.identityType() + " " + g.holderName() + " " + g.holderIdNumber() + " -> " + g.state() + " "
                + g.permissions() + (g.validUntil() == null ? " long-term" : " until " + g.validUntil());
    }
}
