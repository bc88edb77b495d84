package cn.etax.identity.authentication.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A slider challenge (RULE-LOCK) as the token the page sends back with its answer: a random nonce, the moment it was
 * issued and where the gap is, then a MAC over them. Nothing is stored when one is issued; the answer is judged on
 * the token alone, and {@code AnsweredChallenge} makes it good for one answer. The gap position is no secret (the
 * page draws it); the MAC keeps a client from choosing the position or the moment.
 */
public final class SliderChallenge {

    static final Duration MIN_ANSWER_TIME = Duration.ofMillis(300);
    static final Duration LIFE = Duration.ofMinutes(2);
    static final int TOLERANCE = 4;
    static final int MAX_TOKEN_LENGTH = 64;

    private static final int NONCE_BYTES = 12;
    private static final int PAYLOAD_BYTES = NONCE_BYTES + Long.BYTES + 1;
    /** 128 bits of the HMAC-SHA256, in hex. */
    private static final int MAC_CHARS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] nonce;
    private final Instant issuedAt;
    private final int position;

    private SliderChallenge(byte[] nonce, Instant issuedAt, int position) {
        this.nonce = nonce;
        this.issuedAt = issuedAt;
        this.position = position;
    }

    /** A new challenge with its gap at {@code position} (percent of the track, 0–100). */
    public static SliderChallenge issue(Instant now, int position) {
        if (position < 0 || position > 100) {
            throw new IllegalArgumentException("position " + position);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new SliderChallenge(nonce, Instant.ofEpochMilli(now.toEpochMilli()), position);
    }

    /** The token: payload, a dot, the MAC {@code mac} gives for the payload (hex, at least 32 characters). */
    public String token(UnaryOperator<String> mac) {
        String payload = B64.encodeToString(ByteBuffer.allocate(PAYLOAD_BYTES).put(nonce)
                .putLong(issuedAt.toEpochMilli()).put((byte) position).array());
        return payload + '.' + mac.apply(payload).substring(0, MAC_CHARS);
    }

    /** The challenge a token carries, if it is well formed and its MAC is right. */
    public static Optional<SliderChallenge> parse(String token, UnaryOperator<String> mac) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() - dot - 1 != MAC_CHARS) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        if (!MessageDigest.isEqual(mac.apply(payload).substring(0, MAC_CHARS).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        return Optional.of(new SliderChallenge(nonce, Instant.ofEpochMilli(buffer.getLong()), buffer.get()));
    }

    public enum Verdict {
        /** Dropped on the gap, at a person's pace. */
        PASSED,
        /** Answered faster than a person drags: a script. */
        TOO_FAST,
        /** Dropped away from the gap. */
        OFF_THE_GAP,
        /** Past its life. */
        EXPIRED
    }

    /** How an answer at {@code answer} percent, given at {@code now}, stands. */
    public Verdict judge(int answer, Instant now) {
        if (!now.isBefore(expiresAt())) {
            return Verdict.EXPIRED;
        }
        if (now.isBefore(issuedAt.plus(MIN_ANSWER_TIME))) {
            return Verdict.TOO_FAST;
        }
        return Math.abs(answer - position) <= TOLERANCE ? Verdict.PASSED : Verdict.OFF_THE_GAP;
    }

    public Instant expiresAt() {
        return issuedAt.plus(LIFE);
    }

    public int position() {
        return position;
    }
}
