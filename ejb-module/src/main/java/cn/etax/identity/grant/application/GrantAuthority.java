package cn.etax.identity.grant.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may manage a taxpayer's staff (ENT-2..ENT-5; seeds: "仅法定代表人、财务负责人有权限通过账户中心添加或删除办税人员"):
 * the session's current identity (LOGIN-2, ENT-9), when it is the caller's own effective (active, unexpired,
 * unfrozen) legal-representative or finance-officer grant. Refusals are recorded apart from the refused transaction.
 */
@Stateless
public class GrantAuthority {

    static final Set<IdentityType> MANAGERS = EnumSet.of(IdentityType.LEGAL_REPRESENTATIVE,
            IdentityType.FINANCE_OFFICER);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /**
     * The session's current identity (LOGIN-2), named by its grant: the caller's own grant, in force today, or
     * {@code CURRENT_IDENTITY_UNAVAILABLE} (403, audited) — a grant frozen, deleted or expired since the login no
     * longer acts.
     */
    public ActingIdentity acting(long personId, EnterpriseIdentity current, ClientContext client) {
        Grant g = current == null ? null : em.find(Grant.class, current.grantId());
        if (g == null || g.personId() == null || g.personId() != personId || g.taxpayerId() != current.taxpayerId()
                || !g.isEffective(clock.today())) {
            audit.recordSeparately(personId, "ENTERPRISE_ACTION_REFUSED",
                    current == null ? "grant:none" : "grant:" + current.grantId(), "CURRENT_IDENTITY_UNAVAILABLE",
                    client);
            throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
        }
        Taxpayer t = em.find(Taxpayer.class, g.taxpayerId());
        return new ActingIdentity(personId, g.id(), t.id(), t.creditCode().value(), g.identityType(),
                g.permissions());
    }

    /**
     * The current identity as manager of its taxpayer (ENT-2..ENT-5), or {@code ENTERPRISE_MANAGER_REQUIRED} (403,
     * audited): a tax officer or invoicer is refused even when the same person also manages the taxpayer under
     * another identity — he acts in the one he logged in with.
     */
    public EnterpriseActor managerActing(long personId, EnterpriseIdentity current, ClientContext client) {
        return managerActing(personId, current, "ENTERPRISE_MANAGER_REQUIRED", client);
    }

    /** {@link #managerActing} refused with the code that names what only a manager may do. */
    public EnterpriseActor managerActing(long personId, EnterpriseIdentity current, String refusal,
                                         ClientContext client) {
        ActingIdentity acting = acting(personId, current, client);
        requireManager(acting, refusal, client);
        return acting.asActor();
    }

    /** {@code ENTERPRISE_MANAGER_REQUIRED} (403, audited) unless the identity is a manager's. */
    public void requireManager(ActingIdentity acting, ClientContext client) {
        requireManager(acting, "ENTERPRISE_MANAGER_REQUIRED", client);
    }

    /** {@link #requireManager} refused with the code that names what only a manager may do. */
    public void requireManager(ActingIdentity acting, String refusal, ClientContext client) {
        if (!acting.isManager()) {
            audit.recordSeparately(acting.personId(), "GRANT_ACTION_REFUSED", "taxpayer:" + acting.creditCode(),
                    refusal, client);
            throw new ForbiddenException(refusal);
        }
    }
}
