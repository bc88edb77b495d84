package cn.etax.identity.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-ID: unified social credit code (GB 32100) and the older TIN forms")
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108351303601C"})
    void published_sample_codes_are_valid(String code) {
        CreditCode c = CreditCode.of(code);
        assertThat(c.value()).isEqualTo(code);
        assertThat(c.form()).isEqualTo(CreditCode.Form.UNIFIED);
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void input_is_normalised_to_upper_case_without_spaces() {
        assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.of("９１３５０１００Ｍ０００１００Ｙ４３").value()).isEqualTo("91350100M000100Y43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y40", "91110108351303601D", "91110108351303602C"})
    void a_wrong_check_character_or_a_changed_character_is_refused(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> CreditCode.of(code)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("CREDIT_CODE_INVALID");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void letters_outside_the_gb32100_alphabet_are_refused(char letter) {
        String code = "91350100" + letter + "000100Y4";
        assertThat(CreditCode.isValid(code + "3")).isFalse();
        for (char check : CreditCode.ALPHABET.toCharArray()) {
            assertThat(CreditCode.isValid(code + check)).as(code + check).isFalse();
        }
    }

    @Test
    void the_old_fifteen_character_tin_and_the_individual_forms_are_accepted_by_layout() {
        assertThat(CreditCode.of("350100123456789").form()).isEqualTo(CreditCode.Form.OLD_TIN);
        assertThat(CreditCode.of("350100M00010012").form()).isEqualTo(CreditCode.Form.OLD_TIN);
        assertThat(CreditCode.of("11010549123100201").form()).isEqualTo(CreditCode.Form.INDIVIDUAL_17);
        assertThat(CreditCode.of("11010519491231002X01").form()).isEqualTo(CreditCode.Form.INDIVIDUAL_20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9135010", "91350100M000100Y4", "91350100M000100Y431", "1234567890123456",
            "91350100M000100Y43X1", "35010012345678-", "A1010549123100201"})
    void other_lengths_and_layouts_are_refused(String code) {
        assertThatThrownBy(() -> CreditCode.of(code)).extracting(e -> ((DomainException) e).code())
                .isEqualTo("CREDIT_CODE_INVALID");
    }

    @Test
    void an_empty_code_is_asked_for() {
        assertThatThrownBy(() -> CreditCode.of("  ")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("CREDIT_CODE_REQUIRED");
        assertThatThrownBy(() -> CreditCode.of(null)).extracting(e -> ((DomainException) e).code())
                .isEqualTo("CREDIT_CODE_REQUIRED");
    }

    @Test
    void the_masked_form_keeps_four_characters_at_each_end() {
        assertThat(CreditCode.of("91350100M000100Y43").masked()).isEqualTo("9135**********0Y43");
        assertThat(CreditCode.of("350100123456789").masked()).isEqualTo("3501*******6789");
    }
}
