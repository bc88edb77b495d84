package cn.etax.identity.identity.application;

import cn.etax.identity.account.application.AgentCenterService;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ENT-9 identity switch without a new login. The target is checked again at this moment — the grant must still be
 * the caller's, active (not frozen, deleted or expired), and its permissions are those in force now — and the switch
 * is written to the audit and the login log in the same transaction. From personal business there is no way back
 * to an enterprise identity (the seeds: "从企业办税身份切换到个人办税身份后，不可从个人切换到企业").
 *
 * <p>A switch costs one SELECT (grant, taxpayer and permissions in one statement) and two INSERTs; the web layer
 * then rotates the session id and replaces the identity the session carries.
 */
@Stateless
public class IdentitySwitchService {

    static final String ROWS_OF_GRANT = "select g.id, g.personId, g.taxpayerId, g.identityType, g.state, g.validUntil, "
            + "t.creditCode, t.name, p from Grant g left join g.permissions p, Taxpayer t "
            + "where g.id = :grant and t.id = g.taxpayerId";

    static final String ROWS_OF_PERSON = "select g.id, g.personId, g.taxpayerId, g.identityType, g.state, g.validUntil, "
            + "t.creditCode, t.name, p from Grant g left join g.permissions p, Taxpayer t "
            + "where g.personId = :person and t.id = g.taxpayerId and g.state in :states order by t.id, g.id";

    /** Login-log reasons of a switch (texts under {@code loginLog.reason.*}). */
    public static final String TO_ENTERPRISE = "SWITCH_TO_ENTERPRISE";
    public static final String TO_PERSONAL = "SWITCH_TO_PERSONAL";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    AuditService audit;

    @EJB
    LoginLogService loginLog;

    @EJB
    AgentCenterService agentCenter;

    @Inject
    BusinessClock clock;

    /**
     * All identities of the session's person: his enterprise identities that are active or frozen today (one per
     * grant, grouped by taxpayer) and personal business, the current one marked.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SwitchableIdentity> identities(AuthenticatedPerson current) {
        long personId = caller(current);
        LocalDate today = clock.today();
        EnterpriseIdentity now = current.enterprise();
        List<SwitchableIdentity> result = new ArrayList<>();
        for (Target t : targets(em.createQuery(ROWS_OF_PERSON, Object[].class).setParameter("person", personId)
                .setParameter("states", EnumSet.of(GrantState.ACTIVE, GrantState.FROZEN)).getResultList())) {
            GrantState state = Grant.state(t.state, t.validUntil, today);
            if (state != GrantState.ACTIVE && state != GrantState.FROZEN) {
                continue;
            }
            boolean isCurrent = now != null && now.grantId() == t.grantId;
            result.add(new SwitchableIdentity(SwitchTarget.Kind.ENTERPRISE, t.grantId, t.taxpayerId, t.creditCode,
                    Masking.enterpriseName(t.taxpayerName), t.type, t.permissions, state, isCurrent,
                    now != null && !isCurrent && state == GrantState.ACTIVE));
        }
        // an agent's session (LOGIN-3) is neither: it switches in the agent account center (AGT-3); a cross-region
        // subject's (LOGIN-4) on the subject's own page
        boolean elsewhere = current.agent() != null || current.crossRegion() != null;
        result.add(new SwitchableIdentity(SwitchTarget.Kind.PERSONAL, null, null, null, null, null, Set.of(), null,
                now == null && !elsewhere, now != null || current.agent() != null));
        return result;
    }

    /**
     * The session's identity after the switch; refusals ({@code ENTERPRISE_IDENTITY_FROZEN},
     * {@code ENTERPRISE_IDENTITY_UNAVAILABLE}, {@code IDENTITY_SWITCH_ONE_WAY}) are audited and change nothing.
     */
    public AuthenticatedPerson switchTo(AuthenticatedPerson current, SwitchTarget target, ClientContext client) {
        long personId = caller(current);
        String auditTarget = target instanceof SwitchTarget.Enterprise e ? "grant:" + e.grantId() : "personal";
        try {
            if (current.crossRegion() != null) {
                throw new ForbiddenException("CROSS_REGION_SWITCH_ON_ITS_PAGE");
            }
            if (current.agent() != null && target instanceof SwitchTarget.Personal) {
                return agentCenter.toPersonal(current, client); // AGT-3, as the agent center's own switch
            }
            if (current.enterprise() == null) {
                throw new ForbiddenException("IDENTITY_SWITCH_ONE_WAY");
            }
            EnterpriseIdentity next = target instanceof SwitchTarget.Enterprise e ? enterprise(personId, e.grantId())
                    : null;
            audit.record(personId, "IDENTITY_SWITCHED", auditTarget, describe(current.enterprise()) + " -> "
                    + describe(next), client);
            if (next == null) {
                loginLog.record(LoginLogService.PERSON_ENTRY, personId, null, LoginOutcome.SWITCH, TO_PERSONAL, client);
            } else {
                // ENT-10: in the login log of the enterprise switched to, as a login through its entry would be
                loginLog.recordEnterprise(next.taxpayerId(), personId, null, LoginOutcome.SWITCH, TO_ENTERPRISE,
                        client);
            }
            return new AuthenticatedPerson(current.personId(), current.name(), current.realNameLevel(),
                    current.methods(), current.authenticatedAt(), next);
        } catch (DomainException e) {
            audit.recordSeparately(personId, "IDENTITY_SWITCH_REFUSED", auditTarget, e.code(), client);
            throw e;
        }
    }

