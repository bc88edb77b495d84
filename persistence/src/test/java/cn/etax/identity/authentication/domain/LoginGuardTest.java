package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AccountLockedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-LOCK: five consecutive failures of one method on one day lock until midnight")
class LoginGuardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Instant morning = Instant.parse("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
    private final LoginGuard guard = new LoginGuard(1L, LocalDate.of(2026, 11, 23));

    @Test
    void fifth_failure_locks_and_sixth_attempt_is_refused_with_unlock_time() {
        for (int i = 0; i < 5; i++) {
            guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
        }
        assertThat(guard.remaining(AuthMethod.PASSWORD)).isZero();
        assertThatThrownBy(() -> guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI))
                .isInstanceOf(AccountLockedException.class)
                .satisfies(e -> assertThat(((AccountLockedException) e).arguments()).containsExactly("2026-11-24 00:00"));
        // the lock covers the account, not only the method
        assertThatThrownBy(() -> guard.beginAttempt(AuthMethod.SMS_CODE, morning, SHANGHAI))
                .isInstanceOf(AccountLockedException.class);
    }

    @Test
    @DisplayName("REG-5: the way that lifts a lock stays open under another method's lock, closes after five wrong "
            + "codes of its own, and never locks the account itself")
    void recovery_way_counts_its_own_failures() {
        for (int i = 0; i < 5; i++) {
            guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
        }
        assertThat(guard.isLocked(morning, SHANGHAI)).isTrue();
        assertThatCode(() -> guard.ensureRecoveryOpen(morning, SHANGHAI)).doesNotThrowAnyException();

        LoginGuard other = new LoginGuard(2L, LocalDate.of(2026, 11, 23));
        for (int left = 4; left >= 0; left--) {
            other.ensureRecoveryOpen(morning, SHANGHAI);
            assertThat(other.recoveryFailed(morning, SHANGHAI)).isEqualTo(left);
        }
        assertThatThrownBy(() -> other.ensureRecoveryOpen(morning, SHANGHAI))
                .isInstanceOf(AccountLockedException.class)
                .satisfies(e -> assertThat(((AccountLockedException) e).code()).isEqualTo("RECOVERY_CODE_LOCKED"))
                .satisfies(e -> assertThat(((AccountLockedException) e).arguments()).containsExactly("2026-11-24 00:00"));
        assertThat(other.isLocked(morning, SHANGHAI)).as("a script knowing an ID number locks no one out").isFalse();
        assertThatCode(() -> other.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI)).doesNotThrowAnyException();
        // the next day the way is open again
        Instant tomorrow = morning.plusSeconds(24 * 3600);
        assertThatCode(() -> other.ensureRecoveryOpen(tomorrow, SHANGHAI)).doesNotThrowAnyException();
    }

    @Test
    void success_resets_the_consecutive_count() {
        for (int i = 0; i < 4; i++) {
            guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
        }
        guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
        guard.succeeded(AuthMethod.PASSWORD);
        assertThat(guard.remaining(AuthMethod.PASSWORD)).isEqualTo(5);
    }

    @Test
    void the_attribute_a_success_resets_in_one_statement_is_the_one_that_counts_the_method() throws Exception {
        for (AuthMethod method : AuthMethod.values()) {
            if (method.isScan()) {
                continue; // LOGIN-7: decided in the app, never counted (see below)
            }
            LoginGuard fresh = new LoginGuard(2L, LocalDate.of(2026, 11, 23));
            fresh.beginAttempt(method, morning, SHANGHAI);
            fresh.beginAttempt(method, morning, SHANGHAI);
            java.lang.reflect.Field counter = ConsecutiveFailures.class
                    .getDeclaredField(ConsecutiveFailures.counterAttribute(method));
            counter.setAccessible(true);
            assertThat(counter.getInt(fresh)).as(method.name()).isEqualTo(2);
        }
    }

    @Test
    void the_app_scans_of_the_qr_login_are_not_counted_by_the_platform() {
        for (AuthMethod method : AuthMethod.values()) {
            if (method.isScan()) {
                assertThatThrownBy(() -> ConsecutiveFailures.counterAttribute(method))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> guard.beginAttempt(method, morning, SHANGHAI))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(guard.remaining(AuthMethod.PASSWORD)).isEqualTo(5);
    }

    @Test
    void failures_of_different_methods_are_counted_separately() {
        for (int i = 0; i < 4; i++) {
            guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
            guard.beginAttempt(AuthMethod.SMS_CODE, morning, SHANGHAI);
        }
        assertThat(guard.isLocked(morning, SHANGHAI)).isFalse();
    }

    @Test
    void the_lock_ends_at_midnight_in_shanghai_not_utc() {
        for (int i = 0; i < 5; i++) {
            guard.beginAttempt(AuthMethod.PASSWORD, morning, SHANGHAI);
        }
        Instant beforeMidnight = Instant.parse("2026-11-23T15:59:59Z");
        Instant afterMidnight = Instant.parse("2026-11-23T16:00:00Z");
        assertThat(guard.isLocked(beforeMidnight, SHANGHAI)).isTrue();
        assertThat(guard.isLocked(afterMidnight, SHANGHAI)).isFalse();
        assertThatCode(() -> guard.beginAttempt(AuthMethod.PASSWORD, afterMidnight, SHANGHAI))
                .doesNotThrowAnyException();
    }

    @Test
    void forgot_password_unlocks_at_once() {
        for (int i = 0; i < 5; i++) {
            guard.beginAttempt(AuthMethod.SMS_CODE, morning, SHANGHAI);
        }
        guard.reset();
        assertThat(guard.isLocked(morning, SHANGHAI)).isFalse();
    }
}
