package cn.etax.identity.web.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API description as a client generator needs it ({@code mp.openapi.filter}): typed from the Java types
 * ({@link OpenApiTypes}); no member OpenAPI 3.0 does not know; every operationId unique — the
 * generated ones are Java method names, and several resources have a {@code password} or a {@code confirm}, so a
 * name used more than once becomes method and path ({@code postLoginLegacyPassword}) — each tag listed once; the
 * error body every refusal has ({@code ErrorBody}: code and message) as the 4XX and 5XX answers of every operation;
 * and how callers are known: the session cookie {@code ETAXSESSION} (the person's, the fee payer's, the clerk's) and
 * the core systems' {@code X-Sync-Token} (API-3).
 */
public class OpenApiTidy implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        withoutServerEndpoints(openAPI);
        OpenApiTypes.apply(openAPI, OpenApiTidy.class.getClassLoader());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            uniqueOperationIds(openAPI.getPaths().getPathItems());
        }
        errorAnswers(openAPI);
        if (openAPI.getTags() != null) {
            Map<String, Tag> once = new LinkedHashMap<>();
            for (Tag tag : openAPI.getTags()) {
                once.putIfAbsent(tag.getName(), tag);
            }
            openAPI.setTags(new ArrayList<>(once.values()));
        }
    }

    /**
     * Payara adds a top-level {@code endpoints} member (each server URL's paths) that OpenAPI 3.0 does not have; a
     * validating generator refuses the whole document for it. The servers are already listed under {@code servers}.
     */
    private static void withoutServerEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new HashMap<>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another implementation: nothing of the kind to remove
        }
    }

    private static void errorAnswers(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("ErrorBody", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("Every refusal: a stable code for programs and the page's message for people "
                        + "(Accept-Language zh-CN, the default, or en)")
                .addProperty("code", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .required(List.of("code", "message")));
        components.addSecurityScheme("session", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("ETAXSESSION")
                .description("The session a login step answered with (persons, fee payers, clerks)"));
        components.addSecurityScheme("syncToken", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Sync-Token")
                .description("API-3: the core tax systems' shared secret (identity.sync.token)"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null) {
                op.setResponses(OASFactory.createAPIResponses());
            }
            for (String range : List.of("4XX", "5XX")) {
                if (op.getResponses().getAPIResponse(range) == null) {
                    op.getResponses().addAPIResponse(range, OASFactory.createAPIResponse()
                            .description(range.equals("4XX") ? "Refused: see code and message" : "Failure")
                            .content(OASFactory.createContent().addMediaType("application/json",
                                    OASFactory.createMediaType().schema(OASFactory.createSchema()
                                            .ref("#/components/schemas/ErrorBody")))));
                }
            }
            String scheme = path.startsWith("/api/v1/sync/") ? "syncToken"
                    : path.startsWith("/api/v1/me") || path.startsWith("/api/v1/clerk/") && !path.startsWith("/api/v1/clerk/login")
                    || path.equals("/api/v1/social-security/me") || path.equals("/api/v1/social-security/assertion")
                    ? "session" : null;
            if (scheme != null && (op.getSecurity() == null || op.getSecurity().isEmpty())) {
                op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme));
            }
        }));
    }

    private static void uniqueOperationIds(Map<String, PathItem> paths) {
        Map<String, Integer> uses = new HashMap<>();
        paths.values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getOperationId() != null) {
                uses.merge(op.getOperationId(), 1, Integer::sum);
            }
        }));
        paths.forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            if (op.getOperationId() == null || uses.get(op.getOperationId()) > 1) {
                op.setOperationId(idOf(method, path));
            }
        }));
    }

    /** {@code POST /api/v1/login/legacy/{flow}/sms-code} → {@code postLoginLegacyFlowSmsCode}. */
    static String idOf(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        List<String> words = new ArrayList<>(List.of(path.split("[/{}\\-_.]+")));
        words.removeIf(w -> w.isEmpty() || w.equals("api") || w.matches("v\\d+"));
        for (String w : words) {
            id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return id.toString();
    }
}
