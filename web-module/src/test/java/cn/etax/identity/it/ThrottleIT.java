package cn.etax.identity.it;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULE-LOCK's per-address throttle: 100 password or recovery attempts per client address per 10 minutes, counted
 * before the slider and the password. Every IT runs from 127.0.0.1, so these tests exhaust the window every other
 * test uses: each starts on a new business day (a window of its own) and afterwards moves the clock past the
 * window, so whatever runs next finds a fresh one. (The other ITs also start each test on a new day.)
 */
@DisplayName("RULE-LOCK per-address throttle: 100 attempts per 10 minutes")
class ThrottleIT {

    private static final int LIMIT = 100;

    @BeforeEach
    void freshWindow() {
        Sim.nextBusinessDay();
    }

    @AfterEach
    void leaveNoExhaustedWindow() {
        Sim.moveClock(Duration.ofMinutes(11));
    }

    @Test
    @DisplayName("RULE-LOCK: 100 attempts pass the throttle (refused by the slider), the 101st → 429 该网络地址尝试登录次数过多; 10 minutes later a new window opens")
    void hundredAndFirstAttemptIsThrottled() {
        Api script = Api.browser();

        for (int i = 1; i <= LIMIT; i++) {
            Reply r = scriptedPasswordStep(script);
            assertThat(r.code()).as("attempt %d: %s", i, r).isEqualTo("HUMAN_CHECK_FAILED");
        }
        Reply throttled = scriptedPasswordStep(script);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.message()).matches("该网络地址尝试登录次数过多，请稍后重试（约\\d+秒后）");
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(
                s -> assertThat(Integer.parseInt(s)).isBetween(1, 600));
        Reply person = Api.browser().passwordStep(TestPerson.ZHANG_SAN.phone(), TestPerson.ZHANG_SAN.password());
        assertThat(person.code()).as("a person from the same address, right slider and password")
                .isEqualTo("TOO_MANY_ATTEMPTS");

        Sim.moveClock(Duration.ofMinutes(10));

        assertThat(scriptedPasswordStep(script).code()).as("new window").isEqualTo("HUMAN_CHECK_FAILED");
        assertThat(Api.browser().passwordStep(TestPerson.ZHANG_SAN.phone(), TestPerson.ZHANG_SAN.password()).status())
                .as("the person logs in again").isEqualTo(200);
    }

    @Test
    @DisplayName("RULE-LOCK, REG-5, REG-6: recovery attempts share the window; a throttled script locks nobody out")
    void recoveryCountsInTheSameWindow() {
        TestPerson target = Fixtures.quickPerson();
        Api script = Api.browser();

        for (int i = 1; i < LIMIT; i++) {
            assertThat(scriptedPasswordStep(script, target.idNumber()).code()).as("attempt %d", i)
                    .isEqualTo("HUMAN_CHECK_FAILED");
        }
        assertThat(scriptedReset(script, target.idNumber()).code()).as("attempt 100, forgot password")
                .isEqualTo("HUMAN_CHECK_FAILED");
        Reply login = scriptedPasswordStep(script, target.idNumber());
        Reply reset = scriptedReset(script, target.idNumber());
        Reply retrieval = script.post("/api/v1/recovery/phone-retrieval", Json.createObjectBuilder()
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", target.idNumber()).add("password", "Wrong@2026x")
                .add("sliderToken", "scripted").add("sliderPosition", 0).build());

        for (Reply r : new Reply[] {login, reset, retrieval}) {
            assertThat(r.status()).as("%s", r).isEqualTo(429);
            assertThat(r.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        }
        Sim.moveClock(Duration.ofMinutes(10));
        assertThat(Api.browser().login(target.idNumber(), target.password(), target.phone()).string("status"))
                .as("the target was never locked out").isEqualTo("LOGGED_IN");
    }

    /** What a script does: a password step with a made-up slider answer (no slider fetched, no waiting). */
    private static Reply scriptedPasswordStep(Api script) {
        return scriptedPasswordStep(script, "110101199003071233");
    }

    private static Reply scriptedPasswordStep(Api script, String account) {
        return script.post("/api/v1/login/password", Json.createObjectBuilder().add("account", account)
                .add("password", "Guess@2026x").add("sliderToken", "scripted").add("sliderPosition", 0).build());
    }

    private static Reply scriptedReset(Api script, String idNumber) {
        return script.post("/api/v1/recovery/password-reset", Json.createObjectBuilder()
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", idNumber).add("sliderToken", "scripted")
                .add("sliderPosition", 0).build());
    }
}
