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
 * browser ends at its next request, not at its idle timeout. Filled when the deregistering transaction has committed;
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
        endedAt.merge(event.personId(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    void feePayerClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeePayerClosed event) {
        feePayerClosedAt.merge(event.accountId(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    void clerkSessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                            ClerkSessionsEnded event) {
        clerkEndedAt.merge(event.clerkId(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * §8: whether a clerk's session whose login completed at {@code authenticatedAt} has ended since (his account
     * stopped, his password reset or changed, his duties changed).
     */
    public boolean clerkEnded(long clerkId, Instant authenticatedAt) {
        Instant at = clerkEndedAt.get(clerkId);
        return at != null && !authenticatedAt.isAfter(at);
    }

    /** LOGIN-10: whether a fee payer's session whose login completed at {@code authenticatedAt} has ended since. */
    public boolean feePayerEnded(long accountId, Instant authenticatedAt) {
        Instant at = feePayerClosedAt.get(accountId);
        return at != null && !authenticatedAt.isAfter(at);
    }

    /** Whether a session of {@code personId} whose login completed at {@code authenticatedAt} has ended since. */
    public boolean ended(long personId, Instant authenticatedAt) {
        Instant at = endedAt.get(personId);
        return at != null && !authenticatedAt.isAfter(at);
    }
}
