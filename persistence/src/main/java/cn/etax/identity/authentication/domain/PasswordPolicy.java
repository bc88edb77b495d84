package cn.etax.identity.authentication.domain;

import cn.etax.identity.shared.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RULE-PWD: 8-16 characters drawn from at least {@code requiredCategories} of digits, upper-case letters,
 * lower-case letters and special characters, and not on the common-password list. The number of categories is
 * configuration (the registration text says three, the account-center text two; three is the default).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 16;

    private static final Set<String> COMMON = load();

    private final int requiredCategories;

    public PasswordPolicy(int requiredCategories) {
        if (requiredCategories < 1 || requiredCategories > 4) {
            throw new IllegalArgumentException("required categories must be 1..4");
        }
        this.requiredCategories = requiredCategories;
    }

    public int requiredCategories() {
        return requiredCategories;
    }

    /**
     * A new password typed twice: each asked for when empty ({@code PASSWORD_REQUIRED},
     * {@code PASSWORD_CONFIRMATION_REQUIRED}, not "the two differ"), then {@code PASSWORD_CONFIRMATION_MISMATCH}.
     */
    public static void requireConfirmed(String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("PASSWORD_REQUIRED");
        }
        if (confirmation == null || confirmation.isEmpty()) {
            throw new InvalidInputException("PASSWORD_CONFIRMATION_REQUIRED");
        }
        if (!password.equals(confirmation)) {
            throw new InvalidInputException("PASSWORD_CONFIRMATION_MISMATCH");
        }
    }

    /**
     * Throws {@code PASSWORD_*} when the password breaks the rule. {@code personalValues} (username, ID number) must
     * not appear in it; of an ID number, its last six characters (the initial password of migrated users).
     */
    public void check(String password, String... personalValues) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("PASSWORD_REQUIRED");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException("PASSWORD_LENGTH", MIN_LENGTH, MAX_LENGTH);
        }
        if (password.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
            throw new InvalidInputException("PASSWORD_CHARACTERS");
        }
        if (categories(password) < requiredCategories) {
            throw new InvalidInputException("PASSWORD_CATEGORIES", requiredCategories);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new InvalidInputException("PASSWORD_COMMON");
        }
        for (String value : personalValues) {
            if (value == null || value.length() < 4) {
                continue;
            }
            String v = value.toLowerCase(Locale.ROOT);
            // a long number (an ID number) cannot fit whole; its last six characters are the old initial password
            if (lower.contains(v) || v.length() >= 12 && lower.contains(v.substring(v.length() - 6))) {
                throw new InvalidInputException("PASSWORD_PERSONAL");
            }
        }
    }

    static int categories(String password) {
        boolean digit = false, upper = false, lower = false, special = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else {
                special = true;
            }
        }
        return (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0) + (special ? 1 : 0);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
