package cn.etax.identity.web.security;

import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.rest.CrossOriginReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * LOGIN-9: the absolute session limit (the idle limit is the container's session timeout). A session older than
 * {@code identity.session.absolute-hours} is ended before the request is handled. Also sets the headers every
 * response needs.
 */
@WebFilter(urlPatterns = "/*")
public class SessionLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "identity.session.absolute-hours", defaultValue = "12")
    int absoluteHours;

    @Inject
    BusinessClock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Instant started = CurrentSession.started(session);
        if (started != null && clock.now().isAfter(started.plus(Duration.ofHours(absoluteHours)))) {
            session.invalidate();
            request.logout();
        }
        CrossOriginReads.allow(request, response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getRequestURI().endsWith(".xhtml") || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
