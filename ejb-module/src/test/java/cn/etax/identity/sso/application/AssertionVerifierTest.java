package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API-2: an integrator's check of an assertion is the downstream application's check — key, signature, iss, aud, exp. */
@DisplayName("API-2 assertions checked for integrators: signature by kid, issuer, audience, expiry")
class AssertionVerifierTest {

    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final RotatingKeySigner signer = new RotatingKeySigner(Duration.ofMinutes(60), clock);
    private final AssertionIssuer issuer = new AssertionIssuer(signer, Duration.ofSeconds(120), "urn:etax:identity",
            "etax-tax-applications", clock);

    private static AuthenticatedPerson taxOfficer() {
        return new AuthenticatedPerson(77, "张三丰", 4, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE),
                T0.minusSeconds(60), new EnterpriseIdentity(501, 9001, "91360100MA35XXXX1A", "江西**有限公司",
                IdentityType.TAX_OFFICER, Set.of(Permission.TAX_QUERY)));
    }

    @Test
    @DisplayName("a live assertion answers who acts for whom")
    void live_assertion() {
        JsonObject claims = issuer.verify(issuer.issue(taxOfficer()).token());
        assertThat(claims.getString("sub")).isEqualTo("77");
        assertThat(claims.getString("taxpayer_credit_code")).isEqualTo("91360100MA35XXXX1A");
        assertThat(claims.getString("identity_type")).isEqualTo("TAX_OFFICER");
    }

    @Test
    @DisplayName("a changed claim, a foreign signature, garbage and an unknown key are ASSERTION_INVALID")
    void tampered_or_foreign() {
        String token = issuer.issue(taxOfficer()).token();
        String[] parts = token.split("\\.");
        String forgedClaims = b64(Json.createObjectBuilder(json(parts[1])).add("identity_type", "LEGAL_REPRESENTATIVE")
                .build().toString());
        refused(parts[0] + "." + forgedClaims + "." + parts[2], "ASSERTION_INVALID");

        AssertionIssuer stranger = new AssertionIssuer(new RotatingKeySigner(Duration.ofMinutes(60), clock),
                Duration.ofSeconds(120), "urn:etax:identity", "etax-tax-applications", clock);
        refused(stranger.issue(taxOfficer()).token(), "ASSERTION_INVALID");
        refused("not.a.jwt", "ASSERTION_INVALID");
        refused("", "ASSERTION_INVALID");
        refused(null, "ASSERTION_INVALID");
    }

    @Test
    @DisplayName("another audience or issuer is ASSERTION_INVALID; past its life it is ASSERTION_EXPIRED")
    void audience_issuer_expiry() {
        String token = issuer.issue(taxOfficer()).token();
        assertThatThrownBy(() -> AssertionVerifier.verify(token, issuer.jwks(), "urn:etax:identity", "other-app", T0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ASSERTION_INVALID"));
        assertThatThrownBy(() -> AssertionVerifier.verify(token, issuer.jwks(), "urn:other", "etax-tax-applications",
                T0)).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("ASSERTION_INVALID"));
        assertThatThrownBy(() -> AssertionVerifier.verify(token, issuer.jwks(), "urn:etax:identity",
                "etax-tax-applications", T0.plusSeconds(120))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("ASSERTION_EXPIRED"));
    }

    private void refused(String token, String code) {
        assertThatThrownBy(() -> issuer.verify(token)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static JsonObject json(String part) {
        return Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder().decode(part),
                StandardCharsets.UTF_8))).readObject();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("LOGIN-9: a back-channel logout token, signed by the same key, is no assertion (ASSERTION_INVALID)")
    void aLogoutTokenIsNoAssertion() {
        String token = issuer.logoutToken("77", "sid-9", false);

        assertThatThrownBy(() -> issuer.verify(token)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("ASSERTION_INVALID"));
    }

    @Test
    @DisplayName("LOGIN-9: an assertion of a login that ended here is refused while alive (ASSERTION_LOGGED_OUT); "
            + "another login's goes on")
    void anAssertionOfAnEndedLoginIsRefused() {
        String ended = issuer.issue(taxOfficer(), "sid-ended").token();
        String other = issuer.issue(taxOfficer(), "sid-other").token();

        issuer.loggedOut("sid-ended");

        assertThatThrownBy(() -> issuer.verify(ended)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("ASSERTION_LOGGED_OUT"));
        assertThat(issuer.verify(other).getString("sid")).isEqualTo("sid-other");
    }
}
