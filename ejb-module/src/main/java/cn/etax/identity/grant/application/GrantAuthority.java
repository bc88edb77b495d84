package cn.etax.identity.grant.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
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
import java.util.Optional;
import java.util.Set;

/**
 * Who may manage a taxpayer's staff (ENT-2..ENT-5; seeds: "仅法定代表人、财务负责人有权限通过账户中心添加或删除办税人员"):
 * a person holding an effective (active, unexpired, unfrozen) legal-representative or finance-officer grant of that
 * taxpayer. The enterprise login (LOGIN-2) will ask the same question when it builds the session's current
 * identity, so it is answered here only.
 *
 * <p>An unknown credit code and a taxpayer the caller does not manage get the same refusal, recorded apart from
 * the refused transaction.
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

    /** The caller as manager of the taxpayer, or {@code ENTERPRISE_MANAGER_REQUIRED} (403), audited. */
    public EnterpriseActor manager(long personId, String rawCreditCode, ClientContext client) {
        return managing(personId, rawCreditCode).orElseThrow(() -> {
            audit.recordSeparately(personId, "GRANT_ACTION_REFUSED", target(rawCreditCode),
                    "ENTERPRISE_MANAGER_REQUIRED", client);
            return new ForbiddenException("ENTERPRISE_MANAGER_REQUIRED");
        });
    }

    /** Whether the person manages the taxpayer today; the same rule the enterprise session will apply. */
    public Optional<EnterpriseActor> managing(long personId, String rawCreditCode) {
        String code;
        try {
            code = CreditCode.of(rawCreditCode).value();
        } catch (DomainException e) {
            return Optional.empty();
        }
        Optional<Long> taxpayerId = em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class)
                .setParameter("code", code).getResultStream().findFirst();
        if (taxpayerId.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class).setParameter("person", personId)
                .setParameter("taxpayer", taxpayerId.get()).getResultStream()
                .filter(g -> MANAGERS.contains(g.identityType()) && g.isEffective(clock.today()))
                .findFirst()
                .map(g -> new EnterpriseActor(personId, g.taxpayerId(), code, g.identityType()));
    }

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

    private static String target(String rawCreditCode) {
        String c = rawCreditCode == null ? "" : rawCreditCode;
        return "taxpayer:" + (c.length() > 40 ? c.substring(0, 40) : c);
    }
}
