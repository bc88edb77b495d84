package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.ConsecutiveFailures;
import cn.etax.identity.authentication.domain.LoginGuard;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * RULE-LOCK on the database: each call is its own short transaction holding the person's guard row locked. A
 * password attempt is counted (and survives a rollback of the step that follows) before the slow hash is checked
 * outside any transaction; a quick check such as an SMS code is made and counted inside one ({@link #check}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginGuardService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    /**
     * Counts an attempt; throws {@code ACCOUNT_LOCKED} (with the unlock time) instead when locked. Returns the
     * attempts left today should this one fail, as counted when it began (parallel attempts each get their own).
     */
    public int begin(long personId, AuthMethod method) {
        return guard(personId).beginAttempt(method, clock.now(), clock.zone());
    }

    /**
     * In a transaction of its own, like {@link #begin}: a caller that holds the guard row would deadlock the next
     * {@code begin} or {@link #check} of the same request (the account center checks two codes in one step).
     */
    public void succeeded(long personId, AuthMethod method) {
        clear(personId, method);
    }

    /**
     * {@link #succeeded} in the caller's transaction, one transaction fewer, for a step that after it takes no other
     * guard row and throws no business refusal (which would roll the cleared count back): the password step's start
     * of the login flow. The row stays locked until that transaction ends.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void succeededWithin(long personId, AuthMethod method) {
        clear(personId, method);
    }

    private void clear(long personId, AuthMethod method) {
        // one UPDATE (it locks the row as the read would): the count is set to zero whatever it was
        int rows = em.createQuery("update LoginGuard g set g." + LoginGuard.counterAttribute(method)
                + " = 0 where g.personId = :person").setParameter("person", personId).executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("person " + personId + " has no login guard");
        }
    }

    /** The outcome of a {@link #check} and the attempts left today for its method after it. */
    public record Checked<T>(T outcome, int left) {
    }

    /**
     * A check that needs no slow hash (an SMS code), made while this transaction holds the person's guard row: a
     * locked account is refused before the check (ACCOUNT_LOCKED with the unlock time), a failed check counts one
     * attempt, a passed one clears the method's count. Parallel checks for one person queue on the row, so no more
     * guesses are made than the count allows. {@code check} runs in this transaction and must not throw for a wrong
     * answer (the count would roll back with it).
     */
    public <T> Checked<T> check(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        return checkHolding(personId, method, check, passed);
    }

    /**
     * {@link #check} in the caller's transaction, for a step that goes on when the check passed (the login's second
     * factor). The caller holds the guard row until it ends; should it end in a rollback, the check and its count roll
     * back with it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public <T> Checked<T> checkWithin(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        return checkHolding(personId, method, check, passed);
    }

    private <T> Checked<T> checkHolding(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        LoginGuard guard = guard(personId);
        Instant now = clock.now();
        ZoneId zone = clock.zone();
        guard.ensureUnlocked(now, zone);
        T outcome = check.get();
        if (!passed.test(outcome)) {
            return new Checked<>(outcome, guard.beginAttempt(method, now, zone));
        }
        if (guard.remaining(method) < LoginGuard.MAX_CONSECUTIVE_FAILURES) {
            guard.succeeded(method);
        }
        return new Checked<>(outcome, LoginGuard.MAX_CONSECUTIVE_FAILURES);
    }

    /**
     * REG-5: a check on the way that lifts a lock (忘记密码's SMS code), counted as the login's codes are: refused once
     * the method's own failures reached the limit today (ACCOUNT_LOCKED with the unlock time; the face check stays
     * open), a failure counted, a pass clearing the method's count. Unlike {@link #check}, a lock by another method
     * (wrong passwords) does not stop it: this is how that lock is lifted.
     */
    public <T> Checked<T> checkRecovery(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        return onRecovery(guard(personId), method, clock.now(), clock.zone(), check, passed);
    }

    /** {@link #checkRecovery} on any account's counters, held locked by the caller's transaction. */
    public static <T> Checked<T> onRecovery(ConsecutiveFailures guard, AuthMethod method, Instant now, ZoneId zone,
                                            Supplier<T> check, Predicate<T> passed) {
        guard.ensureMethodOpen(method, now, zone);
        T outcome = check.get();
        if (!passed.test(outcome)) {
            return new Checked<>(outcome, guard.failedOnRecovery(method, now, zone));
        }
        guard.succeeded(method);
        return new Checked<>(outcome, ConsecutiveFailures.MAX_CONSECUTIVE_FAILURES);
    }

    /** Attempts left for the method today (shown after a wrong password). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int remaining(long personId, AuthMethod method) {
        LoginGuard guard = em.find(LoginGuard.class, personId);
        return guard == null ? LoginGuard.MAX_CONSECUTIVE_FAILURES : guard.remaining(method);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensureUnlocked(long personId) {
        guard(personId).ensureUnlocked(clock.now(), clock.zone());
    }

    /** Forgot-password (REG-5) unlocks at once; runs in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void reset(long personId) {
        guard(personId).reset();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void create(long personId) {
        em.persist(new LoginGuard(personId, clock.today()));
    }

    private LoginGuard guard(long personId) {
        LoginGuard guard = em.createNamedQuery(LoginGuard.LOCKED, LoginGuard.class).setParameter("person", personId)
                .getResultStream().findFirst().orElse(null);
        if (guard == null) {
            throw new IllegalStateException("person " + personId + " has no login guard");
        }
        return guard;
    }
}
