package cn.etax.identity.web.rest;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API description as a client generator needs it ({@code mp.openapi.filter}): every operationId unique — the
 * generated ones are Java method names, and several resources have a {@code password} or a {@code confirm}, so a
 * name used more than once becomes method and path ({@code postLoginLegacyPassword}) — and each tag listed once.
 */
public class OpenApiTidy implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            uniqueOperationIds(openAPI.getPaths().getPathItems());
        }
        if (openAPI.getTags() != null) {
            Map<String, Tag> once = new LinkedHashMap<>();
            for (Tag tag : openAPI.getTags()) {
                once.putIfAbsent(tag.getName(), tag);
            }
            openAPI.setTags(new ArrayList<>(once.values()));
        }
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
