package cn.etax.identity.account.web;

import cn.etax.identity.shared.IdType;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.faces.context.FacesContext;

import java.util.Locale;

/** Display names the pages need beyond plain bundle look-ups. */
public final class Labels {

    private Labels() {
    }

    /** {@code idType.<ENUM>} from the bundle; the enum name while a bundle lacks the key. */
    static String idType(IdType type) {
        if (type == null) {
            return "";
        }
        String key = "idType." + type.name();
        String text = FacesSupport.text(key);
        return key.equals(text) ? type.name() : text;
    }

    /** Permission names in the page's language, in catalogue order, joined as the language joins a list. */
    public static String permissions(java.util.Collection<cn.etax.identity.grant.domain.Permission> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            return "";
        }
        return java.util.EnumSet.copyOf(permissions).stream()
                .map(p -> FacesSupport.text("grant.permission." + p.name().toLowerCase(Locale.ROOT)))
                .collect(java.util.stream.Collectors.joining(FacesSupport.text("entLogin.permissionSeparator")));
    }

    /** ISO 3166 alpha-3 code as the country's name in the page's language (the JDK knows them all). */
    static String nationality(String alpha3) {
        if (alpha3 == null || alpha3.isBlank()) {
            return "";
        }
        Locale language = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            if (country.getISO3Country().equalsIgnoreCase(alpha3)) {
                return country.getDisplayCountry(language);
            }
        }
        return alpha3;
    }
}
