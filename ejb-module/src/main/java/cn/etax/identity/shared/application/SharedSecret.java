package cn.etax.identity.shared.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A shared secret presented by a trusted system (the core tax system's sync, the tax apps' back ends): compared in
 * constant time over digests of equal length, so that neither the comparison's time nor its length tells anything.
 */
public final class SharedSecret {

    private SharedSecret() {
    }

    public static boolean matches(String presented, String expected) {
        return presented != null && expected != null && MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
