package cn.etax.identity.clerk.domain;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.shared.AccountLockedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Tax-office clerk accounts and their lockout (§8, RULE-LOCK)")
class ClerkTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");

    @Test
    @DisplayName("a clerk holds only the roles given; audit records name him and his office")
    void roles_and_description() {
        Clerk c = new Clerk("wang01", "王科员", "$argon2id$x", "13601010000", "国家税务总局南昌市东湖区税务局",
                EnumSet.of(ClerkRole.CLERK_GRANTS), AT);
        assertThat(c.holds(ClerkRole.CLERK_GRANTS)).isTrue();
        assertThat(c.holds(ClerkRole.CLERK_REGISTRATION)).isFalse();
        assertThat(c.describe()).isEqualTo("clerk 'wang01' (13601010000 国家税务总局南昌市东湖区税务局)");
    }

    @Test
    @DisplayName("username, office and at least one role are required")
    void incomplete_clerks_are_refused() {
        assertThatThrownBy(() -> new Clerk("1abc", "王", "h", "1", "o", Set.of(ClerkRole.CLERK_GRANTS), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Clerk("wang01", "王", "h", "1", "o", Set.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("five consecutive password failures lock the clerk until the next midnight in Shanghai")
    void lockout_like_a_person() {
        ClerkLoginGuard guard = new ClerkLoginGuard(50L, LocalDate.of(2026, 11, 2));
        for (int i = 4; i >= 0; i--) {
            assertThat(guard.beginAttempt(AuthMethod.PASSWORD, AT, SHANGHAI)).isEqualTo(i);
        }
        assertThatThrownBy(() -> guard.beginAttempt(AuthMethod.PASSWORD, AT, SHANGHAI))
                .isInstanceOf(AccountLockedException.class);
        assertThat(guard.unlockAt(SHANGHAI)).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        assertThat(guard.beginAttempt(AuthMethod.PASSWORD, Instant.parse("2026-11-02T16:00:01Z"), SHANGHAI))
                .isEqualTo(4);
    }
}
