package cn.etax.identity.web.faces;

import java.util.List;

/** The nationalities offered where a document type does not imply one (registration, the counter's collection). */
public final class Countries {

    public static final List<String> CODES = List.of("USA", "GBR", "CAN", "AUS", "NZL", "DEU", "FRA", "ITA",
            "ESP", "NLD", "RUS", "JPN", "KOR", "SGP", "MYS", "THA", "VNM", "PHL", "IDN", "IND", "PAK", "KAZ", "BRA");

    private Countries() {
    }

    /** The country's name in the page's language, or its code when the bundle has none. */
    public static String label(String code) {
        if (code == null) {
            return "";
        }
        String label = FacesSupport.text("register.country." + code);
        return label.startsWith("register.country.") ? code : label;
    }
}
