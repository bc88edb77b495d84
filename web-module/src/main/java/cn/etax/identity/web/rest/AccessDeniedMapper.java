package cn.etax.identity.web.rest;

import cn.etax.identity.web.i18n.Texts;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The EJB layer refused a caller without the role: 401 with the same body as every other error. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBAccessException e) {
        var locale = Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody("NOT_LOGGED_IN", Texts.text(locale, "error.not_logged_in"))).build();
    }
}
