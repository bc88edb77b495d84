package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §9 in the running application: the certificate connector RAR deployed on Payara Micro before the WAR, the EJBs
 * reaching it through the pooled connection factory, on the demo tax CA's SM2 and RSA soft tokens (PIN 12345678).
 */
@DisplayName("§9 certificate connector: RAR on Payara Micro, verification through the pooled connections")
class CertificateConnectorIT {

    private static final String PIN = "12345678";

    @Test
    @DisplayName("the certificate helper lists the demo keys' SM2 and RSA certificates without a PIN")
    void helperListsCertificates() {
        JsonObject sm2 = certificate("demo-sm2");
        assertThat(sm2.getString("algorithm")).isEqualTo("SM2");
        assertThat(sm2.getString("holder")).isEqualTo("福州示例科技有限公司");
        assertThat(sm2.getString("creditCode")).isEqualTo("91350100M000100Y43");
        assertThat(sm2.getString("issuer")).isEqualTo("税务数字证书演示根CA（SM2）");
        JsonObject rsa = certificate("demo-rsa");
        assertThat(rsa.getString("algorithm")).isEqualTo("RSA");
        assertThat(rsa.getString("creditCode")).isEqualTo("91110108351303601C");
    }

    @Test
    @DisplayName("LOGIN-6: an SM2 and an RSA signature made after the PIN verify, naming the holder")
    void signaturesVerify() {
        for (String[] key : new String[][] {{"demo-sm2", "sm2", "SM2", "91350100M000100Y43"}, {"demo-rsa", "rsa", "RSA", "91110108351303601C"}}) {
            String data = encode("TAX-LOGIN|" + key[0] + "|challenge-7f3c9a2e");
            Reply signed = sign(key[0], key[1], PIN, data);
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);

            Reply verified = verify(signed.string("certificate"), data, signed.string("signature"));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            assertThat(verified.string("algorithm")).isEqualTo(key[2]);
            assertThat(verified.string("creditCode")).isEqualTo(key[3]);

            Reply tampered = verify(signed.string("certificate"), encode("TAX-LOGIN|" + key[0] + "|another-challenge"), signed.string("signature"));
            assertThat(tampered.status()).isEqualTo(400);
            assertThat(tampered.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(tampered.message()).isEqualTo("签名验证失败");
        }
    }

    @Test
    @DisplayName("with the business clock days ahead (other tests move it) a signature still verifies and a revoked key stays revoked")
    void businessClockAhead() {
        Sim.nextBusinessDay();
        String data = encode("TAX-LOGIN|demo-sm2|a later day");
        Reply signed = sign("demo-sm2", "sm2", PIN, data);
        Reply verified = verify(signed.string("certificate"), data, signed.string("signature"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verify(certificate("demo-revoked").getString("certificate"), data, signed.string("signature")).code())
                .isEqualTo("CERTIFICATE_REVOKED");
    }

    @Test
    @DisplayName("a revoked, an expired and a malformed certificate each get their own message")
    void rejectedCertificates() {
        String data = encode("anything");
        String signature = encode("not checked: the certificate is refused first");
        Reply revoked = verify(certificate("demo-revoked").getString("certificate"), data, signature);
        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.code()).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(revoked.message()).isEqualTo("证书已被吊销");

        Reply expired = verify(certificate("demo-expired").getString("certificate"), data, signature);
        assertThat(expired.code()).isEqualTo("CERTIFICATE_EXPIRED");
        assertThat(expired.message()).isEqualTo("证书已过期");

        Reply malformed = verify(encode("not a certificate"), data, signature);
        assertThat(malformed.code()).isEqualTo("CERTIFICATE_MALFORMED");
        assertThat(malformed.message()).isEqualTo("证书格式不正确");
    }

    @Test
    @DisplayName("the key locks after the configured 10 wrong PINs; then even the right PIN is refused")
    void wrongPinsLockTheKey() {
        String data = encode("TAX-LOGIN|lockout");
        Reply first = sign("demo-expired", "rsa", "00000000", data);
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.code()).isEqualTo("CERTIFICATE_PIN_INCORRECT");
        assertThat(first.message()).isEqualTo("证书密码错误，还可尝试9次");
        for (int attempt = 2; attempt < 10; attempt++) {
            assertThat(sign("demo-expired", "rsa", "0000000" + attempt, data).code()).isEqualTo("CERTIFICATE_PIN_INCORRECT");
        }
        Reply tenth = sign("demo-expired", "rsa", "00000010", data);
        assertThat(tenth.status()).isEqualTo(423);
        assertThat(tenth.code()).isEqualTo("CERTIFICATE_LOCKED");
        Reply right = sign("demo-expired", "rsa", PIN, data);
        assertThat(right.code()).isEqualTo("CERTIFICATE_LOCKED");
        assertThat(right.message()).isEqualTo("证书密码错误次数过多，证书已锁定，请到主管税务机关解锁");
        // other keys are not affected
        assertThat(sign("demo-rsa", "rsa", PIN, data).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("API-2: the platform publishes its SM2 signing certificate, issued under the tax CA roots")
    void platformKeyIsPublished() {
        Reply key = Api.browser().get("/api/v1/certificates/platform");
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.string("algorithm")).isEqualTo("SM2");
        // the chain is accepted (the refusal is about the signature only)
        Reply verified = verify(key.string("certificate"), encode("assertion"), encode("no signature"));
        assertThat(verified.code()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("ENT-7: the helper changes a key's PIN through the connector; a wrong old PIN counts, the old PIN no longer works")
    void pinChange() {
        String data = encode("TAX-LOGIN|pin-change");
        Reply wrongOld = changePin("demo-revoked", "99999999", "20261123");
        assertThat(wrongOld.status()).isEqualTo(401);
        assertThat(wrongOld.message()).isEqualTo("证书密码错误，还可尝试9次");
        assertThat(changePin("demo-revoked", PIN, "20261123").status()).isEqualTo(204);
        assertThat(sign("demo-revoked", "sm2", PIN, data).code()).isEqualTo("CERTIFICATE_PIN_INCORRECT");
        assertThat(sign("demo-revoked", "sm2", "20261123", data).status()).isEqualTo(200);
    }

    private static Reply changePin(String token, String oldPin, String newPin) {
        return Api.browser().post("/api/sim/cert-helper/tokens/" + token + "/pin",
                Json.createObjectBuilder().add("oldPin", oldPin).add("newPin", newPin).build());
    }

    private static JsonObject certificate(String token) {
        Reply r = Api.browser().get("/api/sim/cert-helper/certificates");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonArray().getValuesAs(JsonObject.class).stream().filter(c -> token.equals(c.getString("token")))
                .findFirst().orElseThrow(() -> new AssertionError("no certificate on " + token + ": " + r.body()));
    }

    private static Reply sign(String token, String alias, String pin, String data) {
        return Api.browser().post("/api/sim/cert-helper/tokens/" + token + "/sign",
                Json.createObjectBuilder().add("alias", alias).add("pin", pin).add("data", data).build());
    }

    private static Reply verify(String certificate, String data, String signature) {
        return Api.browser().post("/api/v1/certificates/verify", Json.createObjectBuilder().add("certificate", certificate)
                .add("data", data).add("signature", signature).build());
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
