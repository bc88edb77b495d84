package cn.etax.identity.web.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The API description typed from the Java types themselves (API-1). The server's annotation scanner types what it
 * meets in other modules' jars as bare {@code object} (enums, dates, the EJB module's records), ids as untyped
 * {@code number}, every success as {@code default} and a {@code void} answer as a JSON body; a client generated from
 * that has {@code Object kind} and {@code BigDecimal grantId}. Here the application's own classes are read once: each
 * resource method gives its operation a {@code 200} with the returned type, {@code 204} for {@code void}, a required
 * request body of the parameter's type and typed path, query and header parameters; each schema of a Java record or
 * enum gets its components' types ({@code integer/int64} for ids, {@code string/date} for dates, string enums with
 * their constants, arrays of those). What cannot be read this way is left as the scanner wrote it.
 */
final class OpenApiTypes {

    private static final Logger LOG = Logger.getLogger(OpenApiTypes.class.getName());
    private static final String ROOT = "cn/etax/identity";
    private static final String REFS = "#/components/schemas/";
    private static final String API_ROOT = "/api";

    private final Map<String, Class<?>> bySchemaName = new HashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();
    private final List<Class<?>> resources;
    private final Components components;

    /**
     * Each record and enum under its schema name: the {@code @Schema} name or the simple name, and where two
     * classes share one (several {@code State} enums) the enclosing class's name before it
     * ({@code EnterpriseCertificateState}).
     */
    private OpenApiTypes(Collection<Class<?>> classes, Components components) {
        this.components = components;
        Map<String, List<Class<?>>> bySimple = new HashMap<>();
        for (Class<?> c : classes) {
            if (c.isEnum() || c.isRecord()) {
                bySimple.computeIfAbsent(schemaName(c), k -> new java.util.ArrayList<>()).add(c);
            }
        }
        Set<String> taken = new HashSet<>();
        bySimple.forEach((name, group) -> {
            if (group.size() == 1) {
                names.put(group.get(0), name);
                taken.add(name);
            }
        });
        bySimple.forEach((name, group) -> {
            if (group.size() > 1) {
                for (Class<?> c : group) {
                    String qualified = (c.getEnclosingClass() == null ? "" : schemaName(c.getEnclosingClass()))
                            + name;
                    if (taken.add(qualified)) {
                        names.put(c, qualified);
                    }
                }
            }
        });
        names.forEach((c, name) -> bySchemaName.put(name, c));
        this.resources = classes.stream().filter(c -> c.isAnnotationPresent(Path.class)).toList();
    }

