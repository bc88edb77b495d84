package cn.etax.identity.shared.application;

import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens (128 bits, URL-safe) and numeric codes from one CSPRNG. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String token() {
        return token(16);
    }

    /** {@code bytes} random bytes, Base64url without padding. */
    public static String token(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A code of {@code digits} decimal digits, leading zeros kept. */
    public static String code(int digits) {
        int bound = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", RANDOM.nextInt(bound));
    }
}
