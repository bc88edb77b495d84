package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.Set;

/**
 * Clerk accounts as the tax bureau's administration creates them (demo data, test fixtures). There is no
 * self-service: a clerk cannot be registered from the portal.
 */
@Stateless
public class ClerkAccounts {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    ClerkGuardService guards;

    @Inject
    PasswordHasher hasher;

    @EJB
    PhoneOwnership phones;

    @Inject
    BusinessClock clock;

    /**
     * Creates the clerk unless the username exists; answers his id either way. The phone of his second factor
     * (RULE-2FA) is set on an existing clerk that has none yet (one created before clerks had a second factor).
     */
    public long ensure(String username, String name, String password, String phone, String taxOfficeCode,
                       String taxOfficeName, Set<ClerkRole> roles) {
        ProtectedValue protectedPhone = phones.protect(MobileNumber.parse(phone));
        Optional<Clerk> existing = byUsername(username);
        if (existing.isPresent()) {
            if (!existing.get().hasPhone()) {
                existing.get().assignPhone(protectedPhone);
            }
            return existing.get().id();
        }
        Clerk clerk = new Clerk(username, name, hasher.hash(password), taxOfficeCode, taxOfficeName, roles,
                clock.now());
        clerk.assignPhone(protectedPhone);
        em.persist(clerk);
        em.flush();
        guards.create(clerk.id());
        return clerk.id();
    }

    public Optional<Clerk> byUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 30) {
            return Optional.empty();
        }
        return em.createNamedQuery(Clerk.BY_USERNAME, Clerk.class).setParameter("username", username.strip())
                .getResultStream().findFirst();
    }
}
