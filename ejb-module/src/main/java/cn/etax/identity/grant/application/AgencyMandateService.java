package cn.etax.identity.grant.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.AgentAssignment;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.MandateSide;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Agency mandates (代理机构认定管理, ENT-8), from the enterprise account center of the session's current identity,
 * which must be a legal representative's or finance officer's ({@link GrantAuthority}). A tax-agent institution
 * (涉税专业服务机构) files mandates for its clients and sees them and its agents (被代理信息查看, 税务代理人员信息); an
 * ordinary taxpayer sees its agencies and their agents' permissions for it (我的代理机构, 权限查看) and recognises,
 * declines or cancels them. A mandate named by id must concern the caller's taxpayer on the side the step belongs
 * to; every change is one transaction with its audit record, and a refusal is audited apart.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class AgencyMandateService {

    /** Only a manager deals with agencies and mandates (ENT-8); the refusal says so, not "staff management". */
    static final String AGENCY_MANAGER_REQUIRED = "AGENCY_MANAGER_REQUIRED";

    private static final Set<GrantState> AGENT_STATES = Set.of(GrantState.ACTIVE, GrantState.FROZEN);

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    GrantAuthority authority;

    @EJB
    AuditService audit;

    @EJB
    AgentService agentService;

    @Inject
    BusinessClock clock;

    /** Whether the current identity's taxpayer is a tax-agent institution: which of the two views its center shows. */
    public boolean isAgency(EnterpriseIdentity current) {
        Taxpayer t = current == null ? null : em.find(Taxpayer.class, current.taxpayerId());
        return t != null && t.kind() == TaxpayerKind.TAX_AGENT_INSTITUTION;
    }

    // ---- the client's side: 我的代理机构

    /** The agencies that filed mandates for the current taxpayer, newest first, in every state. */
    public List<MandateView> agencies(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = client(current, client);
        return views(em.createNamedQuery(AgencyMandate.OF_CLIENT, AgencyMandate.class)
                .setParameter("client", actor.taxpayerId()).getResultList());
    }

    /**
     * 权限查看: the agency's agents who may act for the current taxpayer under this mandate, and what each may do (an
     * agent the agency gave nothing for it is not one of its agents).
     */
    public List<AgentView> agentsFor(EnterpriseIdentity current, long mandateId, ClientContext client) {
        EnterpriseActor actor = client(current, client);
        return refusalsAudited(actor, "mandate:" + mandateId, client, () -> {
            AgencyMandate m = mandate(mandateId, actor, MandateSide.CLIENT);
            return agents(m.agencyTaxpayerId(), g -> agentService.permissions(m, g)).stream()
                    .filter(a -> !a.permissions().isEmpty()).toList();
        });
    }

    /** 认定: the agency may act for the current taxpayer within the mandate's scope and period. */
    public MandateView recognise(EnterpriseIdentity current, long mandateId, ClientContext client) {
        return change(client(current, client), mandateId, MandateSide.CLIENT, "MANDATE_RECOGNISED", client,
                (m, by, person) -> m.recognise(by, person, clock.now(), clock.today()));
    }

    /** 不予认定. */
    public MandateView decline(EnterpriseIdentity current, long mandateId, ClientContext client) {
        return change(client(current, client), mandateId, MandateSide.CLIENT, "MANDATE_DECLINED", client,
                (m, by, person) -> m.decline(by, person, clock.now(), clock.today()));
    }

    // ---- the agency's side: 被代理信息查看, 税务代理人员信息

    /** The agency's clients: the mandates it filed, newest first, in every state. */
    public List<MandateView> clients(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = agency(current, client);
        return views(em.createNamedQuery(AgencyMandate.OF_AGENCY, AgencyMandate.class)
                .setParameter("agency", actor.taxpayerId()).getResultList());
    }

    /**
     * Files a mandate for a registered taxpayer that is no agency itself; pending until the client recognises it.
     * One live mandate per client: {@code MANDATE_EXISTS} while one is pending or recognised and unexpired.
     */
    public MandateView file(EnterpriseIdentity current, NewMandate mandate, ClientContext client) {
        EnterpriseActor actor = agency(current, client);
        return refusalsAudited(actor, "taxpayer:" + actor.creditCode(), client, () -> {
            if (mandate == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            Taxpayer customer = em.createNamedQuery(Taxpayer.BY_CREDIT_CODE, Taxpayer.class)
                    .setParameter("code", CreditCode.of(mandate.clientCreditCode()).value()).getResultStream()
                    .findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
            if (customer.kind() == TaxpayerKind.TAX_AGENT_INSTITUTION && customer.id() != actor.taxpayerId()) {
                throw new InvalidInputException("MANDATE_CLIENT_IS_AGENCY");
            }
            // one filing per agency at a time, so two concurrent ones cannot both find no live mandate
            em.find(Taxpayer.class, actor.taxpayerId(), LockModeType.PESSIMISTIC_WRITE);
            LocalDate today = clock.today();
            AgencyMandate m = AgencyMandate.file(actor.taxpayerId(), customer.id(), mandate.scope(),
                    mandate.validFrom(), mandate.validUntil(), actor.personId(), clock.now(), today);
            boolean live = em.createNamedQuery(AgencyMandate.BETWEEN, AgencyMandate.class)
                    .setParameter("agency", actor.taxpayerId()).setParameter("client", customer.id())
                    .setParameter("states", AgencyMandate.LIVE).getResultStream().anyMatch(x -> x.isLive(today));
            if (live) {
                throw new ConflictException("MANDATE_EXISTS");
            }
            em.persist(m);
            em.flush();
            audit.record(actor.personId(), "MANDATE_FILED", "mandate:" + m.id(), describe(m), client);
            return MandateView.of(m, em.find(Taxpayer.class, actor.taxpayerId()), customer, today);
        });
    }

    /** The agency takes back a mandate its client has not answered. */
    public MandateView withdraw(EnterpriseIdentity current, long mandateId, ClientContext client) {
        return change(agency(current, client), mandateId, MandateSide.AGENCY, "MANDATE_WITHDRAWN", client,
                (m, by, person) -> m.withdraw(by, person, clock.now(), clock.today()));
    }

    /** 取消: either side ends a recognised mandate; the side is the current taxpayer's in it. */
    public MandateView cancel(EnterpriseIdentity current, long mandateId, ClientContext client) {
        EnterpriseActor actor = authority.managerActing(Caller.personId(context), current, AGENCY_MANAGER_REQUIRED,
                client);
        MandateSide side = isAgency(current) ? MandateSide.AGENCY : MandateSide.CLIENT;
        return change(actor, mandateId, side, "MANDATE_CANCELLED", client,
                (m, by, person) -> m.cancel(by, person, clock.now()));
    }

    /** 税务代理人员信息: the agency's agents — its staff with an active or frozen grant — and their own permissions. */
    public List<AgentView> agentStaff(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = agency(current, client);
        return agents(actor.taxpayerId(), Grant::permissions);
    }

    /**
     * 代理人员权限, the agency's side: its agents other than key personnel (who act for every client without an
     * assignment) and what each may do, and does, for this client.
     */
    public List<AgentAssignmentView> assignments(EnterpriseIdentity current, long mandateId, ClientContext client) {
        EnterpriseActor actor = agency(current, client);
        return refusalsAudited(actor, "mandate:" + mandateId, client, () -> {
            AgencyMandate m = mandate(mandateId, actor, MandateSide.AGENCY);
            Map<Long, Set<Permission>> assigned = em.createNamedQuery(AgentAssignment.OF_MANDATE,
                    AgentAssignment.class).setParameter("mandate", m.id()).getResultStream()
                    .collect(Collectors.toMap(AgentAssignment::agentGrantId, AgentAssignment::permissions));
            LocalDate today = clock.today();
            return agentGrants(m.agencyTaxpayerId()).filter(g -> !g.identityType().isKeyPerson())
                    .map(g -> {
                        Set<Permission> assignable = m.permissionsFor(g.permissions());
                        // what he may do now: an assignment wider than his own permissions today counts as narrowed
                        Set<Permission> effective = EnumSet.noneOf(Permission.class);
                        effective.addAll(assigned.getOrDefault(g.id(), Set.of()));
                        effective.retainAll(assignable);
                        return new AgentAssignmentView(g.id(), g.holder().nameMasked(), g.holder().idMasked(),
                                g.identityType(), g.state(today), assignable, effective);
                    })
                    .toList();
        });
    }

    /**
     * 代理人员权限: a manager of the agency sets what one of its agents may do for the mandate's client — within the
     * scope and his own permissions ({@code AGENT_PERMISSION_NOT_ALLOWED}), the mandate pending or in force
     * ({@code MANDATE_NOT_LIVE}); no permissions take the assignment away. Audited with the change.
     */
    public AgentAssignmentView assign(EnterpriseIdentity current, long mandateId, long agentGrantId,
                                      Set<Permission> permissions, ClientContext client) {
        EnterpriseActor actor = agency(current, client);
        return refusalsAudited(actor, "mandate:" + mandateId, client, () -> {
            AgencyMandate m = mandate(mandateId, actor, MandateSide.AGENCY);
            em.lock(m, LockModeType.PESSIMISTIC_WRITE); // one change of the mandate's assignments at a time
            Grant agent = em.find(Grant.class, agentGrantId);
            if (agent == null || agent.taxpayerId() != actor.taxpayerId()) {
                throw new NotFoundException("AGENT_NOT_FOUND");
            }
            AgentAssignment existing = em.createNamedQuery(AgentAssignment.OF_MANDATE_AND_AGENT,
                    AgentAssignment.class).setParameter("mandate", m.id()).setParameter("grant", agent.id())
                    .getResultStream().findFirst().orElse(null);
            if (permissions == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED"); // only an explicit empty list takes him off
            }
            Set<Permission> wanted = permissions;
            if (wanted.isEmpty()) {
                if (existing != null) {
                    em.remove(existing);
                    audit.record(actor.personId(), "AGENT_UNASSIGNED", "mandate:" + m.id(),
                            "agent grant " + agent.id(), client);
                }
            } else if (existing == null) {
                em.persist(AgentAssignment.assign(m, agent, wanted, actor.personId(), clock.now(), clock.today()));
                audit.record(actor.personId(), "AGENT_ASSIGNED", "mandate:" + m.id(), "agent grant " + agent.id()
                        + " " + names(wanted), client);
            } else {
                existing.change(m, agent, wanted, actor.personId(), clock.now(), clock.today());
                audit.record(actor.personId(), "AGENT_ASSIGNED", "mandate:" + m.id(), "agent grant " + agent.id()
                        + " " + names(wanted), client);
            }
            em.flush();
            return new AgentAssignmentView(agent.id(), agent.holder().nameMasked(), agent.holder().idMasked(),
                    agent.identityType(), agent.state(clock.today()), m.permissionsFor(agent.permissions()),
                    wanted);
        });
    }

    private static String names(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    // ----

    @FunctionalInterface
    private interface Verb {
        void apply(AgencyMandate mandate, MandateSide by, long person);
    }

    private MandateView change(EnterpriseActor actor, long mandateId, MandateSide side, String action,
                               ClientContext client, Verb verb) {
        return refusalsAudited(actor, "mandate:" + mandateId, client, () -> {
            AgencyMandate m = mandate(mandateId, actor, side);
            verb.apply(m, side, actor.personId());
            em.flush();
            audit.record(actor.personId(), action, "mandate:" + m.id(), describe(m), client);
            return view(m);
        });
    }

    /** The mandate, if it concerns the actor's taxpayer on that side; {@code MANDATE_NOT_FOUND} otherwise. */
    private AgencyMandate mandate(long mandateId, EnterpriseActor actor, MandateSide side) {
        AgencyMandate m = em.find(AgencyMandate.class, mandateId);
        long party = m == null ? -1 : side == MandateSide.AGENCY ? m.agencyTaxpayerId() : m.clientTaxpayerId();
        if (party != actor.taxpayerId()) {
            throw new NotFoundException("MANDATE_NOT_FOUND");
        }
        return m;
    }

    /** A manager of a taxpayer that is no agency (an agency's center shows its clients instead). */
    private EnterpriseActor client(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = authority.managerActing(Caller.personId(context), current, AGENCY_MANAGER_REQUIRED,
                client);
        if (isAgency(current)) {
            refuse(actor, "ORDINARY_TAXPAYER_REQUIRED", client);
        }
        return actor;
    }

    /** A manager of a tax-agent institution. */
    private EnterpriseActor agency(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = authority.managerActing(Caller.personId(context), current, AGENCY_MANAGER_REQUIRED,
                client);
        if (!isAgency(current)) {
            refuse(actor, "TAX_AGENT_INSTITUTION_REQUIRED", client);
        }
        return actor;
    }

    private void refuse(EnterpriseActor actor, String code, ClientContext client) {
        audit.recordSeparately(actor.personId(), "GRANT_ACTION_REFUSED", "taxpayer:" + actor.creditCode(), code,
                client);
        throw new ForbiddenException(code);
    }

    private <T> T refusalsAudited(EnterpriseActor actor, String target, ClientContext client,
                                  java.util.function.Supplier<T> step) {
        return GrantRefusals.audited(audit, em, actor.personId(), target, client, step);
    }

    private List<AgentView> agents(long agencyTaxpayerId, Function<Grant, Set<Permission>> permissions) {
        LocalDate today = clock.today();
        return agentGrants(agencyTaxpayerId)
                .map(g -> new AgentView(g.id(), g.holder().nameMasked(), g.holder().idMasked(), g.identityType(),
                        g.state(today), permissions.apply(g)))
                .toList();
    }

    /** The agency's agents: its staff with an active or frozen grant, key personnel first. */
    private java.util.stream.Stream<Grant> agentGrants(long agencyTaxpayerId) {
        LocalDate today = clock.today();
        return em.createNamedQuery(Grant.OF_TAXPAYER, Grant.class).setParameter("taxpayer", agencyTaxpayerId)
                .getResultList().stream()
                .filter(g -> g.personId() != null && AGENT_STATES.contains(g.state(today)))
                .sorted(Comparator.comparing(Grant::identityType).thenComparing(Grant::id));
    }

    private List<MandateView> views(List<AgencyMandate> mandates) {
        Map<Long, Taxpayer> taxpayers = new HashMap<>();
        LocalDate today = clock.today();
        return mandates.stream().map(m -> MandateView.of(m,
                taxpayers.computeIfAbsent(m.agencyTaxpayerId(), id -> em.find(Taxpayer.class, id)),
                taxpayers.computeIfAbsent(m.clientTaxpayerId(), id -> em.find(Taxpayer.class, id)), today)).toList();
    }

    private MandateView view(AgencyMandate m) {
        return views(List.of(m)).get(0);
    }

    private static String describe(AgencyMandate m) {
        return "agency " + m.agencyTaxpayerId() + " for client " + m.clientTaxpayerId() + ", " + m.validFrom()
                + ".." + m.validUntil() + ", scope " + m.scope().stream().map(Enum::name)
                .collect(Collectors.joining(","));
    }
}
