package cn.etax.identity.certificate.application;

import cn.etax.identity.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ENT-7 修改证书密码: the rules a new certificate PIN follows before the key is asked. */
class CertificatePinPolicyTest {

    @Test
    void aGoodNewPinPasses() {
        assertThatCode(() -> check("12345678", "20261123", "20261123")).doesNotThrowAnyException();
        assertThatCode(() -> check("12345678", "Tax2026key", "Tax2026key")).doesNotThrowAnyException();
        assertThatCode(() -> check("12345678", "a1b2c3d4e5f6g7h8", "a1b2c3d4e5f6g7h8")).doesNotThrowAnyException();
    }

    @Test
    void eachRuleHasItsCode() {
        assertThat(code("", "20261123", "20261123")).isEqualTo("CERTIFICATE_PIN_REQUIRED");
        assertThat(code("12345678", "", "")).isEqualTo("CERTIFICATE_NEW_PIN_REQUIRED");
        assertThat(code("12345678", "20261123", "20261124")).isEqualTo("CERTIFICATE_PIN_MISMATCH");
        assertThat(code("12345678", "2026112", "2026112")).isEqualTo("CERTIFICATE_PIN_FORMAT");
        assertThat(code("12345678", "20261123202611231", "20261123202611231")).isEqualTo("CERTIFICATE_PIN_FORMAT");
        assertThat(code("12345678", "2026-11-23", "2026-11-23")).isEqualTo("CERTIFICATE_PIN_FORMAT");
        assertThat(code("12345678", "88888888", "88888888")).isEqualTo("CERTIFICATE_PIN_TOO_SIMPLE");
        assertThat(code("12345678", "aaaaAAAA", "aaaaAAAA")).isEqualTo("CERTIFICATE_PIN_TOO_SIMPLE");
        assertThat(code("20261123", "23456789", "23456789")).isEqualTo("CERTIFICATE_PIN_TOO_SIMPLE");
        assertThat(code("20261123", "98765432", "98765432")).isEqualTo("CERTIFICATE_PIN_TOO_SIMPLE");
        assertThat(code("20261123", "20261123", "20261123")).isEqualTo("CERTIFICATE_PIN_UNCHANGED");
    }

    @Test
    void theFormatMessageNamesTheLengths() {
        DomainException e = catchThrowableOfType(() -> check("12345678", "1", "1"), DomainException.class);
        assertThat(e.arguments()).containsExactly(8, 16);
    }

    private static void check(String oldPin, String newPin, String confirmation) {
        CertificatePinPolicy.check(oldPin.toCharArray(), newPin.toCharArray(), confirmation.toCharArray());
    }

    private static String code(String oldPin, String newPin, String confirmation) {
        DomainException e = catchThrowableOfType(() -> check(oldPin, newPin, confirmation), DomainException.class);
        return e == null ? null : e.code();
    }
}
