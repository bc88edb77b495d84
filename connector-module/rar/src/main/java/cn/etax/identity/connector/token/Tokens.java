package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.PinStatus;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import cn.etax.identity.connector.api.UnknownTokenException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens one connection factory reaches — the soft tokens in its directory (re-scanned on every look-up, so a
 * token added on disk appears without a restart) and at most one PKCS#11 token — and the PIN rule they all share:
 * a locked token refuses every PIN, a wrong PIN counts, a right one clears the count.
 */
public final class Tokens {

    private final Path softTokenDirectory;
    private final String pkcs11Library;
    private final String pkcs11TokenLabel;
    private final PinAttempts attempts;
    private final Crypto crypto;
    private final long loginWaitMillis;
    private volatile Pkcs11Token pkcs11;

    public Tokens(Path softTokenDirectory, String pkcs11Library, String pkcs11TokenLabel, PinAttempts attempts,
                  Crypto crypto, long loginWaitMillis) {
        this.softTokenDirectory = softTokenDirectory;
        this.pkcs11Library = blankToNull(pkcs11Library);
        this.pkcs11TokenLabel = blankToNull(pkcs11TokenLabel);
        this.attempts = attempts;
        this.crypto = crypto;
        this.loginWaitMillis = loginWaitMillis;
        if ((this.pkcs11Library == null) != (this.pkcs11TokenLabel == null)) {
            throw new IllegalArgumentException("pkcs11Library and pkcs11TokenLabel go together");
        }
    }

    public Crypto crypto() {
        return crypto;
    }

    public List<String> names() throws TokenException {
        List<String> names = new ArrayList<>();
        if (pkcs11TokenLabel != null) {
            names.add(pkcs11TokenLabel);
        }
        if (softTokenDirectory != null && Files.isDirectory(softTokenDirectory)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(softTokenDirectory, SoftToken::isSoftToken)) {
                List<String> soft = new ArrayList<>();
                entries.forEach(entry -> soft.add(entry.getFileName().toString()));
                soft.sort(null);
                names.addAll(soft);
            } catch (IOException e) {
                throw new TokenException("cannot list the soft tokens", e);
            }
        }
        return names;
    }

    public Token token(String name) throws TokenException {
        if (name != null && name.equals(pkcs11TokenLabel)) {
            return pkcs11();
        }
        if (name != null && softTokenDirectory != null && !name.isBlank() && !name.contains("/") && !name.contains("\\")
                && !name.startsWith(".")) {
            Path directory = softTokenDirectory.resolve(name);
            if (SoftToken.isSoftToken(directory)) {
                return new SoftToken(directory, crypto);
            }
        }
        throw new UnknownTokenException(name);
    }

    private Pkcs11Token pkcs11() throws TokenException {
        Pkcs11Token token = pkcs11;
        if (token == null) {
            synchronized (this) {
                if (pkcs11 == null) {
                    pkcs11 = new Pkcs11Token(pkcs11Library, pkcs11TokenLabel, loginWaitMillis);
                }
                token = pkcs11;
            }
        }
        return token;
    }

    public PinStatus pinStatus(String name) throws TokenException {
        return attempts.status(token(name).name());
    }

    public TokenSession login(String name, char[] pin) throws TokenException {
        Token token = token(name);
        synchronized (attempts.lock(token.name())) {
            refuseWhenLocked(token);
            try {
                TokenSession session = token.open(pin);
                attempts.recordSuccess(token.name());
                return session;
            } catch (Token.WrongPinException e) {
                throw counted(token);
            }
        }
    }

    public void changePin(String name, char[] oldPin, char[] newPin) throws TokenException {
        Token token = token(name);
        if (newPin == null || newPin.length == 0) {
            throw new TokenException("the new PIN is empty");
        }
        synchronized (attempts.lock(token.name())) {
            refuseWhenLocked(token);
            try {
                token.changePin(oldPin, newPin);
                attempts.recordSuccess(token.name());
            } catch (Token.WrongPinException e) {
                throw counted(token);
            }
        }
    }

    /** The administrator's unlock of a token locked by wrong PINs. */
    public void resetPinAttempts(String name) throws TokenException {
        attempts.reset(token(name).name());
    }

    private void refuseWhenLocked(Token token) throws TokenLockedException {
        if (attempts.status(token.name()).locked()) {
            throw new TokenLockedException(token.name());
        }
    }

    private TokenException counted(Token token) {
        int left = attempts.recordFailure(token.name());
        return left == 0 ? new TokenLockedException(token.name()) : new PinIncorrectException(token.name(), left);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
