package cn.etax.identity.shared;

import java.util.regex.Pattern;

/**
 * A taxpayer's unified social credit code (统一社会信用代码, GB 32100) or taxpayer identification number
 * (纳税人识别号). The 18-character code carries a MOD 31 check character and is fully checked; the old 15-character
 * TIN and the 17/20-character individual forms predate any check character, so only their layout is checked.
 * An instance is always valid and normalised (upper case, no spaces, full-width folded).
 */
public final class CreditCode {

    /** GB 32100 alphabet: digits and upper-case letters without I, O, S, V, Z. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final Pattern UNIFIED = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern OLD_TIN = Pattern.compile("\\d{6}[0-9A-Z]{9}");
    private static final Pattern INDIVIDUAL_17 = Pattern.compile("\\d{15}[0-9A-Z]{2}");
    private static final Pattern INDIVIDUAL_20 = Pattern.compile("\\d{17}[0-9X][0-9A-Z]{2}");

    /** Which of the accepted layouts a code has. */
    public enum Form {
        UNIFIED, OLD_TIN, INDIVIDUAL_17, INDIVIDUAL_20
    }

    private final String value;
    private final Form form;

    private CreditCode(String value, Form form) {
        this.value = value;
        this.form = form;
    }

    /** Refuses an empty code ({@code CREDIT_CODE_REQUIRED}) and any other layout or check ({@code CREDIT_CODE_INVALID}). */
    public static CreditCode of(String raw) {
        String code = IdDocument.normalise(raw);
        if (code.isEmpty()) {
            throw new InvalidInputException("CREDIT_CODE_REQUIRED");
        }
        Form form = formOf(code);
        if (form == null) {
            throw new InvalidInputException("CREDIT_CODE_INVALID");
        }
        return new CreditCode(code, form);
    }

    public static boolean isValid(String raw) {
        return formOf(IdDocument.normalise(raw)) != null;
    }

    private static Form formOf(String code) {
        return switch (code.length()) {
            case 18 -> UNIFIED.matcher(code).matches() && checkCharacter(code.substring(0, 17)) == code.charAt(17)
                    ? Form.UNIFIED : null;
            case 15 -> OLD_TIN.matcher(code).matches() ? Form.OLD_TIN : null;
            case 17 -> INDIVIDUAL_17.matcher(code).matches() ? Form.INDIVIDUAL_17 : null;
            case 20 -> INDIVIDUAL_20.matcher(code).matches() ? Form.INDIVIDUAL_20 : null;
            default -> null;
        };
    }

    /**
     * The GB 32100 check character completing 17 characters of the alphabet: weights 3^(i-1) mod 31, index
     * (31 - sum mod 31) mod 31. Public so that tests and fixtures can make valid codes.
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int index = ALPHABET.indexOf(first17.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("character outside the GB 32100 alphabet at " + i);
            }
            sum += index * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public String value() {
        return value;
    }

    public Form form() {
        return form;
    }

    /** RULE-MASK for enterprise identifiers: first 4 and last 4 characters kept, {@code 9135**********0Y43}. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** A credit code is enterprise data, not personal data: the full value may appear in logs. */
    @Override
    public String toString() {
        return value;
    }
}
