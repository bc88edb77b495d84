package cn.etax.identity.shared.application;

import cn.etax.identity.account.domain.ProtectedValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Personal data at rest: keyed digests for look-ups, AES-GCM for the audited reveal")
class PersonalDataProtectorTest {

    private static PersonalDataProtector protector(String key, boolean simulators) {
        PersonalDataProtector p = new PersonalDataProtector();
        p.configuredKey = Optional.ofNullable(key);
        p.simulators = simulators;
        p.init();
        return p;
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void digests_are_stable_per_purpose_and_differ_between_purposes() {
        PersonalDataProtector p = protector(KEY, false);
        assertThat(p.digest("phone", "13800000001")).isEqualTo(p.digest("phone", "13800000001")).hasSize(64);
        assertThat(p.digest("phone", "13800000001")).isNotEqualTo(p.digest("sms", "13800000001"));
    }

    @Test
    void cipher_text_hides_the_value_and_decrypts_back() {
        PersonalDataProtector p = protector(KEY, false);
        ProtectedValue v = p.protect("id", "RESIDENT_ID_CARD:11010519491231002X", "11010519491231002X",
                s -> "110*************2X");
        assertThat(v.cipher()).doesNotContain("11010519491231002X").isNotEqualTo(p.encrypt("11010519491231002X"));
        assertThat(p.decrypt(v.cipher())).isEqualTo("11010519491231002X");
        assertThat(v.masked()).isEqualTo("110*************2X");
    }

    @Test
    void another_key_cannot_read_or_match() {
        PersonalDataProtector a = protector(KEY, false);
        byte[] other = new byte[32];
        other[0] = 1;
        PersonalDataProtector b = protector(Base64.getEncoder().encodeToString(other), false);
        assertThat(a.digest("id", "x")).isNotEqualTo(b.digest("id", "x"));
        String sealed = a.encrypt("13800000001");
        assertThatThrownBy(() -> b.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("production (no simulators) refuses to start without a configured key")
    void no_key_no_start() {
        assertThatThrownBy(() -> protector(null, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("identity.data-key");
        assertThat(protector(null, true).digest("id", "x")).hasSize(64);
    }

    @Test
    void codes_and_tokens() {
        assertThat(Secrets.code(6)).matches("\\d{6}");
        assertThat(Secrets.token()).matches("[A-Za-z0-9_-]{22}");
        assertThat(Secrets.token()).isNotEqualTo(Secrets.token());
    }
}
