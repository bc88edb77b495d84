package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.RateWindow;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Duration;

/**
 * Counted windows on the database ({@link RateWindow}): the same limit holds for every thread, node and restart.
 * The window row is created in a transaction of its own; when two first requests race to insert it, the loser's
 * insert fails on the primary key and is ignored, and both then lock the one row.
 */
@Stateless
public class RateLimiter {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @EJB
    RateLimiter self;

    /** Counts one event for {@code key} in the caller's transaction, or throws {@code code} (429). */
    public void consume(String key, int limit, Duration window, String code) {
        RateWindow counted = locked(key);
        if (counted == null) {
            try {
                self.insert(key);
            } catch (InsertRaceLost e) {
                // another request inserted it first; lock that row below
            }
            counted = locked(key);
        }
        counted.consume(clock.now(), limit, window, code);
    }

    private RateWindow locked(String key) {
        return em.createNamedQuery(RateWindow.LOCKED, RateWindow.class).setParameter("key", key).getResultStream()
                .findFirst().orElse(null);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(String key) {
        try {
            em.persist(new RateWindow(key, clock.now()));
            em.flush();
        } catch (PersistenceException e) {
            throw new InsertRaceLost();
        }
    }

    /** The expected outcome of losing the insert race: rolls back quietly, no system-exception log. */
    @ApplicationException(rollback = true)
    public static class InsertRaceLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InsertRaceLost() {
            super(null, null, false, false);
        }
    }
}
