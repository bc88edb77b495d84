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

/**
 * A counted window for one key: at most {@code limit} events in a window that starts with the first event; when
 * the window has passed, the next event opens a new one. RULE-SMS (10 codes per phone per 10 minutes, "counted
 * from the first of the 10") and the per-address login throttle (RULE-LOCK) are both this. The row is read with
 * a pessimistic lock, so parallel requests never exceed the limit.
 */
@Entity
@Table(name = "rate_window")
@NamedQuery(name = RateWindow.LOCKED, query = "select w from RateWindow w where w.key = :key",
        hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))
public class RateWindow {

    /** The window's row, locked for the transaction ({@link RowLock}). */
    public static final String LOCKED = "RateWindow.locked";

    @Id
    @Column(name = "window_key", length = 100)
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "event_count", nullable = false)
    private int count;

    protected RateWindow() {
    }

    public RateWindow(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
        this.count = 0;
    }

    /** Counts one event, or throws {@code code} with the seconds until the window ends. */
    public void consume(Instant now, int limit, Duration window, String code) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            count = 0;
        }
        if (count >= limit) {
            throw new RateLimitedException(code, Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds()));
        }
        count++;
    }

    public int count() {
        return count;
    }

    public Instant windowStart() {
        return windowStart;
    }
}
