package cn.etax.identity.integration.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.remote.CurrentIdentity;
import cn.etax.identity.remote.IdentityReference;
import cn.etax.identity.remote.Integrators;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.sso.application.AssertionIssuer;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Current-identity lookup for integrators (API-2): the identity a reference names, resolved again at the moment of
 * the call from the person's account and grants, as the enterprise login resolves it (LOGIN-2): one active grant
 * in the taxpayer is the identity; several need the identity type named; none is refused.
 */
@Stateless
@RolesAllowed(Integrators.ROLE)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CurrentIdentityService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    IntegrationLookups lookups;

    @Inject
    AssertionIssuer assertions;

    public CurrentIdentity lookup(IdentityReference reference) {
        if (reference instanceof IdentityReference.Personal personal) {
            Person p = lookups.activePerson(personal.personId());
            return new CurrentIdentity(p.id(), Masking.name(p.name()), p.realNameLevel(), null, null, null,
                    List.of(), clock.now());
        }
        if (reference instanceof IdentityReference.ForTaxpayer forTaxpayer) {
            return forTaxpayer(forTaxpayer);
        }
        if (reference instanceof IdentityReference.Assertion assertion) {
            // API-2: what the assertion says, checked as a downstream application checks it, then as of now
            JsonObject claims = assertions.verify(assertion.token());
            long personId = Long.parseLong(claims.getString("sub"));
            if ("AGENT".equals(claims.getString("identity_kind", "PERSONAL"))) {
                // an agent acts for a client under a mandate, not in an identity of his own (AGT-4)
                throw new InvalidInputException("AGENT_IDENTITY_NOT_LOOKED_UP");
            }
            if ("CROSS_REGION".equals(claims.getString("identity_kind", "PERSONAL"))) {
                // LOGIN-4: a cross-region subject is not a grant; its claims stand as the assertion gives them
                throw new InvalidInputException("CROSS_REGION_IDENTITY_NOT_LOOKED_UP");
            }
            return "ENTERPRISE".equals(claims.getString("identity_kind", "PERSONAL"))
                    ? forTaxpayer(new IdentityReference.ForTaxpayer(personId,
                            claims.getString("taxpayer_credit_code"), claims.getString("identity_type")))
                    : lookup(IdentityReference.personal(personId));
        }
        throw new InvalidInputException("REQUEST_BODY_REQUIRED");
    }

    private CurrentIdentity forTaxpayer(IdentityReference.ForTaxpayer ref) {
        Person p = lookups.activePerson(ref.personId());
        Taxpayer t = lookups.taxpayer(ref.creditCode());
        IdentityType wanted = ref.identityType() == null || ref.identityType().isBlank() ? null
                : IntegrationLookups.identityType(ref.identityType());
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<Grant> active = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                .setParameter("person", p.id()).setParameter("taxpayer", t.id()).getResultStream()
                .filter(g -> g.state(today) == GrantState.ACTIVE)
                .filter(g -> wanted == null || g.identityType() == wanted).toList();
        if (active.isEmpty()) {
            throw new ForbiddenException("IDENTITY_NOT_ACTIVE");
        }
        if (active.size() > 1) {
            throw new ConflictException("IDENTITY_AMBIGUOUS");
        }
        Grant g = active.get(0);
        return new CurrentIdentity(p.id(), Masking.name(p.name()), p.realNameLevel(),
                new CurrentIdentity.Taxpayer(t.creditCode().value(), Masking.enterpriseName(t.name()),
                        t.region().provinceCode()),
                g.identityType().name(), g.id(), IntegrationLookups.names(g.permissions()), now);
    }
}
