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

    @BeforeAll
    static void tokenSignerServer() throws Exception {
        assumeTrue(ItSettings.tokenSigner(), "the test server signs in memory (-Dit.sso.signer=memory)");
        t = SwitchFixtures.twoEnterprises();
        // the certificate (public) the connector wrote beside the key on the demo platform token
        Path file = ItSettings.fromEnvironment().workDir().resolve("certificates").resolve("tokens").resolve("platform")
                .resolve(ItSettings.TOKEN_SIGNER_ALIAS + ".crt");
        try (InputStream in = Files.newInputStream(file)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    @DisplayName("API-2, §9: the assertion is ES256 from the token key; the JWKS has its public key under the "
            + "certificate's thumbprint and nothing private")
    void es256_from_the_token_key_published_by_thumbprint() throws Exception {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        String assertion = browser.get(ASSERTION).string("assertion");
        JsonObject header = part(assertion, 0);
        String thumbprint = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));

        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(header.getString("kid")).isEqualTo(thumbprint);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(assertion.substring(0, assertion.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(assertion.substring(assertion.lastIndexOf('.') + 1))))
                .as("signed by the key of the token's certificate").isTrue();

        List<JsonObject> keys = Api.browser().get("/api/v1/sso/jwks").json().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertThat(keys).hasSize(1);
        JsonObject jwk = keys.get(0);
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
        Reply after = withBearer(switched.string("assertion"));
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
