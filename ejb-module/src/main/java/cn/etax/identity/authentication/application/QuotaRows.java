package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.SmsQuota;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Creates a phone's quota row in a transaction of its own. Two first requests may race to insert it; the loser's
 * insert fails on the primary key and is ignored, and both then lock the one row.
 */
@Stateless
public class QuotaRows {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @EJB
    QuotaRows self;

    public void ensure(String phoneDigest) {
        if (em.find(SmsQuota.class, phoneDigest) != null) {
            return;
        }
        try {
            self.insert(phoneDigest);
        } catch (PersistenceException | jakarta.ejb.EJBException e) {
            // another request inserted it first
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(String phoneDigest) {
        em.persist(new SmsQuota(phoneDigest, clock.now()));
        em.flush();
    }
}
