package cn.etax.identity.sso.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.JsonBuilders;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * API-2: issues the current identity as a signed, short-lived JWT (compact JWS): at a switch, and when a session
 * asks for its assertion (the first time after a login, or a fresh one for a downstream application). Life
 * {@code identity.sso.assertion-seconds} (default 120), issuer {@code identity.sso.issuer}, audience
 * {@code identity.sso.audience}. Times are real UTC time (the verifier's clock), not the business clock the
 * simulators can move; {@code auth_time} too.
 */
@ApplicationScoped
public class AssertionIssuer {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    AssertionSigner signer;

    @Inject
    @ConfigProperty(name = "identity.sso.assertion-seconds", defaultValue = "120")
    long lifeSeconds;

    @Inject
    @ConfigProperty(name = "identity.sso.issuer", defaultValue = "urn:etax:identity")
    String issuer;

    @Inject
    @ConfigProperty(name = "identity.sso.audience", defaultValue = "etax-tax-applications")
    String audience;

    /**
     * LOGIN-10: the audience of a fee payer's assertion — the fee collection system's, not the tax applications': a
     * tax application that checks signature and audience alone never takes a fee payer for one of its users.
     */
    @Inject
    @ConfigProperty(name = "identity.sso.fee-payer-audience", defaultValue = "etax-social-security-fees")
    String feePayerAudience;

    /** The business clock the logins' moments were taken by; absent outside CDI (tests), where they are real time. */
    @Inject
    BusinessClock businessClock;

    private Clock clock = Clock.systemUTC();

    /** The logins ended here whose assertions may still be alive, and until when they may be. */
    private final Map<String, Instant> endedLogins = new ConcurrentHashMap<>();

    public AssertionIssuer() {
    }

    /** For tests and for use outside CDI. */
    public AssertionIssuer(AssertionSigner signer, Duration life, String issuer, String audience, Clock clock) {
        this.signer = signer;
        this.lifeSeconds = life.toSeconds();
        this.issuer = issuer;
        this.audience = audience;
        this.feePayerAudience = "etax-social-security-fees";
        this.clock = clock;
    }

    public Duration life() {
        return Duration.ofSeconds(lifeSeconds);
    }

    public String issuer() {
        return issuer;
    }

    /** An assertion of {@code person} outside any login session (no {@code sid}). */
    public Assertion issue(AuthenticatedPerson person) {
        return issue(person, null);
    }

    /** An assertion of {@code person} in the login session {@code sid} (LOGIN-9: what a logout token names). */
    public Assertion issue(AuthenticatedPerson person, String sid) {
        return sign("JWT", (now, expires) -> AssertionClaims.of(person, issuer, audience, now, expires,
                UUID.randomUUID().toString(), sid, realTimeOf(person.authenticatedAt())));
    }

    /** LOGIN-10: the assertion of a social-security fee payer's session, for the fee collection system. */
    public Assertion issue(AuthenticatedFeePayer payer) {
        return issue(payer, null);
    }

    /** LOGIN-10: the same in the login session {@code sid}. */
    public Assertion issue(AuthenticatedFeePayer payer, String sid) {
        return sign("JWT", (now, expires) -> AssertionClaims.ofFeePayer(payer, issuer, feePayerAudience, now, expires,
                UUID.randomUUID().toString(), sid, realTimeOf(payer.authenticatedAt())));
    }

    /**
     * LOGIN-9, API-2: a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, header {@code typ}
     * {@code logout+jwt} so that no verifier takes it for an assertion): the login session {@code sid} of
     * {@code subject} ({@code sub} of its assertions) has ended. Signed by the assertions' key; the audience is the
     * one its assertions had.
     */
    public String logoutToken(String subject, String sid, boolean feePayer) {
        return sign("logout+jwt", (now, expires) -> AssertionClaims.logout(subject, sid, issuer,
                feePayer ? feePayerAudience : audience, now, expires, UUID.randomUUID().toString())).token();
    }

    /** {@code auth_time} is real time, as {@code iat} and {@code exp} are, whatever the simulators did to time. */
    private Instant realTimeOf(Instant loggedInAt) {
        return businessClock == null ? loggedInAt : businessClock.realTimeOf(loggedInAt);
    }

    private Assertion sign(String type, BiFunction<Instant, Instant, JsonObject> claimsFor) {
        // the key first: reading it from the token may take a while the first time, and that wait must not come
        // out of the assertion's short life
        SigningKey key = signer.current();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(lifeSeconds);
        JsonObject header = JsonBuilders.object().add("alg", key.algorithm()).add("typ", type)
                .add("kid", key.keyId()).build();
        JsonObject claims = claimsFor.apply(now, expires);
        String input = encode(header) + "." + encode(claims);
        String signature = URL.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
        return new Assertion(input + "." + signature, key.keyId(), now, expires);
    }

    /**
     * An assertion this platform issued and that is still alive, as a downstream application would check it against
     * the JWKS; its claims. {@code ASSERTION_INVALID} / {@code ASSERTION_EXPIRED} otherwise, and
     * {@code ASSERTION_LOGGED_OUT} for an assertion of a login that has ended on this server.
     */
    public JsonObject verify(String compact) {
        JsonObject claims = AssertionVerifier.verify(compact, jwks(), issuer, audience, clock.instant());
        if (claims.get("sid") instanceof JsonString sid && hasLoggedOut(sid.getString())) {
            throw new AuthenticationFailedException("ASSERTION_LOGGED_OUT");
        }
        return claims;
    }

    /**
     * LOGIN-9: the login {@code sid} has ended (its back-channel logout was sent): its assertions, alive as they may
     * be, are refused by {@link #verify} on this server until they have all expired.
     */
    public void loggedOut(String sid) {
        Instant now = clock.instant();
        endedLogins.values().removeIf(until -> until.isBefore(now));
        endedLogins.put(sid, now.plusSeconds(lifeSeconds + 60));
    }

    private boolean hasLoggedOut(String sid) {
        Instant until = endedLogins.get(sid);
        return until != null && until.isAfter(clock.instant());
    }

    /** The JWKS document ({@code {"keys": [...]}}). */
    public JsonObject jwks() {
        var keys = JsonBuilders.array();
        signer.publishedKeys().forEach(keys::add);
        return JsonBuilders.object().add("keys", keys).build();
    }

    private static String encode(JsonObject json) {
        return URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
