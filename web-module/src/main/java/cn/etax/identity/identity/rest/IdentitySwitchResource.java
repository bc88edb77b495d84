package cn.etax.identity.identity.rest;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.identity.application.IdentitySwitchService;
import cn.etax.identity.identity.application.SwitchTarget;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ENT-9 over REST: {@code POST /api/v1/me/identity/switch} (the list of identities is
 * {@link IdentitiesResource}). A switch answers the new identity and sets a new session cookie (the old session id
 * is void); the previous identity's single sign-on assertion is no longer handed out, and the next
 * {@code GET /api/v1/me/assertion} signs one of the new identity — most switches happen on the portal's own pages,
 * which never need one.
 */
@ApplicationScoped
@Path("v1/me/identity/switch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity", description = "Current identity and identity switch (LOGIN-2, ENT-9, API-2)")
public class IdentitySwitchResource {

    @EJB
    IdentitySwitchService switches;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;


    /**
     * {@code kind}: ENTERPRISE (with {@code grantId}, one of {@code GET /api/v1/me/identities}) or PERSONAL
     * (one way). Agent-client and cross-region kinds follow with their features.
     */
    public record SwitchRequest(SwitchTarget.Kind kind, Long grantId) {
    }

    public record Switched(CurrentIdentityResource.CurrentIdentity identity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch identity without a new login (ENT-9): the target is checked again now; the session "
            + "id changes; GET /api/v1/me/assertion then signs the new identity's assertion. Errors: "
            + "ENTERPRISE_IDENTITY_FROZEN, ENTERPRISE_IDENTITY_UNAVAILABLE, IDENTITY_SWITCH_ONE_WAY, NOT_LOGGED_IN")
    public Switched switchIdentity(SwitchRequest body) {
        AuthenticatedPerson person = current();
        SwitchTarget target = target(body);
        AuthenticatedPerson next = switches.switchTo(person, target, Clients.of(request));
        return new Switched(CurrentIdentityResource.switched(sessions, request, next));
    }

    private AuthenticatedPerson current() {
        AuthenticatedPerson person = sessions.current(request);
        if (person == null) {
            throw new NotAuthorizedException("session");
        }
        return person;
    }

    private static SwitchTarget target(SwitchRequest body) {
        if (body == null || body.kind() == null) {
            throw new InvalidInputException("IDENTITY_SWITCH_TARGET_REQUIRED");
        }
        return switch (body.kind()) {
            case PERSONAL -> new SwitchTarget.Personal();
            case ENTERPRISE -> {
                if (body.grantId() == null) {
                    throw new InvalidInputException("IDENTITY_SWITCH_TARGET_REQUIRED");
                }
                yield new SwitchTarget.Enterprise(body.grantId());
            }
        };
    }
}
