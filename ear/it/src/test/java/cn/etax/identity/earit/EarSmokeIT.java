package cn.etax.identity.earit;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The EAR on Payara Server answers like the WAR on Payara Micro: health, pages, the login, the grants (API-1). */
class EarSmokeIT {

    @Test
    @DisplayName("health: UP once the database answers and the migrations ran; the login page renders")
    void healthAndLoginPage() {
        Browser browser = new Browser();

        Browser.Reply health = browser.get("/health");
        Browser.Reply page = browser.send("GET", "/login.xhtml", null, java.util.Map.of("Accept", "text/html"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"migrated\":\"true\"");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("电子税务局");
    }

    @Test
    @DisplayName("LOGIN-1, RULE-2FA: 张三 logs in by password + SMS code; /api/v1/me/identity names him (masked)")
    void login() {
        Browser browser = new Browser();

        Browser.Reply done = browser.login(Browser.ZHANG_SAN_PHONE, Browser.ZHANG_SAN_PASSWORD,
                Browser.ZHANG_SAN_PHONE);
        Browser.Reply identity = browser.get("/api/v1/me/identity");

        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        assertThat(identity.status()).isEqualTo(200);
        assertThat(identity.string("name")).isEqualTo("张*");
        assertThat(identity.json().getInt("realNameLevel")).isEqualTo(4);
    }

    @Test
    @DisplayName("PER-4: the company the core tax system bound him to shows in 张三's authorised enterprises")
    void grantList() {
        String code = Enterprises.zhangSansCompany();
        Browser browser = new Browser();
        browser.login(Browser.ZHANG_SAN_PHONE, Browser.ZHANG_SAN_PASSWORD, Browser.ZHANG_SAN_PHONE);

        Browser.Reply grants = browser.get("/api/v1/me/grants");
        Browser.Reply anonymous = new Browser().get("/api/v1/me/grants");

        assertThat(grants.status()).as("%s", grants).isEqualTo(200);
        List<JsonObject> mine = grants.parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(g -> code.equals(g.getString("creditCode"))).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(mine.get(0).getString("state")).isEqualTo("ACTIVE");
        assertThat(anonymous.status()).as("no session, no grants").isIn(302, 401, 403);
    }
}
