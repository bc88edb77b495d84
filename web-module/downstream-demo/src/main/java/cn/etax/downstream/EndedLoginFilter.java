package cn.etax.downstream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An assertion of a login the platform said has ended ({@link BackChannelLogoutResource}) is refused on every resource:
 * {@code 401} with {@code SESSION_ENDED}, as if it had expired.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class EndedLoginFilter implements ContainerRequestFilter {

    @Inject
    EndedLogins ended;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt
                && ended.ended(sid(jwt.getClaim("sid")))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", "SESSION_ENDED")
                            .add("message", "the platform logged this login out").build())
                    .build());
        }
    }

    private static String sid(Object claim) {
        return claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
    }
}
