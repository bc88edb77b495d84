package cn.etax.identity.connector.api;

import java.util.Locale;

/** Reads attributes of an RFC 4514 string as the adapter writes it (escaped commas respected). */
final class DistinguishedNames {

    private DistinguishedNames() {
    }

    static String attribute(String dn, String name) {
        if (dn == null) {
            return null;
        }
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i <= dn.length(); i++) {
            boolean end = i == dn.length();
            char c = end ? ',' : dn.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '+') {
                String part = dn.substring(start, i).trim();
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                    return part.substring(eq + 1).trim().replaceAll("\\\\(.)", "$1");
                }
                start = i + 1;
            }
        }
        return null;
    }
}
