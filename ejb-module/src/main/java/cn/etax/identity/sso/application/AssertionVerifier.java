package cn.etax.identity.sso.application;

import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.application.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * API-2 for integrators who hold an assertion rather than a browser: checks a compact JWS the platform issued against
 * its own published keys (the JWKS), exactly as a downstream application does with MicroProfile JWT — signature by
 * {@code kid}, {@code iss}, {@code aud}, {@code exp}; header {@code typ} {@code JWT} and no {@code events}, so that a
 * back-channel logout token signed by the same key is never taken for one — and answers its claims. Refusals: {@code ASSERTION_INVALID}
 * (malformed, unknown key, wrong signature, issuer or audience) and {@code ASSERTION_EXPIRED}.
 */
public final class AssertionVerifier {

    private static final Base64.Decoder URL = Base64.getUrlDecoder();
    private static final Map<String, String> JCA = Map.of("RS256", "SHA256withRSA",
            "ES256", "SHA256withECDSAinP1363Format");

    private AssertionVerifier() {
    }

    public static JsonObject verify(String compact, JsonObject jwks, String issuer, String audience, Instant now) {
        String[] parts = compact == null ? new String[0] : compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        String alg = string(header, "alg");
        String kid = string(header, "kid");
        if (alg == null || kid == null || !JCA.containsKey(alg)) {
            throw invalid();
        }
        if (!"JWT".equals(string(header, "typ")) || claims.containsKey("events")) {
            // a back-channel logout token (typ logout+jwt, events) is signed by the same key, and is no assertion
            throw invalid();
        }
        JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .filter(k -> kid.equals(string(k, "kid"))).findFirst().orElseThrow(AssertionVerifier::invalid);
        if (!alg.equals(string(jwk, "alg"))) {
            throw invalid();
        }
        try {
            Signature s = Signature.getInstance(JCA.get(alg));
            s.initVerify(publicKey(jwk));
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(URL.decode(parts[2]))) {
                throw invalid();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid();
        }
        if (!issuer.equals(string(claims, "iss")) || !audiences(claims).contains(audience)) {
            throw invalid();
        }
        if (!claims.containsKey("exp") || claims.getJsonNumber("exp").longValue() <= now.getEpochSecond()) {
            throw new AuthenticationFailedException("ASSERTION_EXPIRED");
        }
        return claims;
    }

    private static java.util.List<String> audiences(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString s) {
            return java.util.List.of(s.getString());
        }
        if (aud instanceof JsonArray a) {
            return a.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
        }
        return java.util.List.of();
    }

    private static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        String kty = string(jwk, "kty");
        if ("RSA".equals(kty)) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"),
                    unsigned(jwk, "e")));
        }
        if ("EC".equals(kty) && "P-256".equals(string(jwk, "crv"))) {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), spec));
        }
        throw new GeneralSecurityException("unsupported key type");
    }

    private static BigInteger unsigned(JsonObject jwk, String name) {
        String value = Optional.ofNullable(string(jwk, name)).orElseThrow(AssertionVerifier::invalid);
        return new BigInteger(1, URL.decode(value));
    }

    private static JsonObject json(String part) {
        try (var reader = JsonBuilders.reader(new StringReader(new String(URL.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static AuthenticationFailedException invalid() {
        return new AuthenticationFailedException("ASSERTION_INVALID");
    }
}
