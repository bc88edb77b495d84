package cn.etax.identity.clerk.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.clerk.domain.ClerkLoginGuard;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * RULE-LOCK for clerks, on the database as for persons ({@code LoginGuardService}): each call is its own short
 * transaction holding the clerk's guard row locked, so an attempt is counted before the password is checked.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClerkGuardService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    /** Counts an attempt, or throws {@code ACCOUNT_LOCKED}; answers the attempts left should this one fail. */
    public int begin(long clerkId) {
        return guard(clerkId).beginAttempt(AuthMethod.PASSWORD, clock.now(), clock.zone());
    }

    public void succeeded(long clerkId) {
        guard(clerkId).succeeded(AuthMethod.PASSWORD);
    }

    public void ensureUnlocked(long clerkId) {
        guard(clerkId).ensureUnlocked(clock.now(), clock.zone());
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void create(long clerkId) {
        em.persist(new ClerkLoginGuard(clerkId, clock.today()));
    }

    private ClerkLoginGuard guard(long clerkId) {
        ClerkLoginGuard guard = em.find(ClerkLoginGuard.class, clerkId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            throw new IllegalStateException("clerk " + clerkId + " has no login guard");
        }
        return guard;
    }
}
