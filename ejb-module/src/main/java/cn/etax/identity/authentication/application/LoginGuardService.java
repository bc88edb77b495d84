package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.ConsecutiveFailures;
import cn.etax.identity.authentication.domain.LoginGuard;
import cn.etax.identity.authentication.domain.OneTimeSecret;
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
        return checkHolding(personId, method, check, passed, true);
    }

    /**
     * {@link #check} for an answer confirmed at one step and spent at a later one (the account center's code to the
     * current phone): a wrong one counts, a right one leaves the count as it is — else confirming a code one holds
     * would wipe the failures of another code guessed in the same change.
     */
    public <T> Checked<T> confirm(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        return checkHolding(personId, method, check, passed, false);
    }

    /**
     * {@link #check} in the caller's transaction, for a step that goes on when the check passed (the login's second
     * factor). The caller holds the guard row until it ends; should it end in a rollback, the check and its count roll
     * back with it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public <T> Checked<T> checkWithin(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed) {
        return checkHolding(personId, method, check, passed, true);
    }

    private <T> Checked<T> checkHolding(long personId, AuthMethod method, Supplier<T> check, Predicate<T> passed,
                                        boolean clearOnPass) {
        LoginGuard guard = guard(personId);
        Instant now = clock.now();
        ZoneId zone = clock.zone();
        guard.ensureUnlocked(now, zone);
        T outcome = check.get();
        if (!passed.test(outcome)) {
            return new Checked<>(outcome, guard.beginAttempt(method, now, zone));
        }
        if (clearOnPass && guard.remaining(method) < LoginGuard.MAX_CONSECUTIVE_FAILURES) {
            guard.succeeded(method);
        }
        return new Checked<>(outcome, LoginGuard.MAX_CONSECUTIVE_FAILURES);
    }

    /**
     * REG-5: the SMS code of 忘记密码, checked while this transaction holds the person's guard row: refused once five
     * wrong reset codes closed that way today ({@code RECOVERY_CODE_LOCKED} with the time it opens again), a wrong one
     * counted on the recovery counter. That counter never locks the account, and a lock by wrong passwords does not
     * close this way: it is how that lock is lifted.
     */
    public Checked<OneTimeSecret.Outcome> checkRecoveryCode(long personId, Supplier<OneTimeSecret.Outcome> check) {
        return onRecovery(guard(personId), clock.now(), clock.zone(), check);
    }

    /** {@link #checkRecoveryCode} on any account's counters, held locked by the caller's transaction. */
    public static Checked<OneTimeSecret.Outcome> onRecovery(ConsecutiveFailures guard, Instant now, ZoneId zone,
                                                            Supplier<OneTimeSecret.Outcome> check) {
        guard.ensureRecoveryOpen(now, zone);
        OneTimeSecret.Outcome outcome = check.get();
        // only a wrong guess at a live code counts: without a code sent there is nothing to guess
        int left = outcome == OneTimeSecret.Outcome.WRONG ? guard.recoveryFailed(now, zone)
                : ConsecutiveFailures.MAX_CONSECUTIVE_FAILURES;
        return new Checked<>(outcome, left);
    }

    /** Throws {@code RECOVERY_CODE_LOCKED} with the time it opens again when the SMS reset way is closed today. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensureRecoveryOpen(long personId) {
        guard(personId).ensureRecoveryOpen(clock.now(), clock.zone());
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

    /**
     * §8 人工解锁 at a tax office: every count of the day starts again (the SMS reset way opens too); answers whether
     * the account was locked. Runs in the caller's transaction, holding the guard row.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean unlock(long personId) {
        LoginGuard guard = guard(personId);
        boolean locked = guard.isLocked(clock.now(), clock.zone());
        guard.reset();
        return locked;
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
