package cn.etax.identity.shared;

/**
 * A text a form or message must carry: stripped, then refused with the field's own code when empty and with
 * {@code TEXT_TOO_LONG} (its limit as the argument) when longer than the column holds — not as "missing" — or
 * {@code TEXT_INVALID} when it holds control characters.
 */
public final class RequiredText {

    private RequiredText() {
    }

    public static String of(String raw, int max, String missingCode) {
        String value = optional(raw, max);
        if (value == null) {
            throw new InvalidInputException(missingCode);
        }
        return value;
    }

    /**
     * A text a message may leave out: stripped, null when empty, {@code TEXT_TOO_LONG} over the limit — never cut
     * short behind the sender's back — and {@code TEXT_INVALID} when it holds control characters (a line break or
     * a NUL in a name or an address is a sender's error, not data).
     */
    public static String optional(String raw, int max) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInputException("TEXT_TOO_LONG", max);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("TEXT_INVALID");
        }
        return value;
    }

    /**
     * The longest account or password a login form takes (its fields' maxlength). Longer input can be nobody's
     * account or password: it is refused before anything is looked up, hashed or counted.
     */
    public static final int CREDENTIAL_MAX = 64;

    /**
     * An account as typed into a login form: control characters anywhere — a line break before or after it included,
     * which stripping would hide — are {@code TEXT_INVALID}; otherwise as {@link #of}.
     */
    public static String account(String raw, int max, String missingCode) {
        if (raw != null && raw.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("TEXT_INVALID");
        }
        return of(raw, max, missingCode);
    }

    /**
     * A secret as typed (a password, never stripped): {@code missingCode} when blank, {@code TEXT_TOO_LONG} over the
     * limit, {@code TEXT_INVALID} with control characters — refusals that cost no hash and count no attempt.
     */
    public static String secret(String raw, int max, String missingCode) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(missingCode);
        }
        if (raw.length() > max) {
            throw new InvalidInputException("TEXT_TOO_LONG", max);
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("TEXT_INVALID");
        }
        return raw;
    }
}
