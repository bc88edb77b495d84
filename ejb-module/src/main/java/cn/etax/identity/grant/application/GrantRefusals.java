package cn.etax.identity.grant.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.function.Supplier;

/**
 * Runs one grant-management step so that a refusal is recorded even though the step's transaction rolls back
 * (ASVS 7.2.2: every failed authorisation logged), and a transition lost to a concurrent one becomes
 * {@code CONCURRENT_CHANGE} (409) here, at the flush, instead of an anonymous failure at commit.
 */
final class GrantRefusals {

    private GrantRefusals() {
    }

    static <T> T audited(AuditService audit, EntityManager em, long actorId, String target, ClientContext client,
                         Supplier<T> step) {
        try {
            T result = step.get();
            em.flush();
            return result;
        } catch (DomainException e) {
            audit.recordSeparately(actorId, "GRANT_ACTION_REFUSED", target, e.code(), client);
            throw e;
        } catch (PersistenceException e) {
            if (!lostRace(e)) {
                throw e;
            }
            audit.recordSeparately(actorId, "GRANT_ACTION_REFUSED", target, "CONCURRENT_CHANGE", client);
            throw new ConflictException("CONCURRENT_CHANGE");
        }
    }

    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getSimpleName().contains("OptimisticLock")) {
                return true;
            }
        }
        return false;
    }
}
