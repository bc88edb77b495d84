package cn.etax.identity.shared;

/** RULE-MASK: the masked forms shown in account centers and written to logs. */
public final class Masking {

    private Masking() {
    }

    /** First 3 and last 2 characters kept: {@code 110*************2X}. */
    public static String idNumber(String number) {
        return keep(number, 3, 2);
    }

    /**
     * A birth date with only its year: {@code 1988-**-**} (month and day are digits the masked ID number hides);
     * null for a document that bears none.
     */
    public static String birthDate(java.time.LocalDate date) {
        return date == null ? null : String.format("%04d-**-**", date.getYear());
    }

    /** {@code 138****5678}. */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    /** Only the first character kept: {@code 张*}, {@code 欧**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return "";
        }
        int at = email.indexOf('@');
        return at <= 0 ? keep(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
    }

    /** An enterprise name: head and tail kept, the middle masked ({@code 江西****公司}). */
    public static String enterpriseName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int part = Math.max(1, Math.min(4, name.length() / 3));
        return keep(name, part, part);
    }

    /** Province-level prefix kept, the rest masked. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        return keep(address, Math.min(6, address.length() / 2), 0);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
