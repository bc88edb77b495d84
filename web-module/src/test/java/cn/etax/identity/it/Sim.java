package cn.etax.identity.it;

import jakarta.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators' API (/api/sim): the SMS outbox a tester reads codes from, and the business clock a test moves
 * forward instead of sleeping. The clock only ever moves forward, so tests never undo each other's time.
 */
public final class Sim {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Api CLIENT = Api.browser();

    private Sim() {
    }

    /** Moves the business clock forward; answers the total shift. */
    public static synchronized Duration moveClock(Duration by) {
        assertThat(by.isNegative()).as("the test clock only moves forward").isFalse();
        Reply r = CLIENT.post("/api/sim/clock", Json.createObjectBuilder().add("seconds", by.toSeconds()).build());
        assertThat(r.status()).as("move clock: %s", r).isEqualTo(200);
        return Duration.ofSeconds(r.json().getJsonNumber("shiftedSeconds").longValue());
    }

    /**
     * A new business day: lockout counters (per day, RULE-LOCK) and SMS windows (10 minutes, RULE-SMS) start again.
     * Tests that share a demo person call this first instead of depending on what ran before.
     */
    public static void nextBusinessDay() {
        moveClock(Duration.ofHours(24));
    }

    /** The server's business time, as far as the client can tell (same host, same wall clock). */
    public static synchronized ZonedDateTime now() {
        Duration shift = moveClock(Duration.ZERO);
        return Instant.now().plus(shift).atZone(BUSINESS_ZONE);
    }

    /** Just past the next midnight in Asia/Shanghai. */
    public static void moveClockPastMidnight() {
        ZonedDateTime now = now();
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(BUSINESS_ZONE);
        moveClock(Duration.between(now, midnight).plusSeconds(60));
    }

    /** Forward to the next time the business day shows this time of day (today's, or tomorrow's when past). */
    public static void moveClockTo(java.time.LocalTime timeOfDay) {
        ZonedDateTime now = now();
        ZonedDateTime target = now.toLocalDate().atTime(timeOfDay).atZone(BUSINESS_ZONE);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        moveClock(Duration.between(now, target));
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** The code in the newest SMS to the phone, as the person reads it. */
    public static String latestCode(String phone) {
        Reply r = CLIENT.get("/api/sim/sms/latest-code?phone=" + phone);
        assertThat(r.status()).as("latest SMS code for %s: %s", phone, r).isEqualTo(200);
        return r.string("code");
    }

    /** The text of the newest SMS to the phone, as the person reads it. */
    public static String latestText(String phone) {
        Reply r = CLIENT.get("/api/sim/sms?max=1&phone=" + phone);
        assertThat(r.status()).as("SMS outbox: %s", r).isEqualTo(200);
        assertThat(r.jsonArray()).as("an SMS to %s", phone).isNotEmpty();
        return r.jsonArray().getJsonObject(0).getString("text");
    }

    /** How many SMS the phone has received (the outbox keeps them all during a run). */
    public static int messagesTo(String phone) {
        Reply r = CLIENT.get("/api/sim/sms?max=500&phone=" + phone);
        assertThat(r.status()).as("SMS outbox: %s", r).isEqualTo(200);
        int count = r.jsonArray().size();
        assertThat(count).as("outbox page size reached: count would be cut off").isLessThan(500);
        return count;
    }
}
