package cn.etax.identity.shared;

import java.util.regex.Pattern;

/** RULE-PHONE: a mainland mobile number, {@code 1[3-9]} and nine digits, after stripping +86. */
public record MobileNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public MobileNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new InvalidInputException("PHONE_INVALID");
        }
    }

    public static MobileNumber parse(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (digits.isEmpty()) {
            throw new InvalidInputException("PHONE_REQUIRED");
        }
        return new MobileNumber(digits);
    }

    public static boolean looksLikeMobile(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
