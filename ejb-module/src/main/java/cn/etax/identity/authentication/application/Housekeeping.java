package cn.etax.identity.authentication.application;

import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Removes one-time secrets, flows, QR checks, QR login codes (LOGIN-7) and answered slider challenges a day after
 * they expired: they prove nothing any more, and the tables they live in are read on every login. Non-persistent
 * timer: every node may run it; the deletes are idempotent. Login records and audit records are never touched here.
 */
@Singleton
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void removeExpired() {
        Instant before = clock.now().minus(KEEP_AFTER_EXPIRY);
        int secrets = em.createQuery("delete from OneTimeSecret s where s.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
        int checks = em.createQuery("delete from QrChallenge q where q.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
        int codes = em.createQuery("delete from QrLogin q where q.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
        int flows = em.createQuery("delete from AuthFlow f where f.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
        int answered = em.createQuery("delete from AnsweredChallenge a where a.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
        if (secrets + checks + codes + flows + answered > 0) {
            LOG.info(() -> "removed expired one-time secrets: " + secrets + ", QR checks: " + checks
                    + ", QR login codes: " + codes + ", flows: "
                    + flows + ", answered slider challenges: " + answered);
        }
    }
}
