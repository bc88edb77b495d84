package cn.etax.identity.integration.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonStatus;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

/** Look-ups both integration services share; runs inside their calls (and their transaction, if any). */
@Dependent
class IntegrationLookups {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    /** {@code CREDIT_CODE_INVALID} / {@code TAXPAYER_NOT_FOUND} as at the enterprise login. */
    Taxpayer taxpayer(String rawCreditCode) {
        CreditCode code = CreditCode.of(rawCreditCode);
        return em.createNamedQuery(Taxpayer.BY_CREDIT_CODE, Taxpayer.class).setParameter("code", code.value())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
    }

    /** A registered, not deregistered person: {@code PERSON_NOT_FOUND} otherwise. */
    Person activePerson(long personId) {
        Person p = em.find(Person.class, personId);
        if (p == null || p.status() != PersonStatus.ACTIVE) {
            throw new NotFoundException("PERSON_NOT_FOUND");
        }
        return p;
    }

    static IdentityType identityType(String name) {
        try {
            return IdentityType.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("IDENTITY_TYPE_UNKNOWN");
        }
    }

    /** Permission names in catalogue order, a stable order for clients that compare lists. */
    static List<String> names(Collection<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::name).toList();
    }
}
