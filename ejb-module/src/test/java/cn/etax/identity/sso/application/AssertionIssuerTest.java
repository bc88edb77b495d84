package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API-2: claims of the identity assertion, its RS256 (or ES256) signature against the JWKS, and key rotation. */
class AssertionIssuerTest {

    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
    private static final Instant LOGIN = Instant.parse("2026-05-01T01:58:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final RotatingKeySigner signer = new RotatingKeySigner(Duration.ofMinutes(60), clock);
    private final AssertionIssuer issuer = new AssertionIssuer(signer, Duration.ofSeconds(120), "urn:etax:identity",
            "etax-tax-applications", clock);

    private static AuthenticatedPerson enterprisePerson() {
        return new AuthenticatedPerson(77, "张三丰", 4, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE), LOGIN,
                new EnterpriseIdentity(501, 9001, "91360100MA35XXXX1A", "江西**有限公司", IdentityType.TAX_OFFICER,
                        Set.of(Permission.values()[0])));
    }

    @Test
    void feePayerClaimsNameThePayerAndNoPerson() {
        AuthenticatedFeePayer payer = new AuthenticatedFeePayer(12, "shifanzhongxue", FeePayerKind.UNIT,
                "南昌市示范中学", "12360100MB1P8Q5K23", true, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE), LOGIN);
        JsonObject claims = part(issuer.issue(payer).token(), 1);

        assertThat(claims.getString("sub")).isEqualTo("fee-payer:12");
        assertThat(claims.getJsonArray("aud").getString(0)).as("the fee collection system's, not the tax apps'")
                .isEqualTo("etax-social-security-fees");
        assertThat(claims.containsKey("taxpayer_id") || claims.containsKey("permissions")).isFalse();
        assertThat(claims.getString("upn")).isEqualTo("fee-payer:12");
        assertThat(claims.getString("identity_kind")).isEqualTo("SOCIAL_SECURITY");
        assertThat(claims.getString("fee_payer_kind")).isEqualTo("UNIT");
        assertThat(claims.getString("fee_payer")).isEqualTo("12360100MB1P8Q5K23");
        assertThat(claims.getBoolean("pure_payer")).isTrue();
        assertThat(claims.getString("name")).isNotEqualTo("南昌市示范中学").contains("*");
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("FEE_PAYER");
        assertThat(claims.getJsonArray("amr").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PASSWORD", "SMS_CODE");
        assertThat(claims.containsKey("real_name_level")).isFalse();
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(T0.getEpochSecond() + 120);
    }

