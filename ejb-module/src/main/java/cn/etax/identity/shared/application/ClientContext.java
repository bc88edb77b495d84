package cn.etax.identity.shared.application;

import java.io.Serializable;

/** Where a request comes from, as the web layer saw it: recorded in logs and shown on the phone before a QR check. */
public record ClientContext(String address, String userAgent) implements Serializable {

    public static final ClientContext UNKNOWN = new ClientContext("unknown", "unknown");

    public ClientContext {
        address = address == null ? "unknown" : cut(address, 64);
        userAgent = userAgent == null ? "" : cut(userAgent, 200);
    }

    /** A short description for the phone's "where does this come from" line. */
    public String describe() {
        String agent = userAgent.isEmpty() ? "" : " · " + cut(userAgent, 120);
        return cut(address + agent, 200);
    }

    private static String cut(String s, int max) {
        String clean = s.replaceAll("[\\r\\n\\t]", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
