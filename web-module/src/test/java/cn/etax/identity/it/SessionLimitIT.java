package cn.etax.identity.it;

import cn.etax.identity.shared.Gb11643;
import jakarta.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LOGIN-9 session limits and the session cookie")
class SessionLimitIT {

    /** A person of this test's own, made through the simulator's fixture API. */
    private static TestPerson freshPerson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("320102%04d%02d%02d%03d", 1960 + random.nextInt(40), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        String id = first17 + Gb11643.checkCharacter(first17);
        String phone = "134" + String.format("%08d", random.nextInt(100_000_000));
        TestPerson person = new TestPerson("时限", id, phone, null, "Limit@2026tax");
        Reply created = Api.browser().post("/api/sim/persons", Json.createObjectBuilder().add("name", person.name())
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", id).add("phone", phone)
                .add("password", person.password()).add("migrated", false).build());
        assertThat(created.status()).as("fixture %s", created).isEqualTo(200);
        return person;
    }

    @Test
    @DisplayName("LOGIN-9: a session ends after the absolute limit (12 h) however active it was")
    void absoluteLimitEndsTheSession() {
        Sim.nextBusinessDay();
        Api browser = Api.browser();
        browser.login(freshPerson());
        assertThat(browser.get("/api/v1/me/profile").status()).isEqualTo(200);

        Sim.moveClock(Duration.ofHours(11));
        assertThat(browser.get("/api/v1/me/profile").status()).as("still inside 12 h").isEqualTo(200);

        Sim.moveClock(Duration.ofHours(1).plusMinutes(1));
        Reply after = browser.get("/api/v1/me/profile");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("NOT_LOGGED_IN");
    }

    @Test
    @DisplayName("ASVS 3.4: the session cookie is HttpOnly and SameSite=Lax, and never in a URL")
    void sessionCookieAttributes() {
        Reply page = Api.browser().get("/login.xhtml");
        String setCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Api.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(page.body()).doesNotContain("jsessionid").doesNotContain(";" + Api.SESSION_COOKIE);
    }
}
