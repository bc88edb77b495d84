package cn.etax.identity.sso.application;

import cn.etax.identity.shared.application.JsonBuilders;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Signing keys generated in memory and rotated every {@code identity.sso.key-rotation-minutes} (default 60): RS256 (RSA
 * 2048, the default, which every MicroProfile JWT verifier accepts without configuration) or ES256 (EC P-256,
 * {@code identity.sso.memory.algorithm=ES256}; verifiers then set {@code mp.jwt.verify.publickey.algorithm=ES256}). An
 * RS256 signature costs the platform about 1 ms of CPU at the first assertion after a login or an identity switch and a
 * verifier about 0.03 ms; an ES256 signature about 0.07 ms here (Bouncy Castle's fixed-point comb) and a verifier
 * 0.1–0.8 ms depending on its library. Private keys never leave this object. Three keys are published: previous,
 * current and next. The rotation period must be longer than the assertion life, so the previous key covers every
 * assertion still alive. A new key is generated in the background as soon as the one before it comes into use (an RSA
 * key takes 0.1–1 s here), so neither a rotation nor the first signature after a start makes requests wait for one.
 *
 * <p>Each server node has its own keys; several nodes behind one address need the keys in a shared keystore or
 * hardware module (a signer of its own implementing {@link AssertionSigner}).
 */
@ApplicationScoped
@Typed(RotatingKeySigner.class)
public class RotatingKeySigner implements AssertionSigner {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Provider BC = new BouncyCastleProvider();

    @Inject
    @ConfigProperty(name = "identity.sso.key-rotation-minutes", defaultValue = "60")
    long rotationMinutes;

    @Inject
    @ConfigProperty(name = "identity.sso.memory.algorithm", defaultValue = "RS256")
    String configuredAlgorithm;

    private Clock clock = Clock.systemUTC();
    private Duration period;
    private String algorithm;
    private Key previous;
    private Key current;
    private CompletableFuture<Key> next;
    private Instant currentSince;

    public RotatingKeySigner() {
    }

    /** RS256, for tests and for use outside CDI. */
    public RotatingKeySigner(Duration period, Clock clock) {
        this(period, clock, "RS256");
    }

    /** For tests and for use outside CDI: {@code RS256} or {@code ES256}. */
    public RotatingKeySigner(Duration period, Clock clock, String algorithm) {
        this.period = period;
        this.clock = clock;
        this.algorithm = checked(algorithm);
        start();
    }

    @PostConstruct
    void init() {
        period = Duration.ofMinutes(Math.max(1, rotationMinutes));
        algorithm = checked(configuredAlgorithm);
        start();
    }

    private static String checked(String algorithm) {
        String name = algorithm == null ? "" : algorithm.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("RS256") && !name.equals("ES256")) {
            throw new IllegalStateException("identity.sso.memory.algorithm must be RS256 or ES256, not " + algorithm);
        }
        return name;
    }

    private void start() {
        current = Key.generate(algorithm);
        next = upcoming();
        currentSince = clock.instant();
    }

    /** The key after the current one, generated away from the requests (pure computation, no container context). */
    private CompletableFuture<Key> upcoming() {
        String of = algorithm;
        return CompletableFuture.supplyAsync(() -> Key.generate(of));
    }

    @Override
    public synchronized SigningKey current() {
        Instant now = clock.instant();
        while (!now.isBefore(currentSince.plus(period))) {
            previous = current;
            current = next.join(); // generated long ago: it has been published for a whole period
            next = upcoming();
            currentSince = currentSince.plus(period);
            if (now.isAfter(currentSince.plus(period))) {
                // idle for more than one period: nothing signed with the skipped keys is alive
                currentSince = now;
            }
        }
        return current;
    }

    @Override
    public List<JsonObject> publishedKeys() {
        Key before;
        Key now;
        CompletableFuture<Key> after;
        synchronized (this) {
            current();
            now = current;
            before = previous;
            after = next;
        }
        // only right after a start or a rotation does this wait for the next key; signatures never do
        List<JsonObject> keys = new ArrayList<>(3);
        if (before != null) {
            keys.add(before.jwk());
        }
        keys.add(now.jwk());
        keys.add(after.join().jwk());
        return keys;
    }

    private record Key(String keyId, String algorithm, KeyPair pair) implements SigningKey {

        static Key generate(String algorithm) {
            try {
                KeyPairGenerator generator;
                if (algorithm.equals("ES256")) {
                    generator = KeyPairGenerator.getInstance("EC", BC);
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                } else {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                }
                return new Key(UUID.randomUUID().toString(), algorithm, generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " key generation unavailable", e);
            }
        }

        @Override
        public byte[] sign(byte[] signingInput) {
            try {
                // JWS ES256 wants R||S (RFC 7518 §3.4): Bouncy Castle's PLAIN-ECDSA gives exactly that
                Signature signature = algorithm.equals("ES256") ? Signature.getInstance("SHA256withPLAIN-ECDSA", BC)
                        : Signature.getInstance("SHA256withRSA");
                signature.initSign(pair.getPrivate());
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " signature failed", e);
            }
        }

        JsonObject jwk() {
            if (pair.getPublic() instanceof ECPublicKey ec) {
                return JsonBuilders.object().add("kty", "EC").add("crv", "P-256").add("use", "sig")
                        .add("alg", algorithm).add("kid", keyId)
                        .add("x", fixed(ec.getW().getAffineX())).add("y", fixed(ec.getW().getAffineY())).build();
            }
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            return JsonBuilders.object().add("kty", "RSA").add("use", "sig").add("alg", algorithm)
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

        /** A P-256 coordinate as the JWK wants it: exactly 32 bytes, big-endian (RFC 7518 §6.2.1.2). */
        private static String fixed(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] out = new byte[32];
            int length = Math.min(bytes.length, 32);
            System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
            return URL.encodeToString(out);
        }

        @Override
        public String toString() {
            return algorithm + " key " + keyId;
        }
    }
}
