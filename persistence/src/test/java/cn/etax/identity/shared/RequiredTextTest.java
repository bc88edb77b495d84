package cn.etax.identity.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A required text: missing is the field's own code, too long says so with the limit")
class RequiredTextTest {

    @Test
    void stripped_and_kept() {
        assertThat(RequiredText.of("  示范科技  ", 10, "NAME_REQUIRED")).isEqualTo("示范科技");
        assertThat(RequiredText.of("x".repeat(10), 10, "NAME_REQUIRED")).hasSize(10);
    }

    @Test
    void missing_and_too_long_are_told_apart() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> RequiredText.of(missing, 10, "NAME_REQUIRED"))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("NAME_REQUIRED"));
        }
        assertThatThrownBy(() -> RequiredText.of("x".repeat(11), 10, "NAME_REQUIRED"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("TEXT_TOO_LONG"))
                .satisfies(e -> assertThat(((InvalidInputException) e).arguments()).containsExactly(10));
    }

    @Test
    @DisplayName("an optional text: empty is null, too long is never cut short, control characters are refused")
    void optional_text() {
        assertThat(RequiredText.optional("  ", 10)).isNull();
        assertThat(RequiredText.optional(null, 10)).isNull();
        assertThat(RequiredText.optional(" 南昌市 ", 10)).isEqualTo("南昌市");
        assertThatThrownBy(() -> RequiredText.optional("址".repeat(11), 10))
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("TEXT_TOO_LONG"));
        for (String control : new String[] {"张\u0000三", "软件\n业", "a\tb"}) {
            assertThatThrownBy(() -> RequiredText.optional(control, 10))
                    .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("TEXT_INVALID"));
            assertThatThrownBy(() -> RequiredText.of(control, 10, "NAME_REQUIRED"))
                    .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("TEXT_INVALID"));
        }
    }
}
