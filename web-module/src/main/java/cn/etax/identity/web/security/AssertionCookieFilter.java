package cn.etax.identity.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * API-2: keeps the single sign-on cookie in step with the session — renewed while the session lives, removed once
 * it has ended (logout, timeout), so a downstream application on this host never gets an assertion of an ended
 * session after the one it already holds has run out.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/api/*"})
public class AssertionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SingleSignOn sso;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/me/assertion")) {
            sso.refreshIfDue(request, response);
        }
        chain.doFilter(request, response);
    }
}
