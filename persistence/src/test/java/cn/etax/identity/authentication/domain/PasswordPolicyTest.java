package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RULE-PWD: 8-16 characters, three of four categories, not common")
class PasswordPolicyTest {

    private final PasswordPolicy strict = new PasswordPolicy(3);

    @ParameterizedTest
    @ValueSource(strings = {"Demo@2026tax", "abcDEF12", "ab12!@cdXYZ9qwe0", "密码Ab12345", "zX9!zX9!"})
    void accepts(String password) {
        assertThatCode(() -> strict.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Ab1!xyz, PASSWORD_LENGTH",
            "Ab1!xyzAb1!xyzAb1, PASSWORD_LENGTH",
            "abcdefgh1, PASSWORD_CATEGORIES",
            "ABCDEFGH!, PASSWORD_CATEGORIES",
            "Password1!, PASSWORD_COMMON",
            "P@ssw0rd, PASSWORD_COMMON",
            "'Ab1 defgh', PASSWORD_CHARACTERS"
    })
    void refuses(String password, String code) {
        assertThatThrownBy(() -> strict.check(password)).extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    @Test
    @DisplayName("the account-center variant (two categories) is a configuration, not a second rule")
    void two_categories_when_configured() {
        assertThatCode(() -> new PasswordPolicy(2).check("abcdefgh1")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a password may not contain the username or the end of the ID number (the old initial password)")
    void personal_values() {
        assertThatThrownBy(() -> strict.check("Ab!31002xyz", "11010519491231002X", "zhangsan01"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("PASSWORD_PERSONAL");
        assertThatThrownBy(() -> strict.check("Zhangsan01!", "11010519491231002X", "zhangsan01"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("PASSWORD_PERSONAL");
    }

    @Test
    void empty() {
        assertThatThrownBy(() -> strict.check("")).extracting(e -> ((DomainException) e).code())
                .isEqualTo("PASSWORD_REQUIRED");
    }
}
