package cn.etax.identity.account.application;

import cn.etax.identity.clerk.application.ClerkSessionsEnded;
import cn.etax.identity.socialsecurity.application.FeePayerClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REG-7 "停用网络身份": the moments at which persons deregistered, so that a session of such a person opened in another
 * browser ends at its next request, not at its idle timeout; the same when a person's password was changed or reset,
 * or his own session's wrong old passwords locked him (RULE-LOCK). Filled when the deregistering transaction has committed;
 * a login after the moment (the person registered again) is not touched. Sessions live in this server's memory, and
 * so does this record of them. LOGIN-10: the same for social-security fee payers the fee collection system closed;
 * §8 for clerks whose account an administrator changed (the console's EJBs refuse such a clerk on any node).
 */
@ApplicationScoped
public class EndedAccounts {

    private final Map<Long, Instant> endedAt = new ConcurrentHashMap<>();
    private final Map<Long, Instant> feePayerClosedAt = new ConcurrentHashMap<>();
    private final Map<Long, Instant> clerkEndedAt = new ConcurrentHashMap<>();

    void deregistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonDeregistered event) {
        endAt(endedAt, event.personId(), event.at());
    }

    void personSessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonSessionsEnded event) {
        endAt(endedAt, event.personId(), event.at());
    }

    /**
     * RULE-LOCK: the person's account locked at {@code at} by wrong old passwords typed in one of his sessions. The
     * lock committed in a transaction of its own, so all his sessions end now, the guessing one included.
     */
    public void personLocked(long personId, Instant at) {
        endAt(endedAt, personId, at);
    }

    /** RULE-LOCK, §8: as {@link #personLocked} for a clerk. */
    public void clerkLocked(long clerkId, Instant at) {
        endAt(clerkEndedAt, clerkId, at);
    }

    void feePayerClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeePayerClosed event) {
        endAt(feePayerClosedAt, event.accountId(), event.at());
    }

    void clerkSessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                            ClerkSessionsEnded event) {
        endAt(clerkEndedAt, event.clerkId(), event.at());
    }

    /**
     * §8: whether a clerk's session whose login completed at {@code authenticatedAt} has ended since (his account
     * stopped, his password reset or changed, his duties changed).
     */
    public boolean clerkEnded(long clerkId, Instant authenticatedAt) {
        return endedSince(clerkEndedAt, clerkId, authenticatedAt);
    }

    /** LOGIN-10: whether a fee payer's session whose login completed at {@code authenticatedAt} has ended since. */
    public boolean feePayerEnded(long accountId, Instant authenticatedAt) {
        return endedSince(feePayerClosedAt, accountId, authenticatedAt);
    }

    /**
     * Whether a session of {@code personId} that counts as opened at {@code openedAt} (its login, or a later password
     * change made in it) has ended since.
     */
    public boolean ended(long personId, Instant openedAt) {
        return endedSince(endedAt, personId, openedAt);
    }

    private static boolean endedSince(Map<Long, Instant> moments, long id, Instant openedAt) {
        Instant at = moments.get(id);
        return at != null && !openedAt.isAfter(at);
    }

    /** The later of the moments a record holds: a change that commits after another never moves it back. */
    private static void endAt(Map<Long, Instant> moments, long id, Instant at) {
        moments.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
