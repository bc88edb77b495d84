package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.PinStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The retry counter of each token: consecutive wrong PINs, kept in one small file per token under the state
 * directory and replaced atomically, so a restart of the server neither forgets nor doubles a count. It lives beside
 * the tokens rather than in the application's database because it belongs to the token (a UKey keeps it on its
 * chip) and the adapter has no database of its own; a token is local to one host, and so is its counter.
 */
public final class PinAttempts {

    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final int maxAttempts;

    public PinAttempts(Path directory, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxPinAttempts must be at least 1");
        }
        this.directory = directory;
        this.maxAttempts = maxAttempts;
    }

    /** The lock that serialises check → try → count for one token across all connections of this JVM. */
    public Object lock(String token) {
        return LOCKS.computeIfAbsent(file(token), p -> new Object());
    }

    public PinStatus status(String token) {
        int failures = read(token);
        return new PinStatus(Math.max(0, maxAttempts - failures), maxAttempts, failures >= maxAttempts);
    }

    /** Counts one wrong PIN; returns the attempts left (0 = now locked). */
    public int recordFailure(String token) {
        synchronized (lock(token)) {
            int failures = Math.min(read(token) + 1, maxAttempts);
            write(token, failures);
            return maxAttempts - failures;
        }
    }

    public void recordSuccess(String token) {
        synchronized (lock(token)) {
            if (read(token) != 0) {
                write(token, 0);
            }
        }
    }

    /** The administrator's unlock (a tax office resets a locked key). */
    public void reset(String token) {
        recordSuccess(token);
    }

    private int read(String token) {
        Path file = file(token);
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PIN retry counter " + file, e);
        } catch (NumberFormatException e) {
            // a damaged counter must not unlock a token
            return maxAttempts;
        }
    }

    private void write(String token, int failures) {
        Path file = file(token);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".attempts", ".tmp");
            Files.writeString(temporary, Integer.toString(failures), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PIN retry counter " + file, e);
        }
    }

    private Path file(String token) {
        StringBuilder name = new StringBuilder();
        for (char c : token.toLowerCase(Locale.ROOT).toCharArray()) {
            name.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        // the hash keeps two labels that differ only in punctuation apart
        return directory.resolve(name + "-" + Integer.toHexString(token.hashCode()) + ".pin-attempts").toAbsolutePath();
    }
}
