package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-11 双轨运行: the period, the old enterprise password's row and the old entry's flow")
class TransitionTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2027-06-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 30);

    @Test
    @DisplayName("the old entry is open up to and including its last day, over from the next one; none without a day")
    void period() {
        TransitionPeriod period = new TransitionPeriod(TODAY);
        assertThat(period.open(TODAY.minusDays(30))).isTrue();
        assertThat(period.open(TODAY)).isTrue();
        assertThat(period.open(TODAY.plusDays(1))).isFalse();
        assertThat(period.over(TODAY.plusDays(1))).isTrue();
        assertThat(new TransitionPeriod(null).open(TODAY)).isFalse();
        assertThat(new TransitionPeriod(null).over(TODAY)).isTrue();
    }

    @Test
    @DisplayName("five wrong enterprise passwords in a day lock the old entry for the taxpayer until midnight")
    void sharedPasswordLocks() {
        LegacyEnterprisePassword row = new LegacyEnterprisePassword(1L, "sm3:x", NOW, TODAY);
        for (int left = 4; left >= 0; left--) {
            assertThat(row.beginAttempt(AuthMethod.ENTERPRISE_PASSWORD, NOW, ZONE)).isEqualTo(left);
        }
        assertThatThrownBy(() -> row.beginAttempt(AuthMethod.ENTERPRISE_PASSWORD, NOW, ZONE))
                .isInstanceOf(AccountLockedException.class);
        assertThat(row.beginAttempt(AuthMethod.ENTERPRISE_PASSWORD, NOW.plusSeconds(86_400), ZONE))
                .as("the next business day").isEqualTo(4);
    }

    @Test
    @DisplayName("stopping erases the digest and stays: a later message of the old system brings nothing back")
    void stopErasesAndStays() {
        LegacyEnterprisePassword row = new LegacyEnterprisePassword(1L, "sm3:a", NOW, TODAY);
        assertThat(row.replace("sm3:a", NOW)).isFalse();
        assertThat(row.replace("sm3:b", NOW)).isTrue();
        assertThat(row.digest()).isEqualTo("sm3:b");
        row.stop(NOW);
        assertThat(row.stopped()).isTrue();
        assertThat(row.digest()).isNull();
        assertThat(row.replace("sm3:c", NOW)).isFalse();
        assertThat(row.digest()).isNull();
    }

    @Test
    @DisplayName("the old entry's flow: the enterprise password proves the taxpayer once; a staff identity follows; "
            + "the second factor is that person's")
    void legacyFlow() {
        AuthFlow flow = new AuthFlow(FlowKind.LEGACY_LOGIN, "digest", "127.0.0.1", NOW, NOW.plusSeconds(900));
        assertThatThrownBy(flow::requireSubject).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> flow.chooseStaff(7L, 70L)).isInstanceOf(AuthenticationFailedException.class);
        flow.enterprisePasswordPassed(3L);
        assertThat(flow.taxpayerId()).isEqualTo(3L);
        assertThatThrownBy(() -> flow.enterprisePasswordPassed(4L)).isInstanceOf(AuthenticationFailedException.class);
        flow.chooseStaff(7L, 70L);
        assertThat(flow.requireSubject()).isEqualTo(7L);
        assertThat(FlowKind.LEGACY_LOGIN.isEnterprise()).isTrue();
        assertThat(FlowKind.LEGACY_LOGIN.provesTaxpayerFirst()).isTrue();
        AuthFlow other = new AuthFlow(FlowKind.ENTERPRISE_LOGIN, "d", "127.0.0.1", NOW, NOW.plusSeconds(900));
        assertThatThrownBy(() -> other.enterprisePasswordPassed(3L)).isInstanceOf(AuthenticationFailedException.class);
    }
}
