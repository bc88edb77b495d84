package cn.etax.identity.account.domain;

import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("PER-7 added documents: the seven online types and the validity dates")
class PersonDocumentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final ProtectedValue NUMBER = new ProtectedValue("digest", "cipher", "E1*****78");

    @ParameterizedTest
    @EnumSource(value = IdType.class, names = {"FOREIGN_PASSPORT", "WORK_PERMIT_A", "WORK_PERMIT_B", "WORK_PERMIT_C"})
    @DisplayName("the four offline-only types are not added online")
    void offline_types_refused(IdType type) {
        assertThat(code(() -> PersonDocument.added(1, type, NUMBER, TODAY.minusYears(1), null, TODAY, NOW)))
                .isEqualTo("DOCUMENT_TYPE_NOT_ONLINE");
    }

    @Test
    @DisplayName("valid from today or earlier; until after the start and not before today; none means long-term")
    void validity() {
        PersonDocument longTerm = PersonDocument.added(7, IdType.CHINESE_PASSPORT, NUMBER, TODAY.minusYears(2), null,
                TODAY, NOW);
        assertThat(longTerm.validUntil()).isNull();
        assertThat(longTerm.personId()).isEqualTo(7);
        assertThat(longTerm.masked()).isEqualTo("E1*****78");
        PersonDocument endsToday = PersonDocument.added(7, IdType.CHINESE_PASSPORT, NUMBER, TODAY.minusYears(10),
                TODAY, TODAY, NOW);
        assertThat(endsToday.validUntil()).isEqualTo(TODAY);

        assertThat(code(() -> PersonDocument.checkAddable(IdType.CHINESE_PASSPORT, null, null, TODAY)))
                .isEqualTo("DOCUMENT_VALIDITY_INVALID");
        assertThat(code(() -> PersonDocument.checkAddable(IdType.CHINESE_PASSPORT, TODAY.plusDays(1), null, TODAY)))
                .as("not begun yet").isEqualTo("DOCUMENT_VALIDITY_INVALID");
        assertThat(code(() -> PersonDocument.checkAddable(IdType.CHINESE_PASSPORT, TODAY.minusYears(1),
                TODAY.minusYears(1), TODAY))).as("ends when it begins").isEqualTo("DOCUMENT_VALIDITY_INVALID");
        assertThat(code(() -> PersonDocument.checkAddable(IdType.CHINESE_PASSPORT, TODAY.minusYears(10),
                TODAY.minusDays(1), TODAY))).isEqualTo("DOCUMENT_EXPIRED");
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.code();
        }
        throw new AssertionError("no refusal");
    }
}
