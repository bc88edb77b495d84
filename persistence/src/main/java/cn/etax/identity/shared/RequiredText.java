package cn.etax.identity.shared;

/**
 * A text a form or message must carry: stripped, then refused with the field's own code when empty and with
 * {@code TEXT_TOO_LONG} (its limit as the argument) when longer than the column holds — not as "missing".
 */
public final class RequiredText {

    private RequiredText() {
    }

    public static String of(String raw, int max, String missingCode) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(missingCode);
        }
        if (value.length() > max) {
            throw new InvalidInputException("TEXT_TOO_LONG", max);
        }
        return value;
    }
}
