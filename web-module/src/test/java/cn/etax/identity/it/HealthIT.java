package cn.etax.identity.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Operations: health and API description")
class HealthIT {

    @Test
    @DisplayName("/health is UP and includes the database check (migrated and reachable)")
    void healthIncludesDatabase() {
        Reply r = Api.browser().get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.string("status")).isEqualTo("UP");
        JsonObject database = r.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name"))).findFirst().orElseThrow();
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("migrated")).isEqualTo("true");
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
}
