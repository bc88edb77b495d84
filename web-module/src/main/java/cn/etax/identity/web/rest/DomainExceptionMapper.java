package cn.etax.identity.web.rest;

import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.RateLimitedException;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.web.i18n.Texts;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Business failures as {@code {code, message}} with a deliberate status; the message in the caller's language. A
 * failed proof is 401 only before a login — clients take 401 for "logged out" — and 403 inside a session's own
 * resources (a wrong old password, a face check not done, a spent flow of the account center): the session is still
 * there.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    DomainExceptionMapper withContext(HttpHeaders headers, SecurityContext security, UriInfo uri) {
        this.headers = headers;
        this.security = security;
        this.uri = uri;
        return this;
    }

    @Override
    public Response toResponse(DomainException e) {
        Locale locale = Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        int status = status(e);
        if (status == 401 && loggedIn() && insideSession()) {
            status = 403;
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(e.code(), Texts.error(locale, e)));
        if (e instanceof RateLimitedException && e.arguments().length > 0) {
            builder.header("Retry-After", e.arguments()[0]);
        }
        return builder.build();
    }

    /**
     * The resources a session uses (its account centers, the clerk console past its login): a login, recovery or
     * registration step keeps its 401 even when the browser still holds another session.
     */
    private boolean insideSession() {
        try {
            String path = uri == null ? "" : uri.getPath();
            path = path.startsWith("/") ? path.substring(1) : path;
            return path.startsWith("v1/me/") || path.equals("v1/me") || path.startsWith("v1/social-security/me")
                    || path.startsWith("v1/clerk/") && !path.startsWith("v1/clerk/login");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private boolean loggedIn() {
        try {
            return security != null && security.getUserPrincipal() != null;
        } catch (IllegalStateException e) {
            return false; // outside a request
        }
    }

    static int status(DomainException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof AuthenticationFailedException) {
            return 401;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof AccountLockedException) {
            return 423;
        }
        if (e instanceof RateLimitedException) {
            return 429;
        }
        if (e instanceof ServiceBusyException) {
            return 503;
        }
        return 400;
    }
}
