package cn.etax.identity.authentication.application;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("RULE-PWD storage: Argon2id, salted, parameters carried in the hash")
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void verifies_the_right_password_only() {
        String hash = hasher.hash("Demo@2026tax");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("Demo@2026tax");
        assertThat(hasher.verify("Demo@2026tax", hash)).isTrue();
        assertThat(hasher.verify("Demo@2026taX", hash)).isFalse();
        assertThat(hasher.verify("Demo@2026tax ", hash)).isFalse();
    }

    @Test
    void same_password_gets_a_different_salt_each_time() {
        assertThat(hasher.hash("Demo@2026tax")).isNotEqualTo(hasher.hash("Demo@2026tax"));
    }

    @Test
    void a_hash_made_with_other_parameters_still_verifies() {
        String old = new PasswordHasher(2048, 2, 1).hash("密码Ab12345");
        assertThat(hasher.verify("密码Ab12345", old)).isTrue();
    }

    @Test
    void garbage_never_verifies() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "plain")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=1024$x")).isFalse();
    }

    @Test
    void counts_the_hashes_and_their_cpu_time() {
        PasswordHasher counted = new PasswordHasher(4096, 2, 1);
        String hash = counted.hash("Demo@2026tax");
        counted.verify("Demo@2026tax", hash);
        counted.verify("wrong", hash);
        counted.verify("x", "plain"); // not a hash: nothing computed

        PasswordHasher.Statistics statistics = counted.statistics();
        assertThat(statistics.hashes()).isEqualTo(3);
        assertThat(statistics.cpuNanos()).isPositive();
    }
}