    /** Types the document in place; a class path it cannot read leaves the document as it was. */
    static void apply(OpenAPI openAPI, ClassLoader loader) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        List<Class<?>> classes = applicationClasses(loader);
        if (classes.isEmpty()) {
            return;
        }
        OpenApiTypes types = new OpenApiTypes(classes, openAPI.getComponents());
        types.typeSchemas();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            types.typeOperations(openAPI.getPaths().getPathItems());
            types.dropUnreferenced(openAPI.getPaths().getPathItems());
        }
    }

    /** Schemas the scanner wrote under a name two classes share, now typed under their own names: left unused. */
    private void dropUnreferenced(Map<String, PathItem> paths) {
        Set<String> used = new HashSet<>();
        java.util.Deque<Schema> open = new java.util.LinkedList<>(); // takes the nulls of absent parts
        paths.values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                schemasOf(op.getRequestBody().getContent(), open);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> schemasOf(r.getContent(), open));
            }
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> open.add(p.getSchema()));
            }
        }));
        while (!open.isEmpty()) {
            Schema schema = open.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name) && components.getSchemas() != null) {
                    open.add(components.getSchemas().get(name));
                }
            }
            if (schema.getProperties() != null) {
                open.addAll(schema.getProperties().values());
            }
            open.add(schema.getItems());
            open.add(schema.getAdditionalPropertiesSchema());
            for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                    schema.getOneOf())) {
                if (composed != null) {
                    open.addAll(composed);
                }
            }
        }
        if (components.getSchemas() != null) {
            new java.util.ArrayList<>(components.getSchemas().keySet()).stream()
                    .filter(name -> !used.contains(name)).forEach(components::removeSchema);
        }
    }

    private static void schemasOf(Content content, java.util.Deque<Schema> open) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> open.add(m.getSchema()));
        }
    }

    // ---- the schemas of records and enums

    private void typeSchemas() {
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of()
                : new LinkedHashMap<>(components.getSchemas());
        schemas.forEach((name, schema) -> {
            Class<?> c = bySchemaName.get(name);
            if (c != null) {
                components.addSchema(name, described(c, schema));
            } else {
                tidy(schema);
            }
        });
    }

    /** The class's schema, keeping what the annotations described (texts, examples). */
    private Schema described(Class<?> c, Schema scanned) {
        Schema schema = OASFactory.createSchema();
        if (scanned != null) {
            schema.description(scanned.getDescription()).example(scanned.getExample());
        }
        if (c.isEnum()) {
            return schema.type(Schema.SchemaType.STRING).enumeration(Arrays.stream(c.getEnumConstants())
                    .map(e -> (Object) ((Enum<?>) e).name()).toList());
        }
        schema.type(Schema.SchemaType.OBJECT);
        for (RecordComponent component : c.getRecordComponents()) {
            Schema property = typeOf(component.getGenericType());
            Schema before = scanned == null || scanned.getProperties() == null ? null
                    : scanned.getProperties().get(component.getName());
            if (before != null && before.getDescription() != null && property.getRef() == null) {
                property.description(before.getDescription());
            }
            schema.addProperty(component.getName(), property);
        }
        return schema;
    }

    /** Schema for a Java type as JSON-B writes and reads it. */
    private Schema typeOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                Schema array = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(typeOf(args[0]));
                return Set.class.isAssignableFrom(raw) ? array.uniqueItems(true) : array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(typeOf(args[1]));
            }
            if (raw == Optional.class) {
                return typeOf(args[0]);
            }
            return typeOf(raw);
        }
        if (!(type instanceof Class<?> c)) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        }
        if (c == long.class || c == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class
                || c == BigDecimal.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (c == LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c == LocalDateTime.class || c == LocalTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c.isArray()) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(typeOf(c.getComponentType()));
        }
        if (names.containsKey(c)) {
            String name = names.get(c);
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchema(name, OASFactory.createSchema()); // claimed first: records may nest
                components.addSchema(name, described(c, null));
            }
            return OASFactory.createSchema().ref(REFS + name);
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    /**
     * The scanner writes every attribute of a {@code @Schema} annotation, defaults included, and the default
     * {@code maxProperties: 0} forbids every property: such defaults go.
     */
    private static void tidy(Schema schema) {
        if (schema == null) {
            return;
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        for (Schema property : schema.getProperties() == null ? List.<Schema>of() : schema.getProperties().values()) {
            tidy(property);
        }
        tidy(schema.getItems());
    }

    // ---- the operations of resource methods

    private void typeOperations(Map<String, PathItem> paths) {
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                String path = path(resource, method);
                PathItem item = paths.get(path);
                Operation op = item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
                if (op != null) {
                    typeOperation(method, op);
                }
            }
        }
    }

    private void typeOperation(Method method, Operation op) {
        java.lang.reflect.Parameter[] params = method.getParameters();
        for (java.lang.reflect.Parameter p : params) {
            String in = p.isAnnotationPresent(PathParam.class) ? "path"
                    : p.isAnnotationPresent(QueryParam.class) ? "query"
                    : p.isAnnotationPresent(HeaderParam.class) ? "header" : null;
            if (in != null) {
                String name = in.equals("path") ? p.getAnnotation(PathParam.class).value()
                        : in.equals("query") ? p.getAnnotation(QueryParam.class).value()
                        : p.getAnnotation(HeaderParam.class).value();
                for (Parameter documented : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
                    if (name.equalsIgnoreCase(documented.getName()) && documented.getIn() != null
                            && documented.getIn().toString().equalsIgnoreCase(in)) {
                        documented.setSchema(typeOf(p.getParameterizedType()));
                    }
                }
            } else if (isBody(p) && op.getRequestBody() != null) {
                op.getRequestBody().required(true).content(json(typeOf(p.getParameterizedType())));
            }
        }
        APIResponses responses = op.getResponses();
        if (responses == null) {
            return;
        }
        if (method.getReturnType() == Response.class) {
            annotatedAnswers(method, responses);
            return;
        }
        APIResponse scanned = responses.getDefaultValue();
        responses.removeAPIResponse(APIResponses.DEFAULT);
        if (method.getReturnType() == void.class) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Done; no body")
                    .content(OASFactory.createContent()));
        } else {
            responses.addAPIResponse("200", OASFactory.createAPIResponse()
                    .description(scanned == null || scanned.getDescription() == null
                            || scanned.getDescription().startsWith("Default") ? "OK" : scanned.getDescription())
                    .content(json(typeOf(method.getGenericReturnType()))));
        }
    }

    /**
     * A method answering a {@link Response} states its answers with {@code @APIResponse}; the scanner makes of their
     * schemas an object that forbids every property (and lists another class's), so each is typed here again: the
     * {@code implementation}'s schema, or a bare schema of the annotation's type.
     */
    private void annotatedAnswers(Method method, APIResponses responses) {
        for (org.eclipse.microprofile.openapi.annotations.responses.APIResponse answer : method.getAnnotationsByType(
                org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
            APIResponse documented = responses.getAPIResponse(answer.responseCode());
            if (documented == null || answer.content().length == 0) {
                continue;
            }
            Content content = OASFactory.createContent();
            for (org.eclipse.microprofile.openapi.annotations.media.Content c : answer.content()) {
                org.eclipse.microprofile.openapi.annotations.media.Schema declared = c.schema();
                Schema schema = declared.implementation() != Void.class ? typeOf(declared.implementation())
                        : OASFactory.createSchema().type(declared.type().name().equals("DEFAULT")
                                ? Schema.SchemaType.OBJECT : Schema.SchemaType.valueOf(declared.type().name()));
                content.addMediaType(c.mediaType(), OASFactory.createMediaType().schema(schema));
            }
            documented.setContent(content);
        }
    }

    private static Content json(Schema schema) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, media);
    }

    private static boolean isBody(java.lang.reflect.Parameter p) {
        for (Class<? extends Annotation> a : List.of(PathParam.class, QueryParam.class, HeaderParam.class,
                CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class, Context.class,
                Suspended.class)) {
            if (p.isAnnotationPresent(a)) {
                return false;
            }
        }
        return true;
    }

    private static String httpMethod(Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code /api} + the class's path + the method's, a path parameter's pattern left out, as the document has it. */
    static String path(Class<?> resource, Method method) {
        String joined = API_ROOT + "/" + resource.getAnnotation(Path.class).value()
                + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
        String path = joined.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String schemaName(Class<?> c) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
    }

    // ---- the application's classes

    /** Every class under {@code cn.etax.identity} that the loader sees, in directories or jars; none if unreadable. */
    static List<Class<?>> applicationClasses(ClassLoader loader) {
        Set<String> names = new java.util.TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(ROOT))) {
                if ("file".equals(url.getProtocol())) {
                    java.nio.file.Path root = Paths.get(url.toURI());
                    java.nio.file.Path base = root;
                    for (int i = 0; i < ROOT.split("/").length; i++) {
                        base = base.getParent();
                    }
                    java.nio.file.Path classes = base;
                    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                        files.map(f -> classes.relativize(f).toString().replace(File.separatorChar, '/'))
                                .forEach(n -> addClassName(names, n));
                    }
                } else if (url.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().forEach(e -> addClassName(names, e.getName()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.log(Level.WARNING, "API description left as scanned: the application's classes could not be read", e);
            return List.of();
        }
        return names.stream().<Class<?>>map(n -> {
            try {
                return Class.forName(n, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    private static void addClassName(Set<String> names, String entry) {
        if (entry.startsWith(ROOT + "/") && entry.endsWith(".class") && !entry.endsWith("module-info.class")
                && !entry.endsWith("package-info.class") && !entry.matches(".*\\$\\d+.*")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
