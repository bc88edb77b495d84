package cn.etax.identity.web.rest;

import cn.etax.identity.shared.application.ClientContext;
import jakarta.servlet.http.HttpServletRequest;

/** The client of a request as services see it. Proxies in front set X-Forwarded-For; only its first hop is kept. */
public final class Clients {

    private Clients() {
    }

    public static ClientContext of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.getRemoteAddr();
        return new ClientContext(address, request.getHeader("User-Agent"));
    }
}