    /** The grant checked now: still the caller's, active today; its permissions as they are now. */
    private EnterpriseIdentity enterprise(long personId, long grantId) {
        List<Target> found = targets(em.createQuery(ROWS_OF_GRANT, Object[].class).setParameter("grant", grantId)
                .getResultList());
        if (found.isEmpty() || found.get(0).personId == null || found.get(0).personId != personId) {
            throw new ForbiddenException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        Target t = found.get(0);
        GrantState state = Grant.state(t.state, t.validUntil, clock.today());
        if (state == GrantState.FROZEN) {
            throw new ForbiddenException("ENTERPRISE_IDENTITY_FROZEN");
        }
        if (state != GrantState.ACTIVE) {
            throw new ForbiddenException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        return new EnterpriseIdentity(t.grantId, t.taxpayerId, t.creditCode, Masking.enterpriseName(t.taxpayerName),
                t.type, t.permissions);
    }

    private long caller(AuthenticatedPerson current) {
        long personId = Caller.personId(context);
        if (current == null || current.personId() != personId) {
            throw new ForbiddenException("NOT_LOGGED_IN");
        }
        return personId;
    }

    private static String describe(EnterpriseIdentity e) {
        return e == null ? "personal" : e.identityType() + " of taxpayer " + e.taxpayerId() + " (grant " + e.grantId()
                + ")";
    }

    /** One grant read as rows of (grant, taxpayer, one permission each). */
    private static final class Target {
        long grantId;
        Long personId;
        long taxpayerId;
        IdentityType type;
        GrantState state;
        LocalDate validUntil;
        String creditCode;
        String taxpayerName;
        final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    }

    private static List<Target> targets(List<Object[]> rows) {
        Map<Long, Target> byGrant = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Target t = byGrant.computeIfAbsent(((Number) r[0]).longValue(), id -> {
                Target n = new Target();
                n.grantId = id;
                n.personId = r[1] == null ? null : ((Number) r[1]).longValue();
                n.taxpayerId = ((Number) r[2]).longValue();
                n.type = (IdentityType) r[3];
                n.state = (GrantState) r[4];
                n.validUntil = (LocalDate) r[5];
                n.creditCode = (String) r[6];
                n.taxpayerName = (String) r[7];
                return n;
            });
            if (r[8] != null) {
                t.permissions.add((Permission) r[8]);
            }
        }
        return List.copyOf(byGrant.values());
    }
}
