package cn.etax.identity.shared;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The eleven identity documents of RULE-ID. Seven register online; the last four only after a tax office collected
 * the person (REG-3). Each type knows the real format of its numbers.
 */
public enum IdType {
    RESIDENT_ID_CARD(true, true, "CHN"),
    HK_MACAO_TRAVEL_PERMIT(true, false, "CHN"),
    TAIWAN_TRAVEL_PERMIT(true, false, "CHN"),
    CHINESE_PASSPORT(true, false, "CHN"),
    FOREIGN_PERMANENT_RESIDENT_CARD(true, true, null),
    HK_MACAO_RESIDENCE_PERMIT(true, true, "CHN"),
    TAIWAN_RESIDENCE_PERMIT(true, true, "CHN"),
    FOREIGN_PASSPORT(false, false, null),
    WORK_PERMIT_A(false, false, null),
    WORK_PERMIT_B(false, false, null),
    WORK_PERMIT_C(false, false, null);

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM](\\d{8}|\\d{10})");
    private static final Pattern TAIWAN_PERMIT = Pattern.compile("\\d{8}");
    private static final Pattern CHINESE_PASSPORT_NUMBER = Pattern.compile("E[0-9A-HJ-NP-Z]\\d{7}|G\\d{8}");
    private static final Pattern OLD_PERMANENT_RESIDENT = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern FOREIGN_DOCUMENT = Pattern.compile("[A-Z0-9]{5,20}");

    private final boolean online;
    private final boolean carriesBirthData;
    private final String nationality;

    IdType(boolean online, boolean carriesBirthData, String nationality) {
        this.online = online;
        this.carriesBirthData = carriesBirthData;
        this.nationality = nationality;
    }

    /** Whether a person holding only this document may register online without an earlier collection. */
    public boolean registersOnline() {
        return online;
    }

    /**
     * Whether the document is one only a mainland resident holds (居民身份证): its holder is no overseas natural
     * person (境外自然人, REG-1, LOGIN-5) whatever he declares.
     */
    public boolean mainlandOnly() {
        return this == RESIDENT_ID_CARD;
    }

    /** Whether gender and birth date can be read off the number (GB 11643 layout). */
    public boolean carriesBirthData() {
        return carriesBirthData;
    }

    /** ISO 3166 alpha-3 nationality implied by the document, or {@code null} when the holder states it. */
    public String impliedNationality() {
        return nationality;
    }

    /**
     * The holder's nationality: the one the document implies, else the stated one, which must be an ISO 3166 alpha-3
     * country code and, as these are foreigners' documents, not China's ({@code NATIONALITY_REQUIRED} otherwise).
     */
    public String nationality(String stated) {
        if (nationality != null) {
            return nationality;
        }
        String n = stated == null ? "" : stated.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(n) || "CHN".equals(n)) {
            throw new InvalidInputException("NATIONALITY_REQUIRED");
        }
        return n;
    }

    /** Whether the (already normalised) number has this document's real format, check digit included. */
    public boolean accepts(String number) {
        if (number == null) {
            return false;
        }
        return switch (this) {
            case RESIDENT_ID_CARD -> Gb11643.isValid(number)
                    && !number.startsWith("81") && !number.startsWith("82") && !number.startsWith("83")
                    && number.charAt(0) != '9';
            case HK_MACAO_RESIDENCE_PERMIT -> Gb11643.isValid(number)
                    && (number.startsWith("810000") || number.startsWith("820000"));
            case TAIWAN_RESIDENCE_PERMIT -> Gb11643.isValid(number) && number.startsWith("830000");
            case FOREIGN_PERMANENT_RESIDENT_CARD -> number.length() == 18 && number.charAt(0) == '9'
                    ? Gb11643.hasValidCheckDigit(number)
                    : OLD_PERMANENT_RESIDENT.matcher(number).matches();
            case HK_MACAO_TRAVEL_PERMIT -> HK_MACAO_PERMIT.matcher(number).matches();
            case TAIWAN_TRAVEL_PERMIT -> TAIWAN_PERMIT.matcher(number).matches();
            case CHINESE_PASSPORT -> CHINESE_PASSPORT_NUMBER.matcher(number).matches();
            case FOREIGN_PASSPORT, WORK_PERMIT_A, WORK_PERMIT_B, WORK_PERMIT_C ->
                    FOREIGN_DOCUMENT.matcher(number).matches();
        };
    }
}
