package cn.etax.identity.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

import java.util.Map;

/**
 * API-1: the versioned JSON API under {@code /api/v1}; OpenAPI at {@code /openapi}. Every resource class is
 * {@code @ApplicationScoped}: one instance serves all requests, so a resource keeps no request data in fields — the
 * request, response and headers come as {@code @Context} proxies, path and query values as method parameters.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "e-Tax Bureau Unified Identity Platform API", version = "1",
        description = "Registration, login steps and the personal account center. Errors: {code, message} with the "
                + "same message a page shows; Accept-Language zh-CN (default) or en."))
public class RestApplication extends Application {

    /** No generated WADL: {@code /openapi} is the API's one description, and it leaves the simulators out. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
