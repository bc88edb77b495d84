package cn.etax.identity.it;

import cn.etax.identity.it.SwitchFixtures.TwoEnterprises;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * API-2, §9: the test server signs assertions with the EC P-256 key {@code es256} of the demo platform token, through
 * the certificate connector (the test server's default; skipped with {@code -Dit.sso.signer=memory}). The JWKS
 * publishes that key's public half under the certificate's thumbprint, and the downstream demo (MicroProfile JWT
 * alone, ES256) trusts the assertions and nothing signed by another key.
 */
class TokenSignedSingleSignOnIT {

    private static final String WHOAMI = "/downstream/api/whoami";
    private static final String ASSERTION = "/api/v1/me/assertion";

    private static TwoEnterprises t;
    private static X509Certificate certificate;
    private static X509Certificate previous;

    @BeforeAll
    static void tokenSignerServer() throws Exception {
        assumeTrue(ItSettings.tokenSigner(), "the test server signs in memory (-Dit.sso.signer=memory)");
        t = SwitchFixtures.twoEnterprises();
        // the JWKS, as a verifier fetches it, reads the keys on the platform token (the demo token is written then)
        assertThat(Api.browser().get("/api/v1/sso/jwks").status()).isEqualTo(200);
        certificate = onToken(ItSettings.TOKEN_SIGNER_ALIAS);
        previous = onToken(ItSettings.TOKEN_SIGNER_PREVIOUS_ALIAS);
    }

    /** The certificate (public) the connector wrote beside a key on the demo platform token. */
    private static X509Certificate onToken(String alias) throws Exception {
        Path file = ItSettings.fromEnvironment().workDir().resolve("certificates").resolve("tokens").resolve("platform")
                .resolve(alias + ".crt");
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    @DisplayName("API-2, §9: the assertion is ES256 from the token key; the JWKS has its public key under the "
            + "certificate's thumbprint, beside the previous key of the rotation, and nothing private")
    void es256_from_the_token_key_published_by_thumbprint() throws Exception {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        String assertion = browser.get(ASSERTION).string("assertion");
        JsonObject header = part(assertion, 0);
        String thumbprint = thumbprint(certificate);

        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(header.getString("kid")).isEqualTo(thumbprint);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(assertion.substring(0, assertion.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(assertion.substring(assertion.lastIndexOf('.') + 1))))
                .as("signed by the key of the token's certificate").isTrue();

        List<JsonObject> keys = Api.browser().get("/api/v1/sso/jwks").json().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertThat(keys).extracting(k -> k.getString("kid")).containsExactly(thumbprint(previous), thumbprint);
        assertThat(keys).allSatisfy(k -> assertThat(k.keySet()).as("no private part").doesNotContain("d"));
        JsonObject jwk = keys.get(1);
        ECPublicKey expected = (ECPublicKey) certificate.getPublicKey();
        assertThat(jwk.getString("kid")).isEqualTo(thumbprint);
        assertThat(jwk.getString("kty")).isEqualTo("EC");
        assertThat(jwk.getString("crv")).isEqualTo("P-256");
        assertThat(jwk.getString("alg")).isEqualTo("ES256");
        assertThat(integer(jwk.getString("x"))).isEqualTo(expected.getW().getAffineX());
        assertThat(integer(jwk.getString("y"))).isEqualTo(expected.getW().getAffineY());
        assertThat(jwk.keySet()).as("no private part").doesNotContain("d");
    }

    @Test
    @DisplayName("API-2, §9: the downstream demo accepts the token-signed assertion and the new one after a switch, "
            + "and refuses one signed by any other key")
    void downstream_trusts_token_signed_assertions_only() throws Exception {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        String genuine = browser.get(ASSERTION).string("assertion");
        Reply shown = withBearer(genuine);
        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        assertThat(shown.json().getString("taxpayerCreditCode")).isEqualTo(t.a().creditCode());
        assertThat(shown.json().getString("identityType")).isEqualTo("TAX_OFFICER");

        Reply switched = SwitchFixtures.switchTo(browser, t.officerB());
        assertThat(switched.status()).isEqualTo(200);
        Reply after = withBearer(browser.get(ASSERTION).string("assertion"));
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        assertThat(after.json().getString("taxpayerCreditCode")).isEqualTo(t.b().creditCode());

        // same header (kid of the token key), signed by another P-256 key
        String input = genuine.substring(0, genuine.lastIndexOf('.'));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey other = generator.generateKeyPair().getPrivate();
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(other);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        String forged = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        assertThat(withBearer(forged).status()).as("signed by a key not on the token").isEqualTo(401);
    }

    @Test
    @DisplayName("API-2, §9: after a rotation by alias, an assertion the previous token key signed is still accepted "
            + "while it lives")
    void previous_key_still_verifies_after_the_rotation() throws Exception {
        Api browser = SwitchFixtures.enterpriseLogin(t.b().creditCode(), t.p(), t.officerB());
        String current = browser.get(ASSERTION).string("assertion");
        // what the server signed before the rotation: same claims, the previous key's kid, signed on the token by
        // that key (through the certificate-helper simulator, demo PIN) — the test never sees a private key
        JsonObject header = Json.createObjectBuilder(part(current, 0)).add("kid", thumbprint(previous)).build();
        String input = encode(header) + "." + current.split("\\.")[1];
        byte[] rs = concatenated(Base64.getDecoder().decode(signOnPlatformToken(input)));
        String beforeRotation = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs);

        Reply shown = withBearer(beforeRotation);
        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        assertThat(shown.json().getString("taxpayerCreditCode")).isEqualTo(t.b().creditCode());

        // signed by the previous key but naming the current one: refused
        String claimingCurrent = current.substring(0, current.lastIndexOf('.'));
        String mislabelled = claimingCurrent + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(concatenated(Base64.getDecoder().decode(signOnPlatformToken(claimingCurrent))));
        assertThat(withBearer(mislabelled).status()).isEqualTo(401);
    }

    /** Signs with the previous key on the platform token through the certificate-helper simulator (demo PIN). */
    private static String signOnPlatformToken(String input) {
        Reply signed = Api.browser().post("/api/sim/cert-helper/tokens/platform/sign", Json.createObjectBuilder()
                .add("alias", ItSettings.TOKEN_SIGNER_PREVIOUS_ALIAS).add("pin", "12345678")
                .add("data", Base64.getEncoder().encodeToString(input.getBytes(StandardCharsets.US_ASCII))).build());
        assertThat(signed.status()).as("%s", signed).isEqualTo(200);
        return signed.string("signature");
    }

    private static String thumbprint(X509Certificate c) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    private static String encode(JsonObject o) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A DER ECDSA signature (P-256, short form lengths) as JWS R||S. */
    private static byte[] concatenated(byte[] der) {
        assertThat(der[0]).isEqualTo((byte) 0x30);
        int offset = 2;
        byte[] out = new byte[64];
        for (int part = 0; part < 2; part++) {
            assertThat(der[offset]).isEqualTo((byte) 0x02);
            int length = der[offset + 1];
            byte[] value = new BigInteger(1, java.util.Arrays.copyOfRange(der, offset + 2, offset + 2 + length)).toByteArray();
            int start = value.length > 32 ? value.length - 32 : 0;
            int count = value.length - start;
            System.arraycopy(value, start, out, part * 32 + 32 - count, count);
            offset += 2 + length;
        }
        return out;
    }

    private static Reply withBearer(String assertion) {
        return Api.browser().send("GET", WHOAMI, null, Map.of("Authorization", "Bearer " + assertion));
    }

    private static BigInteger integer(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static JsonObject part(String token, int index) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }
}
