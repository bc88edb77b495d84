package cn.etax.identity.shared.application;

import cn.etax.identity.account.domain.ProtectedValue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Keeps personal information (ID numbers, phones) and one-time secrets out of the database in clear: keyed digests
 * (HMAC-SHA256) for look-ups, AES-GCM cipher text for the audited reveal. The master key comes from configuration
 * ({@code identity.data-key}, 32 bytes in Base64); only the simulator configuration may fall back to a fixed
 * development key, so a production start without a key fails.
 */
@ApplicationScoped
public class PersonalDataProtector {

    private static final Logger LOG = Logger.getLogger(PersonalDataProtector.class.getName());
    private static final int IV_BYTES = 12;

    @Inject
    @ConfigProperty(name = "identity.data-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "identity.simulators.enabled", defaultValue = "false")
    boolean simulators;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec macKey;
    private SecretKeySpec cipherKey;

    @PostConstruct
    void init() {
        byte[] master;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            master = Base64.getDecoder().decode(configuredKey.get().trim());
        } else if (simulators) {
            LOG.warning("identity.data-key is not set: using the development key (simulator configuration only)");
            master = sha256("etax-identity development key - never in production");
        } else {
            throw new IllegalStateException("identity.data-key must be configured (32 random bytes, Base64)");
        }
        if (master.length < 32) {
            throw new IllegalStateException("identity.data-key must hold at least 32 bytes");
        }
        macKey = new SecretKeySpec(derive(master, "digest"), "HmacSHA256");
        cipherKey = new SecretKeySpec(derive(master, "cipher"), 0, 32, "AES");
    }

    /** Digest for look-ups, in a key space of its own per {@code purpose} ("id", "phone", "token"...). */
    public String digest(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, cipherKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored personal data cannot be decrypted with the configured key", e);
        }
    }

    /** Digest, cipher and masked form together, as entities store them. */
    public ProtectedValue protect(String purpose, String digestInput, String plain, UnaryOperator<String> mask) {
        return new ProtectedValue(digest(purpose, digestInput), encrypt(plain), mask.apply(plain));
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
