package cn.etax.downstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.logging.Logger;

/**
 * {@code POST /downstream/api/backchannel-logout} ({@code logout_token=<JWT>}): the platform says a login has ended
 * (LOGIN-9, OpenID Connect Back-Channel Logout 1.0). From then on its assertions are refused here, although they have
 * not expired. {@code 200} when taken, {@code 400 invalid_request} when the token is not a genuine logout token.
 */
@Path("backchannel-logout")
@ApplicationScoped
public class BackChannelLogoutResource {

    private static final Logger LOG = Logger.getLogger(BackChannelLogoutResource.class.getName());

    @Inject
    LogoutTokenVerifier verifier;

    @Inject
    EndedLogins ended;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("logout_token") String token) {
        try {
            ended.end(verifier.verify(token).getString("sid"));
            return Response.ok().header("Cache-Control", "no-store").build();
        } catch (LogoutTokenVerifier.Refused e) {
            LOG.info("logout token refused: " + e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).header("Cache-Control", "no-store")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", "invalid_request")
                            .add("error_description", e.getMessage()).build())
                    .build();
        }
    }
}
