package cn.etax.identity.transition.application;

import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.shared.InvalidInputException;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LOGIN-11: the old enterprise passwords arrive as the old system kept them, never in clear: either
 * {@code sm3:<Base64 salt>:<hex SM3(salt ‖ UTF-8 password)>} or an Argon2id string in this platform's form (a
 * migration that re-hashed them), its cost bounded so that a login can afford it. Only a password that matches is ever seen here, at the old entry's login.
 */
public final class LegacyPasswordDigest {

    private static final Pattern SM3 = Pattern.compile("sm3:([A-Za-z0-9+/]{8,88}={0,2}):[0-9a-f]{64}");
    /** This platform's own Argon2id form, with a cost a login can afford (memory at most 64 MiB). */
    private static final Pattern ARGON2 = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,5}),t=([1-9]),p=([1-4])"
            + "\\$[A-Za-z0-9+/]{11,64}={0,2}\\$[A-Za-z0-9+/]{16,128}={0,2}");
    private static final int MAX_MEMORY_KIB = 65_536;

    private LegacyPasswordDigest() {
    }

    /** The digest as the migration sends it, checked for its form ({@code LEGACY_DIGEST_INVALID} otherwise). */
    public static String check(String digest) {
        String d = digest == null ? "" : digest.strip();
        Matcher sm3 = SM3.matcher(d);
        if (sm3.matches() && decodes(sm3.group(1))) {
            return d;
        }
        Matcher argon2 = ARGON2.matcher(d);
        if (argon2.matches() && Integer.parseInt(argon2.group(1)) <= MAX_MEMORY_KIB) {
            return d;
        }
        throw new InvalidInputException("LEGACY_DIGEST_INVALID");
    }

    private static boolean decodes(String base64) {
        try {
            Base64.getDecoder().decode(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The old system's form of {@code password} with {@code salt}. */
    public static String sm3(byte[] salt, String password) {
        return "sm3:" + Base64.getEncoder().encodeToString(salt) + ":" + HexFormat.of().formatHex(sm3Of(salt,
                password));
    }

    /**
     * Whether {@code password} is the one the digest was made of (constant time for the SM3 form). A digest in no
     * accepted form matches nothing.
     */
    public static boolean matches(String password, String digest, PasswordHasher hasher) {
        if (password == null || digest == null) {
            return false;
        }
        try {
            if (ARGON2.matcher(digest).matches()) {
                return hasher.verify(password, digest);
            }
            String[] parts = digest.split(":");
            if (parts.length != 3 || !"sm3".equals(parts[0])) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(sm3Of(salt, password), HexFormat.of().parseHex(parts[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sm3Of(byte[] salt, String password) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(salt, 0, salt.length);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        sm3.update(p, 0, p.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }
}
