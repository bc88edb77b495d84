package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.certificate.application.PlatformSigner;
import cn.etax.identity.certificate.application.PlatformSigners;
import cn.etax.identity.shared.ServiceBusyException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API-2, §9: assertions signed by a key on the platform token through {@link PlatformSigner}: the JWS verifies with
 * the published JWK alone, the kid is the certificate's thumbprint, a rotation by alias keeps the previous key
 * published, and nothing private is held outside the token.
 */
class TokenAssertionSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static KeyHoldingTokens tokens;

    @BeforeAll
    static void keysOnTheToken() throws Exception {
        tokens = new KeyHoldingTokens().with("es256", "EC").with("rs256", "RSA").with("sm2", "SM2").with("es384", "EC384");
    }

    @Test
    void es256AssertionVerifiesWithThePublishedJwkAndItsKidIsTheCertificateThumbprint() throws Exception {
        TokenAssertionSigner signer = new TokenAssertionSigner(platform("12345678"), "es256", null);
        AssertionIssuer issuer = issuer(signer);
        tokens.calls.clear();

        Assertion assertion = issuer.issue(person());

        JsonObject header = part(assertion.token(), 0);
        assertThat(header.getString("alg")).isEqualTo("ES256");
        String thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(tokens.keys.get("es256").certificate().getEncoded()));
        assertThat(header.getString("kid")).isEqualTo(thumbprint).isEqualTo(assertion.keyId());
        assertThat(signature(assertion.token())).hasSize(64);
        List<JsonObject> keys = issuer.jwks().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertThat(keys).hasSize(1);
        JsonObject jwk = keys.get(0);
        assertThat(jwk.getString("kty")).isEqualTo("EC");
        assertThat(jwk.getString("crv")).isEqualTo("P-256");
        assertThat(jwk.getString("kid")).isEqualTo(thumbprint);
        assertThat(jwk.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
        assertThat(verifies(assertion.token(), jwk)).isTrue();
        assertThat(verifies(tampered(assertion.token()), jwk)).isFalse();
        // the signature came from the token: a session opened, logged in and signed (kept for the next signature)
        assertThat(tokens.calls).containsSubsequence("open", "login", "sign es256 SHA256withECDSA");
        assertNoPrivateKeyHeldBy(signer);
    }

    @Test
    void aRotationByAliasSignsWithTheNewKeyAndKeepsThePreviousOnePublished() throws Exception {
        AssertionIssuer before = issuer(new TokenAssertionSigner(platform("12345678"), "es256", null));
        Assertion old = before.issue(person());

        TokenAssertionSigner rotated = new TokenAssertionSigner(platform("12345678"), "rs256", List.of("es256"));
        AssertionIssuer after = issuer(rotated);
        Assertion fresh = after.issue(person());

        assertThat(part(fresh.token(), 0).getString("alg")).isEqualTo("RS256");
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        List<JsonObject> keys = after.jwks().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertThat(keys).extracting(k -> k.getString("kid")).containsExactly(old.keyId(), fresh.keyId());
        assertThat(keys).extracting(k -> k.getString("alg")).containsExactly("ES256", "RS256");
        assertThat(verifies(fresh.token(), keys.get(1))).isTrue();
        assertThat(verifies(old.token(), keys.get(0))).as("an assertion of the previous key still verifies").isTrue();
        assertThat(verifies(old.token(), keys.get(1))).isFalse();
        assertThat(verifies(fresh.token(), keys.get(0))).isFalse();
        assertNoPrivateKeyHeldBy(rotated);

        // a previous key already taken off the token: the current one is still published
        AssertionIssuer withoutOld = issuer(new TokenAssertionSigner(platform("12345678"), "rs256", List.of("gone", "es256")));
        assertThat(withoutOld.jwks().getJsonArray("keys").getValuesAs(JsonObject.class)).extracting(k -> k.getString("kid"))
                .containsExactly(old.keyId(), fresh.keyId());
    }

    @Test
    void anSm2KeySignsSm3WithSm2InRAndSFormWhichNoJwsLibraryKnows() throws Exception {
        AssertionIssuer issuer = issuer(new TokenAssertionSigner(platform("12345678"), "sm2", null));
        Assertion assertion = issuer.issue(person());

        assertThat(part(assertion.token(), 0).getString("alg")).isEqualTo("SM3withSM2");
        byte[] raw = signature(assertion.token());
        assertThat(raw).hasSize(64);
        JsonObject jwk = issuer.jwks().getJsonArray("keys").getJsonObject(0);
        assertThat(jwk.getString("crv")).isEqualTo("SM2");
        ECNamedCurveParameterSpec sm2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");
        PublicKey key = KeyFactory.getInstance("EC", KeyHoldingTokens.BC).generatePublic(new ECPublicKeySpec(
                sm2.getCurve().createPoint(integer(jwk.getString("x")), integer(jwk.getString("y"))), sm2));
        Signature verifier = Signature.getInstance("SM3withSM2", KeyHoldingTokens.BC);
        verifier.initVerify(key);
        verifier.update(signingInput(assertion.token()));
        assertThat(verifier.verify(der(raw))).isTrue();
    }

    @Test
    void aRefusedPlatformPinIsPresentedOnceEvenToParallelSignaturesSoTheKeyIsNeverLocked() throws Exception {
        PlatformSigner wrong = platform("00000000");
        tokens.calls.clear();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tries.add(pool.submit(() -> wrong.sign("es256", new byte[]{1}, "SHA256withECDSAinP1363Format")));
            }
            for (java.util.concurrent.Future<?> f : tries) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(ServiceBusyException.class)
                        .hasMessageContaining("PLATFORM_SIGNER_UNAVAILABLE");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(tokens.calls.stream().filter("login"::equals)).as("PIN presented").hasSize(1);
        assertThat(tokens.calls).noneMatch(c -> c.startsWith("sign"));
    }

    @Test
    void aWrongPinAMissingKeyOrACurveJwsCannotNameIsRefusedAndNothingIsSigned() throws Exception {
        tokens.calls.clear();
        assertThatThrownBy(() -> issuer(new TokenAssertionSigner(platform("00000000"), "es256", null)).issue(person()))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThatThrownBy(() -> new TokenAssertionSigner(platform("12345678"), "missing", null).current())
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThatThrownBy(() -> new TokenAssertionSigner(platform("12345678"), "es384", null).current())
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(tokens.calls).noneMatch(c -> c.startsWith("sign"));
    }

    @Test
    void derSignaturesBecomeFixedLengthRAndS() throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(BigInteger.ONE));
        v.add(new ASN1Integer(new BigInteger(1, fill((byte) 0xff))));
        byte[] raw = TokenSigningKey.concatenated(new DERSequence(v).getEncoded(), 32);
        assertThat(raw).hasSize(64);
        assertThat(raw[31]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(raw, 0, 31)).containsOnly(0);
        assertThat(Arrays.copyOfRange(raw, 32, 64)).containsOnly(0xff);
    }

    @Test
    void theChoiceIsMemoryOrTokenAndNothingElse() {
        ConfiguredAssertionSigner configured = new ConfiguredAssertionSigner();
        configured.choice = "hsm";
        assertThatThrownBy(configured::choose).isInstanceOf(IllegalStateException.class).hasMessageContaining("memory or token");
    }

    private static PlatformSigner platform(String pin) {
        return PlatformSigners.over(tokens, "platform", "sm2", pin);
    }

    private static AssertionIssuer issuer(AssertionSigner signer) {
        return new AssertionIssuer(signer, Duration.ofSeconds(120), "urn:etax:identity", "etax-tax-applications",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AuthenticatedPerson person() {
        return new AuthenticatedPerson(78, "李四", 3, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE), NOW.minusSeconds(60), null);
    }

    /** The JWS verified as a MicroProfile JWT verifier would: with the JWK's public values only. */
    static boolean verifies(String jws, JsonObject jwk) throws Exception {
        Signature verifier;
        PublicKey key;
        if (jwk.getString("kty").equals("RSA")) {
            key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(integer(jwk.getString("n")), integer(jwk.getString("e"))));
            verifier = Signature.getInstance("SHA256withRSA");
        } else {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            key = KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(
                    new ECPoint(integer(jwk.getString("x")), integer(jwk.getString("y"))), parameters.getParameterSpec(ECParameterSpec.class)));
            verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        }
        if (!part(jws, 0).getString("kid").equals(jwk.getString("kid"))) {
            return false; // a verifier picks the key by kid
        }
        verifier.initVerify(key);
        verifier.update(signingInput(jws));
        try {
            return verifier.verify(signature(jws));
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static void assertNoPrivateKeyHeldBy(TokenAssertionSigner signer) throws Exception {
        List<Object> reachable = new ArrayList<>();
        for (Field field : TokenAssertionSigner.class.getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(signer);
            reachable.add(value);
            if (value instanceof Map<?, ?> map) {
                for (Object key : map.values()) {
                    for (Field f : key.getClass().getDeclaredFields()) {
                        if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                            f.setAccessible(true);
                            reachable.add(f.get(key));
                        }
                    }
                }
            }
        }
        assertThat(reachable).isNotEmpty().noneMatch(v -> v instanceof PrivateKey || v instanceof KeyPair);
    }

    private static String tampered(String jws) {
        String[] parts = jws.split("\\.");
        JsonObject claims = part(jws, 1);
        String changed = Json.createObjectBuilder(claims).add("sub", "79").build().toString();
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static byte[] der(byte[] raw) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
        return new DERSequence(v).getEncoded();
    }

    private static byte[] fill(byte value) {
        byte[] b = new byte[32];
        Arrays.fill(b, value);
        return b;
    }

    private static BigInteger integer(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static byte[] signingInput(String jws) {
        return jws.substring(0, jws.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] signature(String jws) {
        return Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1));
    }

    private static JsonObject part(String jws, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
