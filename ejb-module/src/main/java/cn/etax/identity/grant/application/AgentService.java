package cn.etax.identity.grant.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.AgentAssignment;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Who may act as an agent, for which clients, with what (LOGIN-3, AGT-3, AGT-4). An agent is a person with an
 * active grant in a tax-agent institution; he may act for a client of a mandate of that institution recognised and
 * within its period today: the institution's legal representative and finance officer with the mandate's scope cut
 * to their own permissions there, any other agent with what the institution assigned him for that client (代理人员权限,
 * {@link AgentAssignment}) — and not at all when that leaves nothing. Every answer is computed again at each call: a
 * mandate cancelled, an assignment withdrawn or an agent frozen in between stops him at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AgentService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** The agent entry names a tax-agent institution: {@code NOT_TAX_AGENT_INSTITUTION} for any other taxpayer. */
    public void requireAgency(long taxpayerId) {
        Taxpayer t = em.find(Taxpayer.class, taxpayerId);
        if (t == null || t.kind() != TaxpayerKind.TAX_AGENT_INSTITUTION) {
            throw new InvalidInputException("NOT_TAX_AGENT_INSTITUTION");
        }
    }

    /**
     * The person's active grant in the agency: frozen {@code ENTERPRISE_IDENTITY_FROZEN}, none
     * {@code AGENT_RELATION_NOT_FOUND} ("未查询到您与该代理机构的关联关系").
     */
    public Grant agentGrant(long personId, long agencyTaxpayerId) {
        LocalDate today = clock.today();
        List<Grant> grants = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", personId).setParameter("taxpayer", agencyTaxpayerId).getResultList();
        return grants.stream().filter(g -> g.isEffective(today))
                .min(Comparator.comparing(Grant::identityType).thenComparing(Grant::id))
                .orElseThrow(() -> grants.stream().anyMatch(g -> g.state(today) == GrantState.FROZEN)
                        ? new ForbiddenException("ENTERPRISE_IDENTITY_FROZEN")
                        : new AuthenticationFailedException("AGENT_RELATION_NOT_FOUND"));
    }

    /** The clients the agent may enter today, by credit code; {@code AGENT_NO_CLIENTS} when there is none. */
    public List<ClientOption> clients(long personId, long agencyTaxpayerId) {
        Grant agent = agentGrant(personId, agencyTaxpayerId);
        LocalDate today = clock.today();
        List<ClientOption> clients = em.createNamedQuery(AgencyMandate.OF_AGENCY, AgencyMandate.class)
                .setParameter("agency", agencyTaxpayerId).getResultList().stream()
                .filter(m -> m.isInForce(today))
                .map(m -> {
                    Set<Permission> permissions = permissions(m, agent);
                    if (permissions.isEmpty()) {
                        return null;
                    }
                    Taxpayer client = em.find(Taxpayer.class, m.clientTaxpayerId());
                    return new ClientOption(m.id(), client.creditCode().value(),
                            Masking.enterpriseName(client.name()), m.validUntil(), permissions);
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(ClientOption::creditCode)).toList();
        if (clients.isEmpty()) {
            throw new AuthenticationFailedException("AGENT_NO_CLIENTS");
        }
        return clients;
    }

    /**
     * The client chosen under this mandate of the agency, checked now: in force, the agent active there and left with
     * some permission by the mandate; {@code AGENT_CLIENT_UNAVAILABLE} otherwise.
     */
    public AgentIdentity enter(long personId, long agencyTaxpayerId, long mandateId) {
        Grant agent = agentGrant(personId, agencyTaxpayerId);
        AgencyMandate m = em.find(AgencyMandate.class, mandateId);
        LocalDate today = clock.today();
        if (m == null || m.agencyTaxpayerId() != agencyTaxpayerId || !m.isInForce(today)) {
            throw new ForbiddenException("AGENT_CLIENT_UNAVAILABLE");
        }
        Set<Permission> permissions = permissions(m, agent);
        if (permissions.isEmpty()) {
            // the mandate stands, the agency gave him nothing for this client (代理人员权限)
            throw new ForbiddenException("AGENT_CLIENT_NOT_ASSIGNED");
        }
        Taxpayer agency = em.find(Taxpayer.class, agencyTaxpayerId);
        Taxpayer client = em.find(Taxpayer.class, m.clientTaxpayerId());
        return new AgentIdentity(m.id(), agent.id(), agent.identityType(), agency.id(), agency.creditCode().value(),
                Masking.enterpriseName(agency.name()), client.id(), client.creditCode().value(),
                Masking.enterpriseName(client.name()), m.validUntil(), permissions);
    }

    /** AGT-4: what the agent may do for the mandate's client (the assignment read only for other than key personnel). */
    public Set<Permission> permissions(AgencyMandate m, Grant agent) {
        Set<Permission> assigned = agent.identityType().isKeyPerson() ? null : assigned(m.id(), agent.id());
        return m.permissionsFor(agent.identityType(), agent.permissions(), assigned);
    }

    /** The permissions the agency assigned this agent grant under this mandate; null when it assigned none. */
    private Set<Permission> assigned(long mandateId, long agentGrantId) {
        return em.createNamedQuery(AgentAssignment.OF_MANDATE_AND_AGENT, AgentAssignment.class)
                .setParameter("mandate", mandateId).setParameter("grant", agentGrantId).getResultStream()
                .findFirst().map(AgentAssignment::permissions).orElse(null);
    }

    /**
     * AGT-4: the session's agent identity as it stands now — the same agent grant, the same mandate still in force, the
     * permissions as they are today — or {@code CURRENT_IDENTITY_UNAVAILABLE} (403, audited).
     */
    public AgentIdentity acting(long personId, AgentIdentity current, ClientContext client) {
        try {
            if (current == null) {
                throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
            }
            AgentIdentity now = enter(personId, current.agencyTaxpayerId(), current.mandateId());
            if (now.agentGrantId() != current.agentGrantId()) {
                throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
            }
            return now;
        } catch (DomainException e) {
            audit.recordSeparately(personId, "AGENT_ACTION_REFUSED",
                    current == null ? "mandate:none" : "mandate:" + current.mandateId(),
                    "CURRENT_IDENTITY_UNAVAILABLE", client);
            throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
        }
    }
}
