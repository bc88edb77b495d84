package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators' figures the login benchmark (LOGIN-1) builds its ratio from: the server's CPU split into the
 * Argon2id hashes and the rest, and the server's own bare hash rate on its hashing slots.
 */
@DisplayName("LOGIN-1 benchmark probes (simulators): server CPU and the server's own bare Argon2id rate")
class BenchmarkProbesIT {

    @Test
    @DisplayName("a login's password hash shows in the server's hash counters, within its process CPU time")
    void loginHashIsCounted() {
        JsonObject before = Api.browser().get("/api/sim/cpu").json();

        Reply login = Api.browser().login(Fixtures.quickPerson());
        assertThat(login.string("status")).isEqualTo("LOGGED_IN");

        JsonObject after = Api.browser().get("/api/sim/cpu").json();
        long hashes = after.getJsonNumber("hashes").longValue() - before.getJsonNumber("hashes").longValue();
        long hashCpu = after.getJsonNumber("hashCpuNanos").longValue()
                - before.getJsonNumber("hashCpuNanos").longValue();
        long processCpu = after.getJsonNumber("processCpuNanos").longValue()
                - before.getJsonNumber("processCpuNanos").longValue();
        assertThat(hashes).isGreaterThanOrEqualTo(1);
        assertThat(hashCpu).isPositive();
        assertThat(processCpu).isGreaterThanOrEqualTo(hashCpu);
    }

    @Test
    @DisplayName("POST /api/sim/hash-rate hashes on every slot for the seconds asked, at least one, and counts them")
    void serverBareHashRate() {
        long before = Api.browser().get("/api/sim/cpu").json().getJsonNumber("hashes").longValue();

        Reply r = Api.browser().post("/api/sim/hash-rate?seconds=0", Json.createObjectBuilder().build());

        assertThat(r.status()).isEqualTo(200);
        JsonObject rate = r.json();
        assertThat(rate.getInt("slots")).isGreaterThanOrEqualTo(1);
        assertThat(rate.getJsonNumber("seconds").doubleValue()).isBetween(1.0, 5.0);
        long hashes = rate.getJsonNumber("hashes").longValue();
        assertThat(hashes).isPositive();
        assertThat(rate.getJsonNumber("hashesPerSecond").doubleValue())
                .isCloseTo(hashes / rate.getJsonNumber("seconds").doubleValue(),
                        Offset.offset(0.01));
        long after = Api.browser().get("/api/sim/cpu").json().getJsonNumber("hashes").longValue();
        // the bare hashes and the one that made the stored hash they verify
        assertThat(after - before).isGreaterThanOrEqualTo(hashes + 1);
    }
}
