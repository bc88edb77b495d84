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
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Business failures as {@code {code, message}} with a deliberate status; the message in the caller's language. A
 * failed proof is 401 only before a login — clients take 401 for "logged out" — and 403 inside a session (a wrong
 * old password, a face check not done, a spent flow of the account center): the session is still there.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    DomainExceptionMapper withContext(HttpHeaders headers, SecurityContext security) {
        this.headers = headers;
        this.security = security;
        return this;
    }

    @Override
    public Response toResponse(DomainException e) {
        Locale locale = Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        int status = status(e);
        if (status == 401 && loggedIn()) {
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
