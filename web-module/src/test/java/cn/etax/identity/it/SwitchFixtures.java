package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ENT-9 / API-2: a person with identities in two enterprises, the enterprise login and the switch calls. */
final class SwitchFixtures {

    static final String IDENTITY = "/api/v1/me/identity";
    static final String IDENTITIES = "/api/v1/me/identities";
    static final String SWITCH = "/api/v1/me/identity/switch";
    static final String ENTERPRISE = "/api/v1/login/enterprise/";

    private SwitchFixtures() {
    }

    /**
     * The person {@code p} is tax officer and invoicer of {@code a} and tax officer of {@code b}; {@code bossA} and
     * {@code bossB} are the legal representatives logged in through the enterprise entry.
     */
    record TwoEnterprises(TestPerson p, Enterprise a, Enterprise b, Api bossA, Api bossB, long officerA,
                          long invoicerA, long officerB) {
    }

    static TwoEnterprises twoEnterprises() {
        Enterprise a = GrantFixtures.registerEnterprise();
        Enterprise b = GrantFixtures.registerEnterprise();
        Api bossA = EnterpriseCenterFixtures.enterpriseLoggedIn(a.creditCode(), a.legal());
        Api bossB = EnterpriseCenterFixtures.enterpriseLoggedIn(b.creditCode(), b.legal());
        TestPerson p = Fixtures.quickPerson();
        long officerA = GrantFixtures.offer(bossA, a, p, null);
        Reply inv = GrantFixtures.add(bossA, a, p, "INVOICER", null, "INVOICE_ISSUE", "TAX_QUERY");
        assertThat(inv.status()).as("add invoicer: %s", inv).isEqualTo(200);
        long invoicerA = inv.json().getJsonNumber("id").longValue();
        long officerB = GrantFixtures.offer(bossB, b, p, null);
        Reply confirmed = GrantFixtures.confirmWithFace(AccountFixtures.loggedIn(p), officerA, invoicerA, officerB);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isBetween(200, 204);
        return new TwoEnterprises(p, a, b, bossA, bossB, officerA, invoicerA, officerB);
    }

    /** The enterprise login of {@code p} into {@code creditCode}, choosing {@code grantId} when asked. */
    static Api enterpriseLogin(String creditCode, TestPerson p, long grantId) {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply started = browser.post(ENTERPRISE + "password", Json.createObjectBuilder().add("creditCode", creditCode)
                .add("account", p.phone()).add("password", p.password()).add("sliderToken", slider.token())
                .add("sliderPosition", slider.gap()).build());
        assertThat(started.status()).as("enterprise password step: %s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        Reply done = browser.smsStep(flow, Sim.latestCode(p.phone()));
        if ("CHOOSE_IDENTITY".equals(done.string("status"))) {
            done = browser.post(ENTERPRISE + "identity", Json.createObjectBuilder().add("flowToken", flow)
                    .add("grantId", grantId).build());
        }
        assertThat(done.string("status")).as("enterprise login: %s", done).isEqualTo("LOGGED_IN");
        return browser;
    }

    static Reply switchTo(Api browser, long grantId) {
        return browser.post(SWITCH, Json.createObjectBuilder().add("kind", "ENTERPRISE").add("grantId", grantId)
                .build());
    }

    static Reply switchToPersonal(Api browser) {
        return browser.post(SWITCH, Json.createObjectBuilder().add("kind", "PERSONAL").build());
    }

    static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<JsonObject> objects(Reply list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    /**
     * Time passes for one grant: its last valid day becomes yesterday, as if the validity ran out after the login
     * (the business clock cannot move that far without ending the session at its absolute limit).
     */
    static void validityEnded(long grantId) {
        ItSettings.Database db = ItSettings.fromEnvironment().db();
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             PreparedStatement s = c.prepareStatement(
                     "update taxpayer_grant set valid_until = ? where id = ?")) {
            s.setObject(1, Sim.today().minusDays(1));
            s.setLong(2, grantId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
