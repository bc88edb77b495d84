package cn.etax.identity.shared.application;

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

    public ZoneId zone() {
        return zone;
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
