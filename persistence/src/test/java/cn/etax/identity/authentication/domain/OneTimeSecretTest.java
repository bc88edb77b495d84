package cn.etax.identity.authentication.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.etax.identity.authentication.domain.OneTimeSecret.Outcome.ACCEPTED;
import static cn.etax.identity.authentication.domain.OneTimeSecret.Outcome.EXPIRED;
import static cn.etax.identity.authentication.domain.OneTimeSecret.Outcome.USED;
import static cn.etax.identity.authentication.domain.OneTimeSecret.Outcome.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("RULE-SMS: one-time codes are single use, short-lived and die after five wrong guesses")
class OneTimeSecretTest {

    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    private OneTimeSecret secret() {
        return new OneTimeSecret(SecretKind.SMS_CODE, "flow", "target", "right", now, now.plusSeconds(300));
    }

    @Test
    void accepted_once() {
        OneTimeSecret s = secret();
        assertThat(s.present("right", now)).isEqualTo(ACCEPTED);
        assertThat(s.present("right", now)).isEqualTo(USED);
    }

    @Test
    @DisplayName("a code confirmed at an earlier step stays for the step that uses it; wrong guesses there count")
    void confirmed_without_being_spent() {
        OneTimeSecret s = secret();
        assertThat(s.confirm("right", now)).isEqualTo(ACCEPTED);
        for (int i = 0; i < OneTimeSecret.MAX_GUESSES - 1; i++) {
            assertThat(s.confirm("wrong", now)).isEqualTo(WRONG);
        }
        assertThat(s.present("right", now)).isEqualTo(ACCEPTED);
        assertThat(s.confirm("right", now)).isEqualTo(USED);
        OneTimeSecret guessed = secret();
        for (int i = 0; i < OneTimeSecret.MAX_GUESSES; i++) {
            guessed.confirm("wrong", now);
        }
        assertThat(guessed.present("right", now)).as("five guesses, confirmed or presented, kill it").isEqualTo(USED);
    }

    @Test
    void expired_after_its_life() {
        assertThat(secret().present("right", now.plusSeconds(300))).isEqualTo(EXPIRED);
    }

    @Test
    void dead_after_five_wrong_guesses() {
        OneTimeSecret s = secret();
        for (int i = 0; i < OneTimeSecret.MAX_GUESSES; i++) {
            assertThat(s.present("wrong", now)).isEqualTo(WRONG);
        }
        assertThat(s.present("right", now)).isEqualTo(USED);
    }

    @Test
    void superseded_by_a_newer_code() {
        OneTimeSecret s = secret();
        s.supersede(now);
        assertThat(s.present("right", now)).isEqualTo(USED);
    }
}
