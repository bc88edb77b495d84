package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.RateLimitedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-SMS: at most 10 codes per phone in any 10 minutes, counted from the first of the 10")
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
    @DisplayName("a burst of 10: ten minutes after each code, one more may go")
    void codes_come_back_as_the_old_ones_age_out() {
        RateWindow quota = new RateWindow("sms:digest", t0);
        for (int i = 0; i < 10; i++) {
            quota.consume(t0.plusSeconds(i), 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        }
        assertThatCode(() -> quota.consume(t0.plusSeconds(600), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .doesNotThrowAnyException();
        assertThat(quota.count()).isEqualTo(10);
        assertThat(quota.windowStart()).isEqualTo(t0.plusSeconds(1));
        assertThatThrownBy(() -> quota.consume(t0.plusMillis(600_500), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .satisfies(e -> assertThat(((RateLimitedException) e).arguments()).containsExactly(1L));
        assertThatCode(() -> quota.consume(t0.plusSeconds(601), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("no new window at the edge: 1 code, 9 more just before ten minutes, then only one after it")
    void no_burst_across_the_window_edge() {
        RateWindow quota = new RateWindow("sms:digest", t0);
        quota.consume(t0, 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        Instant late = t0.plusSeconds(590);
        for (int i = 0; i < 9; i++) {
            quota.consume(late, 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        }
        Instant after = t0.plusSeconds(605);
        quota.consume(after, 10, TEN_MINUTES, "SMS_TOO_FREQUENT");
        assertThatThrownBy(() -> quota.consume(after, 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .as("the 9 codes of 9:50 still count until 19:50")
                .satisfies(e -> assertThat(((RateLimitedException) e).arguments()).containsExactly(585L));
        assertThatCode(() -> quota.consume(late.plus(TEN_MINUTES), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a row written before the times were kept counts its events from its start")
    void an_old_row_keeps_its_count() throws Exception {
        RateWindow quota = new RateWindow("sms:digest", t0);
        java.lang.reflect.Field count = RateWindow.class.getDeclaredField("count");
        count.setAccessible(true);
        count.setInt(quota, 10);
        assertThatThrownBy(() -> quota.consume(t0.plusSeconds(60), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .satisfies(e -> assertThat(((RateLimitedException) e).arguments()).containsExactly(540L));
        assertThatCode(() -> quota.consume(t0.plusSeconds(600), 10, TEN_MINUTES, "SMS_TOO_FREQUENT"))
                .doesNotThrowAnyException();
        assertThat(quota.count()).isEqualTo(1);
    }
}
