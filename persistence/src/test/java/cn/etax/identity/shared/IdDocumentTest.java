package cn.etax.identity.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-ID: identity documents are checked by their real formats")
class IdDocumentTest {

    @ParameterizedTest(name = "{0} {1} is valid")
    @CsvSource({
            "RESIDENT_ID_CARD, 11010519491231002X",
            "RESIDENT_ID_CARD, 440524188001010014",
            "RESIDENT_ID_CARD, 110101199003071233",
            "HK_MACAO_RESIDENCE_PERMIT, 81000019900101567X",
            "HK_MACAO_TRAVEL_PERMIT, H12345678",
            "HK_MACAO_TRAVEL_PERMIT, M1234567890",
            "TAIWAN_TRAVEL_PERMIT, 12345678",
            "CHINESE_PASSPORT, E12345678",
            "CHINESE_PASSPORT, EA1234567",
            "CHINESE_PASSPORT, G12345678",
            "FOREIGN_PERMANENT_RESIDENT_CARD, USA123456789012",
            "FOREIGN_PASSPORT, P12345678"
    })
    void accepts_real_numbers(IdType type, String number) {
        assertThat(IdDocument.of(type, number).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "RESIDENT_ID_CARD, 110105194912310021",   // wrong check digit
            "RESIDENT_ID_CARD, 11010519491331002X",   // month 13 (check digit recomputed would still fail)
            "RESIDENT_ID_CARD, 110105194902300028",   // 30 February
            "RESIDENT_ID_CARD, 1101051949123100",     // too short
            "RESIDENT_ID_CARD, 81000019900101567X",   // a residence permit is not a resident ID card
            "HK_MACAO_RESIDENCE_PERMIT, 11010519491231002X",
            "CHINESE_PASSPORT, EI1234567",            // I is not used
            "HK_MACAO_TRAVEL_PERMIT, X12345678",
            "TAIWAN_TRAVEL_PERMIT, 1234567"
    })
    void refuses_wrong_numbers(IdType type, String number) {
        assertThatThrownBy(() -> IdDocument.of(type, number))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("ID_NUMBER_INVALID");
    }

    @Test
    @DisplayName("RULE-PWD: a migrated account's initial password is the last six characters of the number")
    void initial_password() {
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, "11010519491231002x").initialPassword()).isEqualTo("31002X");
    }

    @Test
    @DisplayName("a lower-case x, spaces and full-width characters are normalised before the check")
    void normalises_input() {
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, " 1101 0519 4912 3100 2x ").number())
                .isEqualTo("11010519491231002X");
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, "１１０１０５１９４９１２３１００２Ｘ").number())
                .isEqualTo("11010519491231002X");
    }

    @Test
    @DisplayName("gender and birth date are derived from a resident ID number (REG-1)")
    void derives_gender_and_birth_date() {
        IdDocument female = IdDocument.of(IdType.RESIDENT_ID_CARD, "11010519491231002X");
        assertThat(female.gender()).isEqualTo(Gender.FEMALE);
        assertThat(female.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, "440524188001010014").gender()).isEqualTo(Gender.MALE);
        assertThat(IdDocument.of(IdType.CHINESE_PASSPORT, "E12345678").gender()).isEqualTo(Gender.UNKNOWN);
    }

    @Test
    @DisplayName("seven document types register online, four only after a tax-office collection (REG-3)")
    void online_and_offline_types() {
        assertThat(java.util.Arrays.stream(IdType.values()).filter(IdType::registersOnline)).hasSize(7);
        assertThat(IdType.FOREIGN_PASSPORT.registersOnline()).isFalse();
        assertThat(IdType.WORK_PERMIT_A.registersOnline()).isFalse();
    }

    @Test
    @DisplayName("missing type or number get their own messages")
    void missing_input() {
        assertThatThrownBy(() -> IdDocument.of(null, "x")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("ID_TYPE_REQUIRED");
        assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID_CARD, "  ")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("ID_NUMBER_REQUIRED");
    }

    @Test
    @DisplayName("toString never shows the full number (logs carry masked forms only)")
    void never_prints_the_full_number() {
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, "11010519491231002X").toString())
                .doesNotContain("11010519491231002X").contains("110").endsWith("2X");
    }

    @Test
    @DisplayName("the check character completes 17 digits as GB 11643 says")
    void check_character() {
        assertThat(Gb11643.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(Gb11643.checkCharacter("44052418800101001")).isEqualTo('4');
    }
}
