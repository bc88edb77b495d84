package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RateLimitedException;
import cn.etax.identity.shared.RowLock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.QueryHint;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding count for one key: at most {@code limit} events in any {@code window}. The row keeps the times of the
 * events it still counts (at most {@code limit}); the next event is refused until the oldest of them is a whole
 * window old, so the wait is counted from the first of the last {@code limit}. RULE-SMS (10 codes per phone in any
 * 10 minutes, "counted from the first of the 10") and the per-address login throttle (RULE-LOCK) are both this.
 * The row is read with a pessimistic lock, so parallel requests never exceed the limit.
 */
@Entity
@Table(name = "rate_window")
@NamedQuery(name = RateWindow.LOCKED, query = "select w from RateWindow w where w.key = :key",
        hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))
public class RateWindow {

    /** The window's row, locked for the transaction ({@link RowLock}). */
    public static final String LOCKED = "RateWindow.locked";

    /** The most events one row keeps (the times column holds 16000 characters, 14 digits and a comma each). */
    public static final int MAX_LIMIT = 1000;

    @Id
    @Column(name = "window_key", length = 100)
    private String key;

    /** The oldest event still counted (or the row's creation before any). */
    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "event_count", nullable = false)
    private int count;

    /** Epoch milliseconds of the counted events, oldest first, comma-separated. */
    @Column(name = "recent_events", length = 16000, nullable = false)
    private String recentEvents = "";

    protected RateWindow() {
    }

    public RateWindow(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
        this.count = 0;
    }

    /** Counts one event, or throws {@code code} with the seconds until the oldest counted event leaves the window. */
    public void consume(Instant now, int limit, Duration window, String code) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        Deque<Instant> counted = counted(now, window);
        while (counted.size() > limit) {
            counted.removeFirst();
        }
        if (counted.size() >= limit) {
            Instant free = counted.getFirst().plus(window);
            throw new RateLimitedException(code, Math.max(1, Duration.between(now, free).toSeconds()
                    + (Duration.between(now, free).toMillisPart() > 0 ? 1 : 0)));
        }
        counted.addLast(now);
        windowStart = counted.getFirst();
        count = counted.size();
        StringBuilder times = new StringBuilder();
        for (Instant t : counted) {
            times.append(times.length() == 0 ? "" : ",").append(t.toEpochMilli());
        }
        recentEvents = times.toString();
    }

    /** The events within the window at {@code now}, oldest first. */
    private Deque<Instant> counted(Instant now, Duration window) {
        Deque<Instant> events = new ArrayDeque<>();
        if (recentEvents == null || recentEvents.isEmpty()) {
            // a row from before the times were kept: its count, as events at the window's start
            for (int i = 0; i < count; i++) {
                events.add(windowStart);
            }
        } else {
            for (String t : recentEvents.split(",")) {
                events.add(Instant.ofEpochMilli(Long.parseLong(t)));
            }
        }
        events.removeIf(t -> !now.isBefore(t.plus(window)));
        return events;
    }

    /** Events counted at the last one. */
    public int count() {
        return count;
    }

    /** The oldest event counted at the last one. */
    public Instant windowStart() {
        return windowStart;
    }
}
