package cn.etax.identity.shared;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A checked identity document: type + normalised number. Construction fails with {@code ID_NUMBER_INVALID} when
 * the number does not have the type's real format, so an instance is always valid.
 */
public final class IdDocument {

    private final IdType type;
    private final String number;

    private IdDocument(IdType type, String number) {
        this.type = type;
        this.number = number;
    }

    public static IdDocument of(IdType type, String rawNumber) {
        if (type == null) {
            throw new InvalidInputException("ID_TYPE_REQUIRED");
        }
        String number = normalise(rawNumber);
        if (number.isEmpty()) {
            throw new InvalidInputException("ID_NUMBER_REQUIRED");
        }
        if (!type.accepts(number)) {
            throw new InvalidInputException("ID_NUMBER_INVALID");
        }
        return new IdDocument(type, number);
    }

    /** Upper case, without spaces; full-width characters folded to ASCII. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0;
            }
            if (!Character.isWhitespace(cp) && cp != 0x3000) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    public IdType type() {
        return type;
    }

    public String number() {
        return number;
    }

    /** The string the keyed digest is computed over: type and number, so equal numbers of two types differ. */
    public String digestInput() {
        return type.name() + ':' + number;
    }

    public Gender gender() {
        return type.carriesBirthData() && number.length() == 18 && Character.isDigit(number.charAt(16))
                ? Gb11643.gender(number) : Gender.UNKNOWN;
    }

    public LocalDate birthDate() {
        return type.carriesBirthData() && number.length() == 18 ? Gb11643.birthDate(number) : null;
    }

    public String masked() {
        return Masking.idNumber(number);
    }

    /** RULE-PWD: a migrated account's initial password, the last six characters of its document number. */
    public String initialPassword() {
        return number.substring(Math.max(0, number.length() - 6));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdDocument other && type == other.type && number.equals(other.number);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, number);
    }

    /** Never the full number: logs and exceptions must not carry it. */
    @Override
    public String toString() {
        return type + ":" + masked();
    }
}
