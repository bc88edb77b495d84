package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RateLimitedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * RULE-SMS for one phone number: at most 10 codes in a window of 10 minutes that starts with the first code; when
 * the window has passed, the next code opens a new one. Read with a pessimistic lock, so parallel requests never
 * send an 11th code.
 */
@Entity
@Table(name = "sms_quota")
public class SmsQuota {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    @Id
    @Column(name = "phone_digest", length = 64)
    private String phoneDigest;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "sent_count", nullable = false)
    private int sentCount;

    protected SmsQuota() {
    }

    public SmsQuota(String phoneDigest, Instant now) {
        this.phoneDigest = phoneDigest;
        this.windowStart = now;
        this.sentCount = 0;
    }

    /** Takes one code from the quota or throws {@code SMS_TOO_FREQUENT}. */
    public void consume(Instant now) {
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            sentCount = 0;
        }
        if (sentCount >= LIMIT) {
            throw new RateLimitedException("SMS_TOO_FREQUENT",
                    Math.max(1, Duration.between(now, windowStart.plus(WINDOW)).toSeconds()));
        }
        sentCount++;
    }

    public int sentCount() {
        return sentCount;
    }

    public Instant windowStart() {
        return windowStart;
    }
}
