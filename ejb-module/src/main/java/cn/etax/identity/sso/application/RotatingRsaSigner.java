package cn.etax.identity.sso.application;

import cn.etax.identity.shared.application.JsonBuilders;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * RS256 signing keys (RSA 2048) generated in memory and rotated every {@code identity.sso.key-rotation-minutes}
 * (default 60). Private keys never leave this object. Three keys are published: previous, current and next. The
 * rotation period must be longer than the assertion life, so the previous key covers every assertion still alive.
 *
 * <p>Each server node has its own keys; several nodes behind one address need the keys in a shared keystore or
 * hardware module (a signer of its own implementing {@link AssertionSigner}).
 */
@ApplicationScoped
@Typed(RotatingRsaSigner.class)
public class RotatingRsaSigner implements AssertionSigner {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "identity.sso.key-rotation-minutes", defaultValue = "60")
    long rotationMinutes;

    private Clock clock = Clock.systemUTC();
    private Duration period;
    private Key previous;
    private Key current;
    private Key next;
    private Instant currentSince;

    public RotatingRsaSigner() {
    }

    /** For tests and for use outside CDI. */
    public RotatingRsaSigner(Duration period, Clock clock) {
        this.period = period;
        this.clock = clock;
        start();
    }

    @PostConstruct
    void init() {
        period = Duration.ofMinutes(Math.max(1, rotationMinutes));
        start();
    }

    private void start() {
        current = Key.generate();
        next = Key.generate();
        currentSince = clock.instant();
    }

    @Override
    public synchronized SigningKey current() {
        Instant now = clock.instant();
        while (!now.isBefore(currentSince.plus(period))) {
            previous = current;
            current = next;
            next = Key.generate();
            currentSince = currentSince.plus(period);
            if (now.isAfter(currentSince.plus(period))) {
                // idle for more than one period: nothing signed with the skipped keys is alive
                currentSince = now;
            }
        }
        return current;
    }

    @Override
    public synchronized List<JsonObject> publishedKeys() {
        current();
        List<JsonObject> keys = new ArrayList<>(3);
        if (previous != null) {
            keys.add(previous.jwk());
        }
        keys.add(current.jwk());
        keys.add(next.jwk());
        return keys;
    }

    private record Key(String keyId, KeyPair pair) implements SigningKey {

        static Key generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new Key(UUID.randomUUID().toString(), generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA key generation unavailable", e);
            }
        }

        @Override
        public String algorithm() {
            return "RS256";
        }

        @Override
        public byte[] sign(byte[] signingInput) {
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(pair.getPrivate());
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RS256 signature failed", e);
            }
        }

        JsonObject jwk() {
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            return JsonBuilders.object().add("kty", "RSA").add("use", "sig").add("alg", "RS256")
                    .add("kid", keyId).add("n", unsigned(pub.getModulus())).add("e", unsigned(pub.getPublicExponent()))
                    .build();
        }

        private static String unsigned(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes.length > 1 && bytes[0] == 0) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return URL.encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "RS256 key " + keyId;
        }
    }
}
