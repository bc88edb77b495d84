package cn.etax.identity.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * GB 11643 citizen identity numbers (also used by residence permits and the new foreign permanent resident card):
 * 17 digits, ISO 7064 MOD 11-2 check character, birth date in positions 7-14, gender in position 17.
 */
public final class Gb11643 {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Pattern LAYOUT = Pattern.compile("[1-9]\\d{5}(18|19|20)\\d{2}\\d{4}\\d{3}[0-9X]");

    private Gb11643() {
    }

    /** Layout, real birth date and check digit. */
    public static boolean isValid(String number) {
        return number != null && LAYOUT.matcher(number).matches() && birthDate(number) != null
                && hasValidCheckDigit(number);
    }

    /** Only the check character, over any 18 characters whose first 17 are digits. */
    public static boolean hasValidCheckDigit(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == number.charAt(17);
    }

    /** The check character that completes 17 digits; used by tests and demo data to make valid numbers. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date in positions 7-14, or {@code null} when it is no real date. */
    public static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Odd sequence digit: male. */
    public static Gender gender(String number) {
        return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }
}
