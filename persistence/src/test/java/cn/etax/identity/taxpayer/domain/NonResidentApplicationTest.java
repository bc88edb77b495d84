package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-5 非居民企业身份信息采集: a checked form, decided once")
class NonResidentApplicationTest {

    private final Instant now = Instant.parse("2026-12-07T02:00:00Z");

    private NonResidentApplication application() {
        return new NonResidentApplication(7, " Harbour Trading Ltd ", "hkg", "CR-1234567", "1 Queen's Road, Hong Kong",
                now);
    }

    @Test
    void a_submitted_form_is_kept_trimmed_with_the_country_upper_case() {
        NonResidentApplication a = application();
        assertThat(a.enterpriseName()).isEqualTo("Harbour Trading Ltd");
        assertThat(a.country()).isEqualTo("HKG");
        assertThat(a.state()).isEqualTo(NonResidentApplication.State.SUBMITTED);
    }

    @Test
    void the_country_must_be_a_real_one_abroad_and_every_field_is_required() {
        assertThatThrownBy(() -> new NonResidentApplication(7, "X", "XXX", "1", "a", now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NON_RESIDENT_COUNTRY_INVALID");
        assertThatThrownBy(() -> new NonResidentApplication(7, "X", "CHN", "1", "a", now))
                .hasMessageContaining("NON_RESIDENT_COUNTRY_INVALID");
        assertThatThrownBy(() -> new NonResidentApplication(7, " ", "USA", "1", "a", now))
                .hasMessageContaining("NON_RESIDENT_NAME_REQUIRED");
        assertThatThrownBy(() -> new NonResidentApplication(7, "X", "USA", "", "a", now))
                .hasMessageContaining("NON_RESIDENT_REGISTRATION_NUMBER_REQUIRED");
        assertThatThrownBy(() -> new NonResidentApplication(7, "X", "USA", "1", " ", now))
                .hasMessageContaining("NON_RESIDENT_ADDRESS_REQUIRED");
        assertThatThrownBy(() -> new NonResidentApplication(7, "X", "USA", "1", "a".repeat(201), now))
                .as("too long is told as such").hasMessageContaining("TEXT_TOO_LONG");
    }

    @Test
    void an_application_is_decided_once() {
        NonResidentApplication approved = application();
        approved.approve("Y13600001234567893", 40, 3, now);
        assertThat(approved.state()).isEqualTo(NonResidentApplication.State.APPROVED);
        assertThat(approved.identityCode()).isEqualTo("Y13600001234567893");
        assertThatThrownBy(() -> approved.reject("late", 3, now)).isInstanceOf(ConflictException.class);

        NonResidentApplication rejected = application();
        assertThatThrownBy(() -> rejected.reject(" ", 3, now)).hasMessageContaining("REJECTION_REASON_REQUIRED");
        rejected.reject("注册号与境外登记证明不一致", 3, now);
        assertThat(rejected.rejectionReason()).isEqualTo("注册号与境外登记证明不一致");
        assertThatThrownBy(() -> rejected.approve("Y13600001234567893", 40, 3, now))
                .hasMessageContaining("NON_RESIDENT_APPLICATION_DECIDED");
    }
}
