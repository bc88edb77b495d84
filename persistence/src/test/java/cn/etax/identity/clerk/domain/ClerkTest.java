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

    @Test
    @DisplayName("a password the administration set must be replaced; his own clears that")
    void administration_password_must_be_replaced() {
        Clerk c = new Clerk("wang01", "王科员", "$argon2id$own", "13601010000", "国家税务总局南昌市东湖区税务局",
                EnumSet.of(ClerkRole.CLERK_GRANTS), AT);
        assertThat(c.passwordChangeRequired()).isFalse();
        c.passwordSetByAdministration("$argon2id$initial");
        assertThat(c.passwordChangeRequired()).isTrue();
        assertThat(c.passwordHash()).isEqualTo("$argon2id$initial");
        c.changePassword("$argon2id$mine");
        assertThat(c.passwordChangeRequired()).isFalse();
        assertThat(c.passwordHash()).isEqualTo("$argon2id$mine");
    }

    @Test
    @DisplayName("duties are replaced as a whole, never emptied; a stopped clerk holds none")
    void duties_and_stop() {
        Clerk c = new Clerk("wang01", "王科员", "h", "13601010000", "o", EnumSet.of(ClerkRole.CLERK_GRANTS), AT);
        c.assignRoles(EnumSet.of(ClerkRole.CLERK_ADMIN, ClerkRole.CLERK_REGISTRATION));
        assertThat(c.roles()).containsExactlyInAnyOrder(ClerkRole.CLERK_ADMIN, ClerkRole.CLERK_REGISTRATION);
        assertThat(c.holds(ClerkRole.CLERK_GRANTS)).isFalse();
        assertThatThrownBy(() -> c.assignRoles(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.roles()).hasSize(2);
        c.deactivate();
        assertThat(c.holds(ClerkRole.CLERK_ADMIN)).isFalse();
        c.activate();
        assertThat(c.holds(ClerkRole.CLERK_ADMIN)).isTrue();
        assertThat(Clerk.isValidUsername("ab")).isFalse();
        assertThat(Clerk.isValidUsername("guanli01")).isTrue();
        assertThat(Clerk.isValidUsername("9guanli")).isFalse();
    }
}
