package cn.etax.identity.integration.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonStatus;
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
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;

/**
 * Grant queries for integrators: who may act for a taxpayer, for whom a person may act, and whether one person may
 * use one permission for one taxpayer now. Read-only; nothing here changes a grant.
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

    /** PER-4 from outside: the enterprises the person may act for today. */
    public List<AuthorisedEnterprise> authorisedEnterprises(long personId) {
        lookups.activePerson(personId);
        LocalDate today = clock.today();
        return em.createNamedQuery(Grant.OF_PERSON, Grant.class).setParameter("person", personId)
                .getResultStream().filter(g -> g.state(today) == GrantState.ACTIVE)
                .map(g -> {
                    Taxpayer t = em.find(Taxpayer.class, g.taxpayerId());
                    return new AuthorisedEnterprise(g.id(), t.creditCode().value(),
                            Masking.enterpriseName(t.name()), t.region().provinceCode(), g.identityType().name(),
                            IntegrationLookups.names(g.permissions()), g.validUntil());
                })
                .toList();
    }

    /** {@link ActingPolicy} on the person's grants in the taxpayer; a deregistered or unknown person holds none. */
    public ActingDecision mayAct(long personId, String creditCode, String permissionName) {
        Permission permission = permission(permissionName);
        Taxpayer t = lookups.taxpayer(creditCode);
        Person person = em.find(Person.class, personId);
        if (person == null || person.status() != PersonStatus.ACTIVE) {
            return ActingDecision.refused(ActingDecision.NO_IDENTITY);
        }
        List<Grant> grants = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", personId).setParameter("taxpayer", t.id()).getResultList();
        return ActingPolicy.decide(grants, permission, clock.today());
    }

    private static Permission permission(String name) {
        try {
            return Permission.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PERMISSION_UNKNOWN");
        }
    }
}
