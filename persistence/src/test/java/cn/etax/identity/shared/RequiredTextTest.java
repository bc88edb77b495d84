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
}
