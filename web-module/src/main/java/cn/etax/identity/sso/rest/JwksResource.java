package cn.etax.identity.sso.rest;

import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API-2: {@code GET /api/v1/sso/jwks}, the public keys that verify identity assertions (see {@code AssertionSigner}:
 * previous, current and next in-memory key, or the platform token's key and its predecessors). Public; verifiers may
 * cache it for a few minutes.
 */
@ApplicationScoped
@Path("v1/sso/jwks")
@Tag(name = "sso", description = "Single sign-on for downstream tax applications (API-2)")
public class JwksResource {

    @Inject
    AssertionIssuer issuer;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "JWKS: the public keys that sign identity assertions — RS256 in memory, rotated, the next key "
            + "published before it signs; or the platform token's key (ES256, RS256 or SM2, kid = certificate "
            + "SHA-256 thumbprint) with the previous keys of a rotation")
    @APIResponse(responseCode = "200", description = "The JWK set ({\"keys\": [...]}, RFC 7517); cacheable for 300 s",
            content = @Content(mediaType = "application/jwk-set+json",
                    schema = @Schema(type = SchemaType.OBJECT)))
    public Response jwks() {
        JsonObject jwks = issuer.jwks();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(jwks.toString()).cacheControl(cache).build();
    }
}
