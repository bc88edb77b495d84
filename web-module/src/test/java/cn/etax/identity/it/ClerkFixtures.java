package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Clerks of the tax-office staff console (§8) and the console's REST calls. */
final class ClerkFixtures {

    static final String CLERK = "/api/v1/clerk";
    static final String DEMO_PASSWORD = "Demo@2026tax";
    static final String OFFICE = "clerk '%s' (13601020000 国家税务总局南昌市东湖区税务局)";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ClerkFixtures() {
    }

    /** A fresh clerk with the given duties at the demo clerks' office; answers his username. */
    /** The phones the clerks' login codes go to (RULE-2FA): the demo clerks' and those created here. */
    private static final Map<String, String> PHONES = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of("dengji01", "13900000011", "shouquan01", "13900000012", "guanli01", "13900000013"));

    static String newClerk(String... roles) {
        return newClerkOf("13601020000", "国家税务总局南昌市东湖区税务局", roles);
    }

    static String phoneOf(String username) {
        return PHONES.get(username);
    }

    /** A clerk created by an administrator: where his codes go. */
    static void phoneIs(String username, String phone) {
        PHONES.put(username, phone);
    }

    /** A clerk of the given tax office (its first two digits are his province, §8). */
    static String newClerkOf(String taxOfficeCode, String taxOfficeName, String... roles) {
        String username = "it" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
        JsonArrayBuilder r = Json.createArrayBuilder();
        for (String role : roles) {
            r.add(role);
        }
        String phone = Fixtures.newPhone();
        Reply created = Api.browser().post("/api/sim/clerks", Json.createObjectBuilder().add("username", username)
                .add("name", "测试科员").add("password", DEMO_PASSWORD).add("phone", phone)
                .add("taxOfficeCode", taxOfficeCode)
                .add("taxOfficeName", taxOfficeName).add("roles", r).build());
        assertThat(created.status()).as("fixture clerk: %s", created).isEqualTo(200);
        PHONES.put(username, phone);
        return username;
    }

    /**
     * The console's login, step 1, as a clerk does it: the slider dragged onto its gap, then username and password.
     * Answers the code step's flow.
     */
    static Reply login(Api browser, String username, String password) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        return browser.post(CLERK + "/login", Json.createObjectBuilder().add("username", username)
                .add("password", password).add("sliderToken", slider.token()).add("sliderPosition", slider.gap())
                .build());
    }

    /** Step 2 (RULE-2FA): the code sent to the clerk's phone and typed in; answers the console's session reply. */
    static Reply code(Api browser, String username, Reply started) {
        String flow = started.string("flowToken");
        Reply sent = browser.post(CLERK + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        assertThat(sent.status()).as("clerk code for %s: %s", username, sent).isEqualTo(204);
        return browser.post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", Sim.latestCode(phoneOf(username))).build());
    }

    static Api loggedIn(String username) {
        return loggedIn(username, DEMO_PASSWORD);
    }

    static Api loggedIn(String username, String password) {
        Api browser = Api.browser();
        Reply r = login(browser, username, password);
        assertThat(r.status()).as("clerk login %s: %s", username, r).isEqualTo(200);
        Reply done = code(browser, username, r);
        assertThat(done.status()).as("clerk code step %s: %s", username, done).isEqualTo(200);
        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        return browser;
    }

    /** The console's login page clicked through in the browser: password, slider, 获取验证码, the code and Enter. */
    static void logInOnPage(ChromiumBrowser browser, String username) {
        passwordAndCodeOnPage(browser, username, DEMO_PASSWORD);
        browser.waiter().until(ExpectedConditions.urlContains("/clerk/index.xhtml"));
    }

    /** Both steps of the login page with the given password; what follows is the caller's to wait for. */
    static void passwordAndCodeOnPage(ChromiumBrowser browser, String username, String password) {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.waiter();
        browser.type(By.id("clerkLogin:username"), username);
        browser.type(By.id("clerkLogin:password"), password);
        SliderDrag.ontoGap(driver, "clerkLogin");
        browser.click(By.id("clerkLogin:submit"));
        browser.click(By.id("clerkLogin:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerkLogin:messages"), "验证码已发送至"));
        browser.type(By.id("clerkLogin:smsCode"), Sim.latestCode(phoneOf(username)) + Keys.ENTER);
    }

    static JsonObjectBuilder person(TestPerson p) {
        return Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber());
    }

    static JsonObject registration(String code, TestPerson legal, TestPerson finance) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("creditCode", code)
                .add("name", "柜台登记企业" + code.substring(10)).add("kind", "ORDINARY")
                .add("provinceCode", "36").add("provinceName", "江西省").add("registrationType", "有限责任公司")
                .add("industry", "批发业").add("legalRepresentative", person(legal))
                .add("investors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "某某投资有限公司")
                        .add("documentType", "统一社会信用代码").add("documentNumber", "91350100M000100Y43")
                        .add("sharePercent", 100)));
        if (finance != null) {
            b.add("financeOfficer", person(finance));
        }
        return b.build();
    }

    static Reply register(Api clerk, String code, TestPerson legal, TestPerson finance) {
        return clerk.post(CLERK + "/taxpayers", registration(code, legal, finance));
    }

    static Reply addOffline(Api clerk, String code, TestPerson p, String type, String... permissions) {
        JsonArrayBuilder perms = Json.createArrayBuilder();
        for (String perm : permissions) {
            perms.add(perm);
        }
        return clerk.post(CLERK + "/taxpayers/" + code + "/grants", person(p).add("identityType", type)
                .add("permissions", perms).add("validUntil", JsonValue.NULL).build());
    }

    static Reply remove(Api clerk, String code, long grantId) {
        return clerk.send("DELETE", CLERK + "/taxpayers/" + code + "/grants/" + grantId, null, java.util.Map.of());
    }

    static JsonObject grant(Reply taxpayer, long grantId) {
        assertThat(taxpayer.status()).as("taxpayer: %s", taxpayer).isEqualTo(200);
        return taxpayer.json().getJsonArray("grants").stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getJsonNumber("id").longValue() == grantId).findFirst()
                .orElseThrow(() -> new AssertionError("no grant " + grantId));
    }

    static JsonObject grantOf(Reply taxpayer, String type, String state) {
        assertThat(taxpayer.status()).as("taxpayer: %s", taxpayer).isEqualTo(200);
        return taxpayer.json().getJsonArray("grants").stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("identityType").equals(type) && g.getString("state").equals(state))
                .findFirst().orElseThrow(() -> new AssertionError("no " + state + " " + type + " in " + taxpayer));
    }

    /** Audit rows of a target, oldest first, as "ACTION|detail", read straight from the test database. */
    static List<String> audit(String target) {
        return query("select action, detail from audit_record where target = ? order by occurred_at, id", target);
    }

    /** Audit rows whose detail names the clerk, oldest first. */
    static List<String> auditOfClerk(String username) {
        return query("select action, detail from audit_record where detail like ? order by occurred_at, id",
                "clerk '" + username + "'%");
    }

    /** The clerk's duties as stored, sorted, comma-separated. */
    static String rolesOf(String username) {
        return String.join(",", query("select r.role, c.username from clerk_role r join clerk c on c.id = r.clerk_id "
                + "where c.username = ? order by r.role", username).stream()
                .map(row -> row.substring(0, row.indexOf('|'))).toList());
    }

    /** The clerk's id, as the audit names him ({@code clerk:<id>}). */
    static long idOf(String username) {
        List<String> rows = query("select id, username from clerk where username = ?", username);
        assertThat(rows).as("clerk %s", username).hasSize(1);
        return Long.parseLong(rows.get(0).substring(0, rows.get(0).indexOf('|')));
    }

    private static List<String> query(String sql, String parameter) {
        ItSettings.Database db = ItSettings.fromEnvironment().db();
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + "|" + r.getString(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
