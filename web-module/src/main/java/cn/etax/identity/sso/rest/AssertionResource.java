package cn.etax.identity.sso.rest;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.identity.application.CurrentIdentityCheck;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import cn.etax.identity.web.security.SingleSignOn;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * API-2: {@code GET /api/v1/me/assertion}, the signed assertion of the session's current identity, for a downstream
 * application to take as {@code Authorization: Bearer} (a page of a downstream application asks for it with the
 * session cookie and hands it to its back end).
 */
@ApplicationScoped
@Path("v1/me/assertion")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sso", description = "Single sign-on for downstream tax applications (API-2)")
public class AssertionResource {

    @Inject
    Sessions sessions;

    @Inject
    SingleSignOn sso;

    @EJB
    CurrentIdentityCheck identities;

    @Context
    HttpServletRequest request;

    @Schema(name = "AssertionIssuedAssertion")
    public record IssuedAssertion(String assertion, String tokenType, String keyId, Instant expiresAt) {
    }

    @GET
    @Operation(summary = "The current identity as a signed JWT (short-lived: ask again before expiresAt for a new one); "
            + "403 CURRENT_IDENTITY_UNAVAILABLE once the grant, mandate or subject no longer lets the person act")
    public IssuedAssertion assertion() {
        AuthenticatedPerson person = sessions.current(request);
        if (person == null) {
            throw new NotAuthorizedException("session");
        }
        // the identity as it stands now: a grant frozen or a mandate cancelled since the login gets no assertion
        Assertion a = sso.current(request, identities.asOfNow(person, Clients.of(request)));
        return new IssuedAssertion(a.token(), "Bearer", a.keyId(), a.expiresAt());
    }
}
