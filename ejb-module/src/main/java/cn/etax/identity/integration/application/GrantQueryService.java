package cn.etax.identity.integration.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonStatus;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.remote.ActingDecision;
import cn.etax.identity.remote.AuthorisedEnterprise;
import cn.etax.identity.remote.Integrators;
import cn.etax.identity.remote.StaffMember;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grant queries for integrators: who may act for a taxpayer, for whom a person may act (his enterprises, and as an
 * agent the clients of his agencies' mandates in force), and whether one person may use one permission for one
 * taxpayer now. Read-only; nothing here changes a grant.
 */
@Stateless
@RolesAllowed(Integrators.ROLE)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class GrantQueryService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    IntegrationLookups lookups;

    @EJB
    AgentService agents;

    /** ENT-4 from outside: active grants only, key personnel included. */
    public List<StaffMember> activeStaff(String creditCode) {
        Taxpayer t = lookups.taxpayer(creditCode);
        LocalDate today = clock.today();
        return em.createNamedQuery(Grant.OF_TAXPAYER, Grant.class).setParameter("taxpayer", t.id())
                .getResultStream().filter(g -> g.state(today) == GrantState.ACTIVE)
                .map(g -> new StaffMember(g.id(), g.personId(), g.holder().nameMasked(), g.holder().idMasked(),
                        g.identityType().name(), IntegrationLookups.names(g.permissions()), g.validUntil()))
                .toList();
    }

    /**
     * PER-4 from outside: the enterprises the person may act for today — by his own grants, and as an agent (AGT-4)
     * the clients of each agency where he is active under its mandates in force, identity type {@code AGENT}, with
     * the mandate's scope cut to his permissions there, valid while both the mandate and his grant are.
     */
    public List<AuthorisedEnterprise> authorisedEnterprises(long personId) {
        lookups.activePerson(personId);
        LocalDate today = clock.today();
        List<Grant> active = em.createNamedQuery(Grant.OF_PERSON, Grant.class).setParameter("person", personId)
                .getResultStream().filter(g -> g.state(today) == GrantState.ACTIVE).toList();
        List<AuthorisedEnterprise> result = new ArrayList<>();
        Map<Long, Grant> agentGrants = new LinkedHashMap<>();
        for (Grant g : active) {
            Taxpayer t = em.find(Taxpayer.class, g.taxpayerId());
            result.add(new AuthorisedEnterprise(g.id(), t.creditCode().value(), Masking.enterpriseName(t.name()),
                    t.region().provinceCode(), g.identityType().name(), IntegrationLookups.names(g.permissions()),
                    g.validUntil()));
            if (t.kind() == TaxpayerKind.TAX_AGENT_INSTITUTION) {
                // the grant the agent entry takes: the highest identity type there
                agentGrants.merge(t.id(), g, (a, b) -> a.identityType().compareTo(b.identityType()) <= 0 ? a : b);
            }
        }
        agentGrants.forEach((agency, agent) -> em.createNamedQuery(AgencyMandate.OF_AGENCY, AgencyMandate.class)
                .setParameter("agency", agency).getResultStream().filter(m -> m.isInForce(today))
                .forEach(m -> {
                    Set<Permission> permissions = agents.permissions(m, agent);
                    if (permissions.isEmpty()) {
                        return;
                    }
                    Taxpayer client = em.find(Taxpayer.class, m.clientTaxpayerId());
                    LocalDate until = agent.validUntil() == null || m.validUntil().isBefore(agent.validUntil())
                            ? m.validUntil() : agent.validUntil();
                    result.add(new AuthorisedEnterprise(agent.id(), client.creditCode().value(),
                            Masking.enterpriseName(client.name()), client.region().provinceCode(),
                            ActingDecision.AGENT, IntegrationLookups.names(permissions), until));
                }));
        return result;
    }

    /**
     * {@link ActingPolicy} on the person's grants in the taxpayer, then on the agency mandates for it; a deregistered
     * or unknown person holds none.
     */
    public ActingDecision mayAct(long personId, String creditCode, String permissionName) {
        Permission permission = permission(permissionName);
        Taxpayer t = lookups.taxpayer(creditCode);
        Person person = em.find(Person.class, personId);
        if (person == null || person.status() != PersonStatus.ACTIVE) {
            return ActingDecision.refused(ActingDecision.NO_IDENTITY);
        }
        List<Grant> grants = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", personId).setParameter("taxpayer", t.id()).getResultList();
        List<AgencyMandate> mandates = em.createNamedQuery(AgencyMandate.OF_CLIENT, AgencyMandate.class)
                .setParameter("client", t.id()).getResultList();
        return ActingPolicy.decide(grants, mandates, agency -> em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER,
                Grant.class).setParameter("person", personId).setParameter("taxpayer", agency).getResultList(),
                agents::permissions, permission, clock.today());
    }

    private static Permission permission(String name) {
        try {
            return Permission.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PERMISSION_UNKNOWN");
        }
    }
}
