package cn.etax.identity.transition.application;

import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("LOGIN-11: the old system's enterprise password digests")
class LegacyPasswordDigestTest {

    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("SM3 over salt and password, as the GB/T 32905 test vector fixes it")
    void sm3MatchesTheStandard() {
        // GB/T 32905-2016 example 1: SM3("abc"); with an empty salt the digest is the standard's
        assertThat(LegacyPasswordDigest.sm3(new byte[0], "abc"))
                .isEqualTo("sm3::66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    @DisplayName("the right password matches, any other does not; an Argon2 string of the platform also works")
    void matches() {
        String digest = LegacyPasswordDigest.sm3(SALT, "Qiye@2019");
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        assertThat(LegacyPasswordDigest.matches("Qiye@2019", digest, hasher)).isTrue();
        assertThat(LegacyPasswordDigest.matches("qiye@2019", digest, hasher)).isFalse();
        assertThat(LegacyPasswordDigest.matches("", digest, hasher)).isFalse();
        assertThat(LegacyPasswordDigest.matches("Qiye@2019", null, hasher)).as("stopped: no digest").isFalse();
        assertThat(LegacyPasswordDigest.matches("Qiye@2019", "sm3:AAAAAAAAA:" + "0".repeat(64), hasher))
                .as("a salt that is no Base64 matches nothing (no error)").isFalse();
        String argon = hasher.hash("Qiye@2019");
        assertThat(LegacyPasswordDigest.check(argon)).isEqualTo(argon);
        assertThat(LegacyPasswordDigest.matches("Qiye@2019", argon, hasher)).isTrue();
        assertThat(LegacyPasswordDigest.matches("Qiye@2018", argon, hasher)).isFalse();
    }

    @Test
    @DisplayName("only the two forms are taken from the migration; never a password in clear")
    void checkRefusesOtherForms() {
        assertThat(LegacyPasswordDigest.check(" " + LegacyPasswordDigest.sm3(SALT, "x") + " "))
                .startsWith("sm3:");
        String hex = "0".repeat(64);
        for (String bad : new String[] {null, "", "Qiye@2019", "md5:abc", "sm3:AAAA:1234",
                "sm3:MDEyMzQ1Njc4OWFiY2RlZg==:" + "g".repeat(64), "sm3:AAAAAAAAA:" + hex,
                "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=99999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"}) {
            assertThatThrownBy(() -> LegacyPasswordDigest.check(bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
