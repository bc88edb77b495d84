package cn.etax.identity.account.application;

import cn.etax.identity.account.application.SessionsEnded.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The moments up to which each account's sessions have ended ({@link SessionsEnded}), so that a session opened in
 * another browser ends at its next request, not at its idle timeout: REG-7 "停用网络身份", a person's password changed
 * or reset, a clerk stopped or changed by an administrator (§8), a fee payer closed by the fee collection system
 * (LOGIN-10), an account locked by its own session's wrong old passwords (RULE-LOCK). A login after the moment (the
 * person registered again, the clerk restarted) is not touched. Sessions live in this server's memory, and so does
 * this record of them (the console's EJBs also refuse a changed clerk on any node).
 */
@ApplicationScoped
public class EndedAccounts {

    private final Map<Holder, Map<Long, Instant>> endedAt = new EnumMap<>(Holder.class);

    private final List<BiConsumer<SessionsEnded, Boolean>> listeners = new CopyOnWriteArrayList<>();

    public EndedAccounts() {
        for (Holder holder : Holder.values()) {
            endedAt.put(holder, new ConcurrentHashMap<>());
        }
    }

    void sessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded event) {
        endAt(event, true);
    }

    /**
     * RULE-LOCK: the account locked by wrong old passwords typed in one of its sessions. The lock committed in a
     * transaction of its own, so all its sessions end now, the guessing one included.
     */
    public void locked(SessionsEnded event) {
        endAt(event, false);
    }

    /**
     * Whether a session of the account that counts as opened at {@code openedAt} (its login, or a later password change
     * made in it) has ended since.
     */
    public boolean ended(Holder holder, long id, Instant openedAt) {
        Instant at = endedAt.get(holder).get(id);
        return at != null && !openedAt.isAfter(at);
    }

    /**
     * {@code listener} is told each moment recorded, in the thread that recorded it (LOGIN-9: the sessions that
     * downstream applications know of are told at once, not at their next request), with whether the session of the
     * request that ended them may go on: true for a change committed by its caller (a password changed in that
     * session keeps it, when the web layer says so), false for a lock by that session's own guesses.
     */
    public void onEnded(BiConsumer<SessionsEnded, Boolean> listener) {
        listeners.add(listener);
    }

    /** The later of the moments: a change that commits after another never moves the record back. */
    private void endAt(SessionsEnded event, boolean callerMayGoOn) {
        endedAt.get(event.holder()).merge(event.id(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
        listeners.forEach(l -> l.accept(event, callerMayGoOn));
    }
}
