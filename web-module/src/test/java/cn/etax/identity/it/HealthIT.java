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
}
