package cn.etax.identity.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Operations: health and API description")
class HealthIT {

    @Test
    @DisplayName("/health is UP and includes the database check (migrated and reachable) and the application's start")
    void healthIncludesDatabase() {
        Reply r = Api.browser().get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.string("status")).isEqualTo("UP");
        JsonObject database = r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name"))).findFirst().orElseThrow();
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("migrated")).isEqualTo("true");
        assertThat(r.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .anyMatch(c -> "application".equals(c.getString("name")) && "UP".equals(c.getString("status")));
    }

    @Test
    @DisplayName("API-1: /openapi describes the login API, including POST /api/v1/login/password")
    void openApiListsLogin() {
        Reply r = Api.browser().get("/openapi");

        assertThat(r.status()).isEqualTo(200);
        JsonObject paths = r.json().getJsonObject("paths");
        assertThat(paths.keySet()).contains("/api/v1/login/password", "/api/v1/login/sms", "/api/v1/login/logout");
        assertThat(paths.getJsonObject("/api/v1/login/password").keySet()).containsExactly("post");
    }

    @Test
    @DisplayName("API-1: a client can be generated from /openapi: operationIds and tags unique, each body its own "
            + "schema even where several resources name their records alike")
    void openApiFitForClientGenerators() {
        JsonObject api = Api.browser().get("/openapi").json();
        JsonObject paths = api.getJsonObject("paths");
        java.util.List<String> ids = paths.values().stream().flatMap(item -> item.asJsonObject().values().stream())
                .filter(op -> op.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT)
                .map(op -> op.asJsonObject().getString("operationId", "")).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
        assertThat(api.getJsonArray("tags").getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")))
                .doesNotHaveDuplicates();
        assertThat(Api.browser().get("/api/application.wadl").status()).as("no second, generated description")
                .isEqualTo(404);
        JsonObject schemas = api.getJsonObject("components").getJsonObject("schemas");
        java.util.Map<String, String> bodyHas = java.util.Map.of(
                "/api/v1/login/password", "account", "/api/v1/login/legacy/password", "creditCode",
                "/api/v1/social-security/login/password", "username",
                "/api/v1/recovery/password-reset/complete", "code", "/api/v1/registrations/identity-check", "idNumber",
                "/api/v1/me/enterprise/reveal", "investorId");
        assertThat(schemas.getJsonObject("ErrorBody").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("code", "message");
        JsonObject login = paths.getJsonObject("/api/v1/login/password").getJsonObject("post");
        assertThat(login.getJsonObject("responses").getJsonObject("4XX").toString()).contains("ErrorBody");
        assertThat(paths.getJsonObject("/api/v1/sync/taxpayer-registrations").getJsonObject("post")
                .getJsonArray("security").toString()).contains("syncToken");
        assertThat(paths.getJsonObject("/api/v1/me/profile").getJsonObject("get").getJsonArray("security").toString())
                .contains("session");
        bodyHas.forEach((path, property) -> {
            String ref = paths.getJsonObject(path).getJsonObject("post").getJsonObject("requestBody")
                    .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
                    .getString("$ref");
            assertThat(schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)).getJsonObject("properties")
                    .keySet()).as(path).contains(property);
        });
    }

    @Test
    @DisplayName("API-1: /openapi is typed from the Java types: success answers by status, ids as "
            + "int64, dates as dates, enums as string enums, the EJB module's bodies with their fields")
    void openApiTypedFromTheJavaTypes() {
        JsonObject api = Api.browser().get("/openapi").json();
        // (Payara writes its own "endpoints" member again when it merges the documents of several applications, as
        // here with the downstream demo beside this one; alone on a server the document has only OpenAPI's members)
        JsonObject paths = api.getJsonObject("paths");
        JsonObject schemas = api.getJsonObject("components").getJsonObject("schemas");
        assertThat(api.toString()).as("no schema that forbids every property").doesNotContain("\"maxProperties\":0");

        JsonObject password = paths.getJsonObject("/api/v1/login/password").getJsonObject("post");
        assertThat(password.getJsonObject("requestBody").getBoolean("required")).isTrue();
        assertThat(password.getJsonObject("responses").keySet()).containsExactlyInAnyOrder("200", "4XX", "5XX");
        assertThat(ref(password.getJsonObject("responses").getJsonObject("200"))).isEqualTo("LoginStarted");
        assertThat(paths.getJsonObject("/api/v1/login/sms-code").getJsonObject("post").getJsonObject("responses")
                .keySet()).as("void: no body").containsExactlyInAnyOrder("204", "4XX", "5XX");

        JsonObject staff = paths.getJsonObject("/api/v1/me/enterprise/staff").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        assertThat(staff.getString("type")).isEqualTo("array");
        JsonObject grant = schemas.getJsonObject("GrantView").getJsonObject("properties");
        assertThat(grant.getJsonObject("id").getString("format")).isEqualTo("int64");
        assertThat(grant.getJsonObject("validUntil").getString("format")).isEqualTo("date");
        assertThat(grant.getJsonObject("identityType").getString("$ref")).endsWith("/IdentityType");
        assertThat(schemas.getJsonObject("IdentityType").getJsonArray("enum").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString)).containsExactly("LEGAL_REPRESENTATIVE", "FINANCE_OFFICER",
                "TAX_OFFICER", "INVOICER");
        assertThat(schemas.getJsonObject("IdType").getJsonArray("enum")).as("constants only, no static fields")
                .hasSize(11);

        JsonObject change = schemas.getJsonObject(ref(paths.getJsonObject("/api/v1/sync/key-personnel-changes")
                .getJsonObject("post").getJsonObject("requestBody"))).getJsonObject("properties");
        assertThat(change.keySet()).containsExactlyInAnyOrder("messageId", "creditCode", "role", "person",
                "effectiveAt");
        assertThat(change.getJsonObject("effectiveAt").getString("format")).isEqualTo("date-time");

        // answers built by hand are stated with their status and type too
        JsonObject registered = paths.getJsonObject("/api/v1/registrations").getJsonObject("post")
                .getJsonObject("responses");
        assertThat(registered.keySet()).containsExactlyInAnyOrder("201", "4XX", "5XX");
        assertThat(ref(registered.getJsonObject("201"))).isEqualTo("Registered");
        assertThat(schemas.getJsonObject("Registered").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("personId", "realNameLevel");
        JsonObject jwks = paths.getJsonObject("/api/v1/sso/jwks").getJsonObject("get").getJsonObject("responses");
        assertThat(jwks.keySet()).containsExactlyInAnyOrder("200", "4XX", "5XX");
        assertThat(jwks.getJsonObject("200").getJsonObject("content").getJsonObject("application/jwk-set+json")
                .getJsonObject("schema").getString("type")).isEqualTo("object");
    }

    private static String ref(JsonObject bodyOrAnswer) {
        String ref = bodyOrAnswer.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
                .getString("$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
