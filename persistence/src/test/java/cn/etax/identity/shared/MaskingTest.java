package cn.etax.identity.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-MASK and RULE-PHONE value objects")
class MaskingTest {

    @Test
    void masks_personal_data() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110*************2X");
        assertThat(Masking.phone("13800000001")).isEqualTo("138****0001");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.email("zhang@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.address("北京市西城区金融大街5号")).startsWith("北京市西城").doesNotContain("5号");
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.birthDate(java.time.LocalDate.of(1949, 12, 31))).as("the ID number's hidden digits")
                .isEqualTo("1949-**-**");
        assertThat(Masking.birthDate(null)).isNull();
    }

    @Test
    @DisplayName("a mobile number is normalised from +86, spaces and dashes; anything else is refused")
    void mobile_numbers() {
        assertThat(MobileNumber.parse("+86 138-0000-0001").value()).isEqualTo("13800000001");
        assertThat(MobileNumber.parse("008613800000001").value()).isEqualTo("13800000001");
        assertThat(MobileNumber.parse("13800000001").masked()).isEqualTo("138****0001");
        assertThatThrownBy(() -> MobileNumber.parse("12800000001")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("PHONE_INVALID");
        assertThatThrownBy(() -> MobileNumber.parse("")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("PHONE_REQUIRED");
        assertThat(MobileNumber.looksLikeMobile("11010519491231002X")).isFalse();
    }
}
