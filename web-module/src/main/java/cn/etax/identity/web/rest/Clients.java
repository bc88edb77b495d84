package cn.etax.identity.web.rest;

import cn.etax.identity.shared.application.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * The client of a request as services see it. X-Forwarded-For is believed only when the request comes from a
 * configured proxy ({@code identity.trusted-proxies}); otherwise any client could pick its own address and walk
 * around the per-address throttle.
 */
public final class Clients {

    private Clients() {
    }

    public static ClientContext of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && trustedProxies().contains(address)) {
            String[] hops = forwarded.split(",");
            address = hops[hops.length - 1].strip();
        }
        return new ClientContext(address, request.getHeader("User-Agent"));
    }

    /** {@code identity.trusted-proxies}: the addresses whose forwarding headers are believed. */
    static List<String> trustedProxies() {
        return ConfigProvider.getConfig().getOptionalValues("identity.trusted-proxies", String.class)
                .orElse(List.of());
    }
}
