package cn.etax.downstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6) with the settings MicroProfile JWT
 * already has for the assertions — the JWKS address, the issuer, the audiences: header {@code typ} {@code logout+jwt}
 * (so an assertion is never taken for a logout), RS256 or ES256 by a {@code kid} of the JWKS (fetched again once when
 * the key is unknown: the platform rotates), {@code iss}, one of the audiences, {@code iat} not in the future and not
 * older than {@link #MAX_AGE}, {@code exp} not passed, a {@code jti}, the logout event in {@code events}, a
 * {@code sid}, no {@code nonce}.
 */
@ApplicationScoped
public class LogoutTokenVerifier {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** How old a logout token may be when it arrives. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Base64.Decoder URL = Base64.getUrlDecoder();
    private static final Map<String, String> JCA = Map.of("RS256", "SHA256withRSA",
            "ES256", "SHA256withECDSAinP1363Format");

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String jwksLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private volatile JsonObject jwks;

    /** When the JWKS was last fetched: an unknown kid fetches it again at most every {@link #REFETCH}. */
    private volatile Instant fetchedAt = Instant.EPOCH;

    private static final Duration REFETCH = Duration.ofSeconds(10);

    /** The claims of a genuine logout token; {@link Refused} otherwise. */
    public JsonObject verify(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused("not a signed JWT");
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        if (!"logout+jwt".equals(text(header, "typ"))) {
            throw new Refused("not a logout token");
        }
        String alg = text(header, "alg");
        String kid = text(header, "kid");
        if (alg == null || kid == null || !JCA.containsKey(alg)) {
            throw new Refused("unsupported algorithm");
        }
        JsonObject key = key(kid);
        if (!alg.equals(text(key, "alg")) || !signed(alg, key, parts)) {
            throw new Refused("bad signature");
        }
        if (!issuer.equals(text(claims, "iss")) || audiences(claims).stream().noneMatch(audiences::contains)) {
            throw new Refused("wrong issuer or audience");
        }
        Instant now = Instant.now();
        Instant issued = claims.containsKey("iat") ? Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue())
                : Instant.EPOCH;
        if (issued.isAfter(now.plus(SKEW)) || issued.isBefore(now.minus(MAX_AGE))) {
            throw new Refused("issued at the wrong time");
        }
        if (!claims.containsKey("exp") || claims.getJsonNumber("exp").longValue() <= now.getEpochSecond()) {
            throw new Refused("expired");
        }
        if (text(claims, "jti") == null) {
            throw new Refused("no jti");
        }
        if (!(claims.get("events") instanceof JsonObject events) || !(events.get(LOGOUT_EVENT) instanceof JsonObject)
                || text(claims, "sid") == null || claims.containsKey("nonce")) {
            throw new Refused("not a logout of a login session");
        }
        return claims;
    }

    private JsonObject key(String kid) {
        JsonObject found = find(jwks, kid);
        if (found == null) {
            found = fetched(kid);
        }
        if (found == null) {
            throw new Refused("unknown key");
        }
        return found;
    }

    /**
     * The key from the JWKS fetched again: a key the platform rotated in since. Anyone may post a made-up kid, so not
     * more often than {@link #REFETCH}; logouts arriving together (one per login of an account) wait for one fetch.
     */
    private synchronized JsonObject fetched(String kid) {
        JsonObject found = find(jwks, kid);
        if (found == null && fetchedAt.plus(REFETCH).isBefore(Instant.now())) {
            jwks = fetch();
            fetchedAt = Instant.now();
            found = find(jwks, kid);
        }
        return found;
    }

    private static JsonObject find(JsonObject set, String kid) {
        if (set == null || !(set.get("keys") instanceof JsonArray keys)) {
            return null;
        }
        return keys.stream().filter(k -> k instanceof JsonObject).map(JsonValue::asJsonObject)
                .filter(k -> kid.equals(text(k, "kid"))).findFirst().orElse(null);
    }

    private JsonObject fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(jwksLocation))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("the platform's keys could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("the platform's keys could not be read");
        }
    }

    private static boolean signed(String alg, JsonObject jwk, String[] parts) {
        try {
            Signature s = Signature.getInstance(JCA.get(alg));
            s.initVerify(publicKey(jwk));
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(URL.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        if ("RSA".equals(text(jwk, "kty"))) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(number(jwk, "n"),
                    number(jwk, "e")));
        }
        if ("EC".equals(text(jwk, "kty")) && "P-256".equals(text(jwk, "crv"))) {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(number(jwk, "x"), number(jwk, "y")), p.getParameterSpec(ECParameterSpec.class)));
        }
        throw new GeneralSecurityException("unsupported key type");
    }

    private static BigInteger number(JsonObject jwk, String name) throws GeneralSecurityException {
        String value = text(jwk, name);
        if (value == null) {
            throw new GeneralSecurityException("key without " + name);
        }
        return new BigInteger(1, URL.decode(value));
    }

    private static List<String> audiences(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        return aud instanceof JsonArray a ? a.stream().filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).getString()).toList() : List.of();
    }

    private static JsonObject json(String part) {
        try (var reader = Json.createReader(new StringReader(new String(URL.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Refused("not a signed JWT");
        }
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** Why a logout token was refused (told to the platform as {@code invalid_request}). */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
