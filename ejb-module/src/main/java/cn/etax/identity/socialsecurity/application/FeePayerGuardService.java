package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.socialsecurity.domain.FeePayerLoginGuard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.function.Supplier;

/**
 * RULE-LOCK for fee payers' accounts (LOGIN-10), as for persons and clerks: each call is its own short transaction
 * holding the account's guard row locked, so an attempt is counted before its secret is checked and parallel
 * guesses never exceed five.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeePayerGuardService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    /** Counts an attempt, or throws {@code ACCOUNT_LOCKED}; answers the attempts left should this one fail. */
    public int begin(long accountId, AuthMethod method) {
        return guard(accountId).beginAttempt(method, clock.now(), clock.zone());
    }

    public void succeeded(long accountId, AuthMethod method) {
        guard(accountId).succeeded(method);
    }

    public void ensureUnlocked(long accountId) {
        guard(accountId).ensureUnlocked(clock.now(), clock.zone());
    }

    /**
     * The code of 找回密码 (and of the first registration), checked and counted in this transaction as {@link
     * LoginGuardService#checkRecoveryCode} does for a person: open while wrong passwords lock the account, closed
     * for the day after five wrong codes, never locking the account.
     */
    public LoginGuardService.Checked<OneTimeSecret.Outcome> checkRecoveryCode(long accountId,
                                                                       Supplier<OneTimeSecret.Outcome> check) {
        return LoginGuardService.onRecovery(guard(accountId), clock.now(), clock.zone(), check);
    }

    /** Throws {@code RECOVERY_CODE_LOCKED} with the time it opens again when that way is closed today. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensureRecoveryOpen(long accountId) {
        guard(accountId).ensureRecoveryOpen(clock.now(), clock.zone());
    }

    /** 找回密码 lifts the lock at once, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void reset(long accountId) {
        guard(accountId).reset();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void create(long accountId) {
        em.persist(new FeePayerLoginGuard(accountId, clock.today()));
    }

    private FeePayerLoginGuard guard(long accountId) {
        FeePayerLoginGuard guard = em.find(FeePayerLoginGuard.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            throw new IllegalStateException("fee payer account " + accountId + " has no login guard");
        }
        return guard;
    }
}