    @Test
    void enterpriseIdentityClaimsSayWhoActsForWhomAndHow() {
        Assertion a = issuer.issue(enterprisePerson());
        JsonObject header = part(a.token(), 0);
        JsonObject claims = part(a.token(), 1);

        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isEqualTo(a.keyId());
        assertThat(claims.getString("iss")).isEqualTo("urn:etax:identity");
        assertThat(claims.getJsonArray("aud").getString(0)).isEqualTo("etax-tax-applications");
        assertThat(claims.getString("sub")).isEqualTo("77");
        assertThat(claims.getString("upn")).isEqualTo("77");
        assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(T0.getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(T0.getEpochSecond() + 120);
        assertThat(a.expiresAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(claims.getString("name")).isNotEqualTo("张三丰").startsWith("张").doesNotContain("三丰");
        assertThat(claims.getInt("real_name_level")).isEqualTo(4);
        assertThat(claims.getJsonArray("amr").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PASSWORD", "SMS_CODE");
        assertThat(claims.getJsonNumber("auth_time").longValue()).isEqualTo(LOGIN.getEpochSecond());
        assertThat(claims.getString("identity_kind")).isEqualTo("ENTERPRISE");
        assertThat(claims.getJsonNumber("taxpayer_id").longValue()).isEqualTo(9001);
        assertThat(claims.getString("taxpayer_credit_code")).isEqualTo("91360100MA35XXXX1A");
        assertThat(claims.getString("taxpayer_name")).isEqualTo("江西**有限公司");
        assertThat(claims.getString("identity_type")).isEqualTo("TAX_OFFICER");
        assertThat(claims.getJsonNumber("grant_id").longValue()).isEqualTo(501);
        assertThat(claims.getJsonArray("permissions").getString(0)).isEqualTo(Permission.values()[0].name());
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PERSON", "ENTERPRISE");
        assertThat(verifies(a.token(), issuer.jwks())).isTrue();
    }

    @Test
    void agentIdentityNamesTheClientTheAgencyAndTheMandate() {
        AuthenticatedPerson agent = new AuthenticatedPerson(79, "王五", 4, List.of(AuthMethod.PASSWORD,
                AuthMethod.SMS_CODE), LOGIN, null, new AgentIdentity(601, 502, IdentityType.TAX_OFFICER, 9002,
                "91360103MA39H7TP0F", "洪城*******有限公司", 9001, "91360100MA35XXXX1A", "江西**有限公司",
                java.time.LocalDate.of(2027, 12, 31), Set.of(Permission.TAX_QUERY, Permission.TAX_FILING_AND_PAYMENT)));
        JsonObject claims = part(issuer.issue(agent).token(), 1);

        assertThat(claims.getString("identity_kind")).isEqualTo("AGENT");
        assertThat(claims.getString("taxpayer_credit_code")).isEqualTo("91360100MA35XXXX1A");
        assertThat(claims.getJsonNumber("taxpayer_id").longValue()).isEqualTo(9001);
        assertThat(claims.getString("agency_credit_code")).isEqualTo("91360103MA39H7TP0F");
        assertThat(claims.getJsonNumber("mandate_id").longValue()).isEqualTo(601);
        assertThat(claims.getJsonArray("permissions").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(claims.containsKey("identity_type")).as("no identity of his own in the client").isFalse();
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PERSON", "AGENT");
    }

    @Test
    void personalIdentityCarriesNoTaxpayer() {
        AuthenticatedPerson p = new AuthenticatedPerson(78, "李四", 3, List.of(AuthMethod.PASSWORD,
                AuthMethod.TAX_APP_FACE), LOGIN);
        JsonObject claims = part(issuer.issue(p).token(), 1);

        assertThat(claims.getString("identity_kind")).isEqualTo("PERSONAL");
        assertThat(claims.containsKey("taxpayer_id")).isFalse();
        assertThat(claims.containsKey("identity_type")).isFalse();
        assertThat(claims.containsKey("permissions")).isFalse();
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PERSON");
        assertThat(claims.getJsonArray("amr").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PASSWORD", "TAX_APP_FACE");
    }

    @Test
    void aLogoutTokenNamesTheLoginItEndsAndCannotPassForAnAssertion() {
        JsonObject assertion = part(issuer.issue(enterprisePerson(), "sid-1").token(), 1);
        assertThat(assertion.getString("sid")).isEqualTo("sid-1");

        String token = issuer.logoutToken(assertion.getString("sub"), "sid-1", false);

        assertThat(verifies(token, issuer.jwks())).as("signed by a key of the JWKS").isTrue();
        JsonObject header = part(token, 0);
        assertThat(header.getString("typ")).isEqualTo("logout+jwt");
        JsonObject claims = part(token, 1);
        assertThat(claims.getString("sid")).isEqualTo("sid-1");
        assertThat(claims.getString("sub")).isEqualTo(assertion.getString("sub"));
        assertThat(claims.getString("iss")).isEqualTo("urn:etax:identity");
        assertThat(claims.getJsonArray("aud").getString(0)).isEqualTo("etax-tax-applications");
        assertThat(claims.getJsonObject("events").containsKey(AssertionClaims.LOGOUT_EVENT)).isTrue();
        assertThat(claims.containsKey("nonce")).isFalse();
        assertThat(claims.containsKey("groups")).as("no role: no resource takes it for a caller").isFalse();
        assertThat(claims.containsKey("upn")).isFalse();
        assertThat(part(issuer.logoutToken("fee-payer:9", "sid-2", true), 1).getJsonArray("aud").getString(0))
                .as("a fee payer's login, in the fee collection system's audience")
                .isEqualTo("etax-social-security-fees");
        assertThat(part(issuer.issue(enterprisePerson()).token(), 1).containsKey("sid"))
                .as("outside a login session").isFalse();
    }

    @Test
    void everyAssertionHasItsOwnId() {
        String a = part(issuer.issue(enterprisePerson()).token(), 1).getString("jti");
        String b = part(issuer.issue(enterprisePerson()).token(), 1).getString("jti");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aTamperedAssertionDoesNotVerify() {
        String token = issuer.issue(enterprisePerson()).token();
        String[] parts = token.split("\\.");
        JsonObject claims = part(token, 1);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.createObjectBuilder(claims).add("identity_type", "LEGAL_REPRESENTATIVE").build().toString()
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(parts[0] + "." + forged + "." + parts[2], issuer.jwks())).isFalse();
    }

    @Test
    void keysRotateAndThePreviousKeyStaysPublishedWhileItsAssertionsLive() {
        Assertion before = issuer.issue(enterprisePerson());
        List<String> kidsBefore = kids(issuer.jwks());
        assertThat(kidsBefore).hasSize(2).startsWith(before.keyId());

        clock.now = T0.plus(Duration.ofMinutes(60));
        Assertion after = issuer.issue(enterprisePerson());

        assertThat(after.keyId()).isNotEqualTo(before.keyId())
                .as("the next key was published before it signed").isEqualTo(kidsBefore.get(1));
        List<String> kidsAfter = kids(issuer.jwks());
        assertThat(kidsAfter).hasSize(3).containsSequence(before.keyId(), after.keyId());
        assertThat(verifies(before.token(), issuer.jwks())).isTrue();
        assertThat(verifies(after.token(), issuer.jwks())).isTrue();

        clock.now = T0.plus(Duration.ofMinutes(120));
        issuer.issue(enterprisePerson());
        assertThat(kids(issuer.jwks())).doesNotContain(before.keyId()).contains(after.keyId());
        assertThat(verifies(before.token(), issuer.jwks())).isFalse();
    }

    @Test
    void anIdleSignerSkipsKeysNoAssertionUsed() {
        Assertion first = issuer.issue(enterprisePerson());
        clock.now = T0.plus(Duration.ofHours(10));
        Assertion later = issuer.issue(enterprisePerson());
        assertThat(later.keyId()).isNotEqualTo(first.keyId());
        assertThat(kids(issuer.jwks())).hasSize(3).contains(later.keyId());
        assertThat(verifies(later.token(), issuer.jwks())).isTrue();
    }

    @Test
    void es256KeysSignWhatTheJwksLetsAnyVerifierCheckAndRotateTheSameWay() {
        AssertionIssuer es256 = new AssertionIssuer(new RotatingKeySigner(Duration.ofMinutes(60), clock, "es256"),
                Duration.ofSeconds(120), "urn:etax:identity", "etax-tax-applications", clock);
        Assertion before = es256.issue(enterprisePerson());

        assertThat(part(before.token(), 0).getString("alg")).isEqualTo("ES256");
        JsonObject jwk = es256.jwks().getJsonArray("keys").getJsonObject(0);
        assertThat(jwk.getString("kty")).isEqualTo("EC");
        assertThat(jwk.getString("crv")).isEqualTo("P-256");
        assertThat(jwk.getString("alg")).isEqualTo("ES256");
        assertThat(Base64.getUrlDecoder().decode(jwk.getString("x"))).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(jwk.getString("y"))).hasSize(32);
        assertThat(jwk.containsKey("d")).as("no private part").isFalse();
        assertThat(Base64.getUrlDecoder().decode(before.token().substring(before.token().lastIndexOf('.') + 1)))
                .as("R||S, not DER").hasSize(64);
        assertThat(verifies(before.token(), es256.jwks())).isTrue();
        assertThat(es256.verify(before.token()).getString("sub")).isEqualTo("77");

        String[] parts = before.token().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.createObjectBuilder(part(before.token(), 1)).add("identity_type", "LEGAL_REPRESENTATIVE").build()
                        .toString().getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(parts[0] + "." + forged + "." + parts[2], es256.jwks())).isFalse();

        clock.now = T0.plus(Duration.ofMinutes(60));
        Assertion after = es256.issue(enterprisePerson());
        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(verifies(before.token(), es256.jwks())).as("previous key still published").isTrue();
        assertThat(verifies(after.token(), es256.jwks())).isTrue();
    }

    @Test
    void anUnknownAlgorithmStopsTheSigner() {
        assertThatThrownBy(() -> new RotatingKeySigner(Duration.ofMinutes(60), clock, "HS256"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RS256 or ES256");
    }

    static JsonObject part(String token, int index) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }

    private static List<String> kids(JsonObject jwks) {
        return jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid")).toList();
    }

    /** What a downstream verifier does: the key named by kid from the JWKS, then SHA256withRSA or ECDSA (R||S). */
    static boolean verifies(String token, JsonObject jwks) {
        try {
            String kid = part(token, 0).getString("kid");
            JsonObject jwk = jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                    .filter(k -> k.getString("kid").equals(kid)).findFirst().orElse(null);
            if (jwk == null) {
                return false;
            }
            Base64.Decoder d = Base64.getUrlDecoder();
            boolean ec = "EC".equals(jwk.getString("kty"));
            PublicKey key;
            if (ec) {
                AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
                p256.init(new ECGenParameterSpec("secp256r1"));
                key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                        new BigInteger(1, d.decode(jwk.getString("x"))), new BigInteger(1, d.decode(jwk.getString("y")))),
                        p256.getParameterSpec(ECParameterSpec.class)));
            } else {
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, d.decode(jwk.getString("n"))), new BigInteger(1, d.decode(jwk.getString("e")))));
            }
            int dot = token.lastIndexOf('.');
            Signature s = Signature.getInstance(ec ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            s.initVerify(key);
            s.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            return s.verify(d.decode(token.substring(dot + 1)));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
