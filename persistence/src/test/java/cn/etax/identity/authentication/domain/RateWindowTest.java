package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RateLimitedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-SMS: 10 codes per phone in 10 minutes, counted from the first of the 10")
class RateWindowTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private final Instant t0 = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void eleventh_code_in_the_window_is_refused_with_the_wait() {
        RateWindow quota = new RateWindow("sms:digest", t0);
        for (int i = 0; i < 10; i++) {
            quota.consume(t0.plusSeconds(i * 30L), 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        }
        assertThatThrownBy(() -> quota.consume(t0.plusSeconds(400), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).code()).isEqualTo("SMS_TOO_FREQUENT"))
                .satisfies(e -> assertThat(((RateLimitedException) e).arguments()).containsExactly(200L));
    }

    @Test
    void a_new_window_opens_ten_minutes_after_the_first_code() {
        RateWindow quota = new RateWindow("sms:digest", t0);
        for (int i = 0; i < 10; i++) {
            quota.consume(t0.plusSeconds(i), 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        }
        assertThatCode(() -> quota.consume(t0.plusSeconds(600), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .doesNotThrowAnyException();
        assertThat(quota.count()).isEqualTo(1);
        assertThat(quota.windowStart()).isEqualTo(t0.plusSeconds(600));
    }
}
