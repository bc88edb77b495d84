package cn.etax.identity.web.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API-2: a page of a downstream tax application on one of {@code identity.allowed-origins} reads the API with the
 * user's session: {@code fetch('…/api/v1/me/assertion', {credentials: 'include'})} gets the assertion for its back
 * end. Such a GET (no preflight: no custom header, no body) is answered with {@code Access-Control-Allow-Origin} for
 * that origin and {@code Access-Control-Allow-Credentials}, its refusals included, so the page can tell "not logged
 * in" from a network failure. Other origins get nothing of the kind, and a call that changes something stays
 * {@link SameOriginFilter}'s business.
 */
public final class CrossOriginReads {

    private CrossOriginReads() {
    }

    /** Sets the headers on an API GET's answer; to be called before the answer is written. */
    public static void allow(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin != null && SameOriginFilter.allowedOrigins().contains(origin.strip())) {
            response.setHeader("Access-Control-Allow-Origin", origin.strip());
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
    }
}
