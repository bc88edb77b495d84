package cn.etax.identity.socialsecurity.domain;

import cn.etax.identity.shared.ConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-10: a social-security fee payer's account")
class FeePayerAccountTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private static FeePayerAccount unit(boolean pure) {
        FeePayerAccount a = new FeePayerAccount(FeePayerKind.UNIT, "12360100MB1P8Q5K23", "12360100MB1P8Q5K23");
        a.describe("南昌市示范中学", new FeePayerAccount.Phone("cipher", "138****0003", "digest-13812340003"), pure,
                true, NOW);
        return a;
    }

    @Test
    @DisplayName("the same registration twice changes nothing; a new phone (even with the same mask), name, closing "
            + "or pure flag does")
    void describe_tells_whether_anything_changed() {
        FeePayerAccount a = unit(false);
        FeePayerAccount.Phone samePhone = new FeePayerAccount.Phone("other cipher", "138****0003",
                "digest-13812340003");
        assertThat(a.describe("南昌市示范中学", samePhone, false, true, NOW.plusSeconds(1))).isFalse();
        assertThat(a.phoneCipher()).as("the same phone keeps its cipher").isEqualTo("cipher");
        FeePayerAccount.Phone sameMask = new FeePayerAccount.Phone("new", "138****0003", "digest-13899990003");
        assertThat(a.describe("南昌市示范中学", sameMask, false, true, NOW)).as("another number, same mask").isTrue();
        assertThat(a.phoneCipher()).isEqualTo("new");
        FeePayerAccount.Phone other = new FeePayerAccount.Phone("other", "139****0004", "digest-13900000004");
        assertThat(a.describe("南昌市示范中学", other, false, true, NOW)).isTrue();
        assertThat(a.phoneMasked()).isEqualTo("139****0004");
        assertThat(a.describe("南昌市示范中学", other, true, true, NOW)).isTrue();
        assertThat(a.describe("南昌市示范中学", other, true, false, NOW)).isTrue();
        assertThat(a.active()).isFalse();
    }

    @Test
    @DisplayName("the SMS exemption: only a pure social-security unit, and only where the deployment switched it on")
    void sms_exemption_needs_the_switch_and_a_pure_unit() {
        assertThat(unit(true).exemptFromSms(false)).as("off by default").isFalse();
        assertThat(unit(true).exemptFromSms(true)).isTrue();
        assertThat(unit(false).exemptFromSms(true)).isFalse();
        FeePayerAccount person = new FeePayerAccount(FeePayerKind.PERSON, "digest", "110*************33");
        person.describe("王五", new FeePayerAccount.Phone("cipher", "138****0003", "d"), true, true, NOW);
        assertThat(person.purePayer()).as("a person is never a pure social-security unit").isFalse();
        assertThat(person.exemptFromSms(true)).isFalse();
    }

    @Test
    @DisplayName("registered once; a new password only for a registered account")
    void registers_once_then_changes_password() {
        FeePayerAccount a = unit(false);
        assertThat(a.registered()).isFalse();
        assertThatThrownBy(() -> a.changePassword("hash", NOW)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "SOCIAL_SECURITY_NOT_REGISTERED");
        a.register("shifanzhongxue", "hash1", NOW);
        assertThat(a.registered()).isTrue();
        assertThat(a.username()).isEqualTo("shifanzhongxue");
        assertThatThrownBy(() -> a.register("other", "hash2", NOW)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "SOCIAL_SECURITY_ALREADY_REGISTERED");
        a.changePassword("hash3", NOW.plusSeconds(60));
        assertThat(a.passwordHash()).isEqualTo("hash3");
        assertThat(a.username()).isEqualTo("shifanzhongxue");
        assertThat(a.passwordChangedAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
