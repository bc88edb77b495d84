package cn.etax.identity.shared.application;

import cn.etax.identity.shared.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of time for business rules, and the business zone (Asia/Shanghai) in which "one day" is counted.
 * With the simulators on, testers may move time forward (to see a lockout end at midnight, a code expire) without
 * waiting; in production the offset can only be zero.
 */
@ApplicationScoped
public class BusinessClock {

    /** How far a sender's clock may run ahead of this one's. */
    private static final Duration SENDER_CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "identity.business-zone", defaultValue = "Asia/Shanghai")
    String zoneName;

    private final AtomicLong offsetMillis = new AtomicLong();
    private Clock base = Clock.systemUTC();
    private ZoneId zone;

    @PostConstruct
    void init() {
        zone = ZoneId.of(zoneName);
    }

    public Instant now() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    /**
     * The real time (the system's UTC clock) at which a business moment happened: its distance from the business
     * {@link #now()} taken back from the real now, and never later than that. In production the two are the same; with
     * the simulators' time moved, a moment recorded by the business clock (a login's completion) still lies in the
     * past for whoever compares it with real time (a downstream verifier comparing {@code auth_time} with {@code iat}).
     */
    public Instant realTimeOf(Instant businessMoment) {
        Instant real = base.instant();
        Instant then = real.minus(Duration.between(businessMoment, base.instant().plusMillis(offsetMillis.get())));
        return then.isAfter(real) ? real : then;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A time a trusted sender stated (a sync message's effective or collection time): refused when later than now by
     * more than a few minutes of clock difference ({@code SYNC_TIME_IN_FUTURE}) — applied at once, it would make every
     * real message after it stale. Null passes.
     */
    public Instant notLater(Instant stated) {
        if (stated != null && stated.isAfter(now().plus(SENDER_CLOCK_SKEW))) {
            throw new InvalidInputException("SYNC_TIME_IN_FUTURE");
        }
        return stated;
    }

    public LocalDate today() {
        return now().atZone(zone).toLocalDate();
    }

    /** Only the simulators call this; see {@code SimulatedClockService}. */
    public void shift(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }

    public void resetShift() {
        offsetMillis.set(0);
    }

    public Duration shifted() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
