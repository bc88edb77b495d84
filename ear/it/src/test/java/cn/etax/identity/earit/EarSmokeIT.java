package cn.etax.identity.earit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The EAR on Payara Server answers like the WAR on Payara Micro: health, pages, the login, the grants (API-1). */
class EarSmokeIT {

    /** 示范科技有限公司 of the demo data, 张三 its legal representative. */
    private static final String DEMO_COMPANY = "91360102MA35K8DE0A";

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

    @Test
    @DisplayName("§9, LOGIN-6 through the EAR's own connector module: 张三 logs in to 示范科技 with its demo SM2 key, PIN "
            + "and SMS code, as its legal representative")
    void certificateLogin() {
        Browser browser = new Browser();
        Browser.Reply challenge = browser.post("/api/v1/login/certificate/challenge", Json.createObjectBuilder().build());
        assertThat(challenge.status()).as("%s", challenge).isEqualTo(200);
        String flow = challenge.string("flowToken");
        Browser.Reply signed = browser.post("/api/sim/cert-helper/tokens/demo-" + DEMO_COMPANY + "/sign",
                Json.createObjectBuilder().add("alias", "sm2").add("pin", "12345678")
                        .add("data", challenge.string("challenge")).build());
        assertThat(signed.status()).as("the helper signs on the key: %s", signed).isEqualTo(200);

        Browser.Reply certified = browser.post("/api/v1/login/certificate/signature", Json.createObjectBuilder()
                .add("flowToken", flow).add("certificate", signed.string("certificate"))
                .add("signature", signed.string("signature")).build());
        assertThat(certified.status()).as("signature, chain and revocation checked by the connector: %s", certified)
                .isEqualTo(200);
        assertThat(certified.string("creditCode")).isEqualTo(DEMO_COMPANY);
        assertThat(certified.string("algorithm")).isEqualTo("SM2");
        JsonObject legal = certified.json().getJsonArray("staff").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("identityType").equals("LEGAL_REPRESENTATIVE")).findFirst().orElseThrow();
        assertThat(legal.getString("name")).isEqualTo("张*");

        Browser.Reply staff = browser.post("/api/v1/login/certificate/staff", Json.createObjectBuilder()
                .add("flowToken", flow).add("grantId", legal.getJsonNumber("grantId").longValue()).build());
        assertThat(staff.status()).as("%s", staff).isEqualTo(200);
        assertThat(browser.post("/api/v1/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build())
                .status()).isEqualTo(204);
        String code = browser.get("/api/sim/sms/latest-code?phone=" + Browser.ZHANG_SAN_PHONE).string("code");
        Browser.Reply done = browser.post("/api/v1/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build());
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        Browser.Reply identity = browser.get("/api/v1/me/identity");
        assertThat(identity.string("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(identity.json().getJsonObject("taxpayer").getString("creditCode")).isEqualTo(DEMO_COMPANY);
    }
}
