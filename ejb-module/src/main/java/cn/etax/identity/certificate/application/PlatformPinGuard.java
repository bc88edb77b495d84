package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the platform's signing logins from locking its own key (§9). Every wrong PIN counts toward the token's lock
 * after {@code maxPinAttempts}, and the platform signs on every login and switch: a wrong configured PIN would lock
 * the key within seconds. So a PIN is presented by one signature at a time until the token has accepted it once, and
 * a PIN the token refused is not presented again (until the configuration names another one). Only a keyed digest
 * of the PIN is kept, with a key that lives as long as this JVM.
 */
@ApplicationScoped
public class PlatformPinGuard {

    private final byte[] key = new byte[32];
    private final ReentrantLock firstLogin = new ReentrantLock();
    private volatile String accepted;
    private volatile String refused;

    public PlatformPinGuard() {
        new SecureRandom().nextBytes(key);
    }

    /** Logs the connection in with the PIN, or throws: a PinIncorrectException marks the PIN as refused. */
    void login(TokenConnection connection, char[] pin) throws TokenException {
        String digest = digest(pin);
        if (digest.equals(accepted)) {
            connection.login(pin);
            return;
        }
        firstLogin.lock();
        try {
            if (digest.equals(refused)) {
                throw new TokenException("the token refused the configured PIN before; it is not presented again "
                        + "(fix identity.platform.signing.pin)");
            }
            connection.login(pin);
            accepted = digest;
        } catch (PinIncorrectException e) {
            refused = digest;
            throw e;
        } finally {
            firstLogin.unlock();
        }
    }

    private String digest(char[] pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(new String(pin).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
