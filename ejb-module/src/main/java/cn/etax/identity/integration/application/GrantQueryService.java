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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /**
     * The first of the person's active grants in the taxpayer (oldest first) that carries the permission allows it;
     * a deregistered or unknown person holds no identity.
     */
    public ActingDecision mayAct(long personId, String creditCode, String permissionName) {
        Permission permission = permission(permissionName);
        Taxpayer t = lookups.taxpayer(creditCode);
        Person person = em.find(Person.class, personId);
        if (person == null || person.status() != PersonStatus.ACTIVE) {
            return ActingDecision.refused(ActingDecision.NO_IDENTITY);
        }
        LocalDate today = clock.today();
        List<Grant> grants = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", personId).setParameter("taxpayer", t.id()).getResultList();
        List<Grant> active = grants.stream().filter(g -> g.state(today) == GrantState.ACTIVE)
                .sorted(Comparator.comparing(Grant::id)).toList();
        if (active.isEmpty()) {
            boolean frozen = grants.stream().anyMatch(g -> g.state(today) == GrantState.FROZEN);
            return ActingDecision.refused(frozen ? ActingDecision.IDENTITY_FROZEN : ActingDecision.NO_IDENTITY);
        }
        Optional<Grant> allowing = active.stream().filter(g -> g.permissions().contains(permission)).findFirst();
        return allowing.map(g -> ActingDecision.allowedBy(g.identityType().name(), g.id()))
                .orElseGet(() -> ActingDecision.refused(ActingDecision.PERMISSION_NOT_GRANTED));
    }

    private static Permission permission(String name) {
        try {
            return Permission.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PERMISSION_UNKNOWN");
        }
    }
}
