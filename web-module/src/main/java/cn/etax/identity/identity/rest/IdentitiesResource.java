package cn.etax.identity.identity.rest;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.identity.application.IdentitySwitchService;
import cn.etax.identity.identity.application.SwitchableIdentity;
import cn.etax.identity.web.security.Sessions;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** ENT-1 / ENT-9: {@code GET /api/v1/me/identities}, the person's identities with the current one marked. */
@ApplicationScoped
@Path("v1/me/identities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity", description = "Current identity and identity switch (LOGIN-2, ENT-9, API-2)")
public class IdentitiesResource {

    @EJB
    IdentitySwitchService switches;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "All identities of the logged-in person: enterprise identities active or frozen today and "
            + "personal business; current marks the session's identity, switchable what may be switched to now")
    public List<SwitchableIdentity> identities() {
        AuthenticatedPerson person = sessions.current(request);
        if (person == null) {
            throw new NotAuthorizedException("session");
        }
        return switches.identities(person);
    }
}
