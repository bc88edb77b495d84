package cn.etax.identity.web.rest;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.i18n.Texts;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort: a race lost to another request becomes 409 CONCURRENT_CHANGE; anything else a 500 with an incident
 * id in the log and no stack trace in the answer.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        var locale = Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (web.getResponse().hasEntity() || status >= 500) {
                return web.getResponse();
            }
            if (status == 404 && web.getCause() != null) {
                // a query or path value the resource could not read (an unknown enum name, a word for a number):
                // JAX-RS calls that 404, but the address exists and the value is the caller's mistake
                return json(400, "PARAMETER_INVALID", Texts.text(locale, "error.parameter_invalid"));
            }
            if (status == 400 && tooLarge(e)) {
                return json(413, "REQUEST_TOO_LARGE", Texts.text(locale, "error.request_too_large"));
            }
            String code = switch (status) {
                case 400 -> "REQUEST_BODY_INVALID";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 415 -> "MEDIA_TYPE_UNSUPPORTED";
                case 401, 403 -> "NOT_LOGGED_IN";
                default -> "REQUEST_INVALID";
            };
            Response answer = json(status, code, Texts.text(locale, "error." + code.toLowerCase(java.util.Locale.ROOT)));
            // 405 says which methods the address takes, as HTTP asks
            String allow = web.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
        }
        if (tooLarge(e)) {
            return json(413, "REQUEST_TOO_LARGE", Texts.text(locale, "error.request_too_large"));
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof jakarta.json.bind.JsonbException || cause instanceof jakarta.json.JsonException
                    || cause instanceof jakarta.ws.rs.ProcessingException) {
                return json(400, "REQUEST_BODY_INVALID", Texts.text(locale, "error.request_body_invalid"));
            }
            if (cause instanceof DomainException domain) {
                return new DomainExceptionMapper().withContext(headers, security, uri).toResponse(domain);
            }
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                return json(409, "CONCURRENT_CHANGE", Texts.text(locale, "error.concurrent_change"));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e instanceof EJBException && e.getCause() != null ? e.getCause() : e);
        return json(500, "INTERNAL", Texts.text(locale, "error.internal") + " (" + incident + ")");
    }

    /** The body passed {@link BodyLimitFilter}'s limit while it was read. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyLimitFilter.TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(code, message)).build();
    }
}
