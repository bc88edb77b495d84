package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-4 特定主体 over REST: the core tax system pushes cross-region tax matters and tax-source registrations with
 * their handlers; at the special-subject entry the taxpayer's main identities see all its valid subjects of the
 * chosen type, a handler only those whose report form names him, and anybody else gets the seeds' refusals. The
 * session then acts as the subject, with no account center, and switches between subjects.
 */
@DisplayName("LOGIN-4: the special-subject entry for cross-region subjects")
class SpecialLoginIT {

    static final String SUBJECTS = "/api/v1/sync/cross-region-subjects";
    static final String CENTER = "/api/v1/me/cross-region";
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
    }

    /** A fresh management (or registration) number. */
    static String newNumber() {
        return "3604022026" + String.format("%09d", NUMBERS.incrementAndGet() % 1_000_000_000L);
    }

    /** The core tax system's message about a subject; answers its reply. */
    static Reply push(String kind, String number, String creditCode, String handlerName, String handlerPhone,
                      LocalDate until, boolean closed) {
        return push(UUID.randomUUID().toString(), kind, number, creditCode, handlerName, handlerPhone, until, closed);
    }

    static Reply push(String messageId, String kind, String number, String creditCode, String handlerName,
                      String handlerPhone, LocalDate until, boolean closed) {
        var body = Json.createObjectBuilder().add("messageId", messageId).add("kind", kind).add("number", number)
                .add("creditCode", creditCode).add("province", "江西省").add("city", "九江市").add("district", "濂溪区")
                .add("taxAuthority", "国家税务总局九江市濂溪区税务局").add("handlerName", handlerName)
                .add("handlerPhone", handlerPhone).add("validFrom", Sim.today().minusDays(30).toString())
                .add("closed", closed);
        if (until != null) {
            body.add("validUntil", until.toString());
        }
        return Api.browser().send("POST", SUBJECTS, body.build(), Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN));
    }

    static String pushed(String kind, String creditCode, TestPerson handler) {
        String number = newNumber();
        Reply r = push(kind, number, creditCode, handler.name(), handler.phone(), Sim.today().plusDays(90), false);
        assertThat(r.status()).as("push subject: %s", r).isEqualTo(200);
        return number;
    }

    /** The special-subject entry: type, credit code, password, slider, SMS code; answers the second factor's reply. */
    static AgentLoginIT.SecondFactor special(Api browser, String kind, String creditCode, TestPerson p) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply started = browser.post("/api/v1/login/special/password", Json.createObjectBuilder().add("kind", kind)
                .add("creditCode", creditCode).add("account", p.phone()).add("password", p.password())
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(started.status()).as("special password step: %s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        return new AgentLoginIT.SecondFactor(flow, browser.smsStep(flow, Sim.latestCode(p.phone())));
    }

    static List<JsonObject> subjects(Reply chooseSubject) {
        assertThat(chooseSubject.string("status")).as("%s", chooseSubject).isEqualTo("CHOOSE_SUBJECT");
        return chooseSubject.json().getJsonArray("subjects").getValuesAs(JsonObject.class);
    }

    static long idOf(List<JsonObject> subjects, String number) {
        return subjects.stream().filter(s -> s.getString("number").equals(number)).findFirst().orElseThrow()
                .getJsonNumber("subjectId").longValue();
    }

    static Reply enter(Api browser, AgentLoginIT.SecondFactor chosen, long subjectId) {
        return browser.post("/api/v1/login/special/subject", Json.createObjectBuilder()
                .add("flowToken", chosen.flowToken()).add("subjectId", subjectId).build());
    }

    @Test
    @DisplayName("the legal representative sees every valid subject of the chosen type, enters one, has no account "
            + "center, switches to another subject and then to personal business")
    void main_identity_enters_and_switches() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson someone = Fixtures.quickPerson();
        String first = pushed("INSPECTION", e.creditCode(), someone);
        String second = pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());
        String source = pushed("TAX_SOURCE", e.creditCode(), someone);

        Api browser = Api.browser();
        AgentLoginIT.SecondFactor chosen = special(browser, "INSPECTION", e.creditCode(), e.legal());
        List<JsonObject> listed = subjects(chosen.reply());
        assertThat(listed.stream().map(s -> s.getString("number"))).containsExactlyInAnyOrder(first, second)
                .doesNotContain(source);
        assertThat(listed.get(0).getString("region")).isEqualTo("江西省九江市濂溪区");
        assertThat(browser.get(CENTER).status()).as("no session before 进入").isIn(401, 403);

        Reply entered = enter(browser, chosen, idOf(listed, first));
        assertThat(entered.status()).as("%s", entered).isEqualTo(200);
        assertThat(entered.string("status")).isEqualTo("LOGGED_IN");
        JsonObject crossRegion = entered.json().getJsonObject("crossRegion");
        assertThat(crossRegion.getString("number")).isEqualTo(first);
        assertThat(crossRegion.getString("role")).isEqualTo("MAIN");
        assertThat(strings(crossRegion, "permissions")).contains("TAX_FILING_AND_PAYMENT")
                .doesNotContain("ACCOUNT_MANAGEMENT", "AGENCY_MANAGEMENT");

        JsonObject identity = browser.get("/api/v1/me/identity").json();
        assertThat(identity.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(identity.getJsonObject("crossRegion").getString("kind")).isEqualTo("INSPECTION");
        assertThat(browser.get("/api/v1/me/enterprise").status()).as("特定主体无账户中心").isEqualTo(403);
        for (String personalCenter : List.of("/api/v1/me/profile", "/api/v1/me/login-log", "/api/v1/me/grants",
                "/api/v1/me/documents")) {
            Reply none = browser.get(personalCenter);
            assertThat(none.status()).as("特定主体无账户中心: %s %s", personalCenter, none).isEqualTo(403);
            assertThat(none.code()).isEqualTo("ACCOUNT_CENTER_UNAVAILABLE");
        }
        Reply staff = browser.get("/api/v1/me/enterprises/" + e.creditCode() + "/staff");
        assertThat(staff.status()).as("%s", staff).isEqualTo(403);
        assertThat(staff.code()).as("staff are managed from the enterprise entry").isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
        Reply page = browser.get("/account/profile.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("特定主体登录无账户中心").doesNotContain("id=\"accountNav\"");
        JsonObject claims = claims(browser.get("/api/v1/me/assertion").string("assertion"));
        assertThat(claims.getString("identity_kind")).isEqualTo("CROSS_REGION");
        assertThat(claims.getString("cross_region_number")).isEqualTo(first);
        assertThat(claims.getString("taxpayer_credit_code")).isEqualTo(e.creditCode());

        assertThat(browser.get("/api/v1/me/identities").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getBoolean("current"))).as("a subject is none of his enterprise identities").isEmpty();
        Reply elsewhere = browser.post("/api/v1/me/identity/switch", Json.createObjectBuilder()
                .add("kind", "PERSONAL").build());
        assertThat(elsewhere.code()).isEqualTo("CROSS_REGION_SWITCH_ON_ITS_PAGE");

        Reply center = browser.get(CENTER);
        assertThat(center.status()).as("%s", center).isEqualTo(200);
        assertThat(center.json().getJsonObject("current").getString("number")).isEqualTo(first);
        String sessionBefore = browser.sessionId().orElseThrow();
        Reply switched = browser.post(CENTER + "/switch", Json.createObjectBuilder()
                .add("subjectId", idOf(listed, second)).build());
        assertThat(switched.status()).as("%s", switched).isEqualTo(200);
        assertThat(switched.json().getJsonObject("crossRegion").getString("number")).isEqualTo(second);
        assertThat(browser.sessionId().orElseThrow()).as("LOGIN-9: a new session id").isNotEqualTo(sessionBefore);

        Reply personal = browser.post(CENTER + "/personal", Json.createObjectBuilder().build());
        assertThat(personal.status()).as("%s", personal).isEqualTo(200);
        assertThat(personal.json().containsKey("crossRegion")).isFalse();
        assertThat(browser.get(CENTER).code()).isEqualTo("CROSS_REGION_LOGIN_REQUIRED");
    }

    @Test
    @DisplayName("a handler with no identity in the taxpayer sees only the subjects whose report form names him, "
            + "with a handler's permissions")
    void handler_sees_only_his_own() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson handler = Fixtures.quickPerson();
        String his = pushed("INSPECTION", e.creditCode(), handler);
        String other = pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());
        long otherId = idOf(subjects(special(Api.browser(), "INSPECTION", e.creditCode(), e.legal()).reply()), other);

        Api browser = Api.browser();
        AgentLoginIT.SecondFactor chosen = special(browser, "INSPECTION", e.creditCode(), handler);
        List<JsonObject> listed = subjects(chosen.reply());
        assertThat(listed.stream().map(s -> s.getString("number"))).containsExactly(his);
        Reply foreign = enter(browser, chosen, otherId);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("CROSS_REGION_UNAVAILABLE");

        Reply entered = enter(browser, chosen, idOf(listed, his));
        JsonObject crossRegion = entered.json().getJsonObject("crossRegion");
        assertThat(crossRegion.getString("role")).isEqualTo("HANDLER");
        assertThat(strings(crossRegion, "permissions"))
                .containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "INVOICE_USE", "TAX_QUERY");
    }

    @Test
    @DisplayName("LOGIN-4's failures in the seeds' words: nothing valid (未查到相关信息), a name the form does not "
            + "name, the named handler with another phone")
    void refusals_in_the_seeds_words() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Reply nothing = special(Api.browser(), "TAX_SOURCE", e.creditCode(), e.legal()).reply();
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.message()).isEqualTo("未查到相关信息");

        TestPerson handler = Fixtures.quickPerson();
        pushed("INSPECTION", e.creditCode(), handler);
        TestPerson stranger = Fixtures.quickPersonNotNamed(handler.name());
        Reply notNamed = special(Api.browser(), "INSPECTION", e.creditCode(), stranger).reply();
        assertThat(notNamed.status()).isEqualTo(403);
        assertThat(notNamed.message())
                .isEqualTo("你的信息与《跨区域涉税事项报告表》经办人信息不符，身份校验未通过，请前往办税服务大厅办理相关业务。");

        TestPerson namesake = Fixtures.quickPerson();
        Reply r = push("INSPECTION", newNumber(), e.creditCode(), namesake.name(), Fixtures.newPhone(),
                Sim.today().plusDays(30), false);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        Reply otherPhone = special(Api.browser(), "INSPECTION", e.creditCode(), namesake).reply();
        assertThat(otherPhone.status()).isEqualTo(403);
        assertThat(otherPhone.message()).isEqualTo("你的手机号与《跨区域涉税事项报告表》经办人手机号不符，身份校验未通过，"
                + "您可以通过登录自然人业务在账户中心修改您的手机号码，或前往办税服务大厅修改您的手机号码。");
        JsonObject failure = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal())
                .get("/api/v1/me/enterprise/login-log?scope=all").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(x -> x.getJsonObject("login")).filter(x -> "FAILURE".equals(x.getString("outcome")))
                .findFirst().orElseThrow();
        assertThat(failure.getString("reasonText")).startsWith("你的手机号与");
    }

    @Test
    @DisplayName("a subject closed (核销) by a later message is gone from the list, and a session acting as it is "
            + "stopped at its next call")
    void a_closed_subject_stops_its_session() {
        Enterprise e = GrantFixtures.registerEnterprise();
        String number = newNumber();
        TestPerson handler = Fixtures.quickPerson();
        assertThat(push("INSPECTION", number, e.creditCode(), handler.name(), handler.phone(),
                Sim.today().plusDays(60), false).status()).isEqualTo(200);
        Api browser = Api.browser();
        AgentLoginIT.SecondFactor chosen = special(browser, "INSPECTION", e.creditCode(), e.legal());
        assertThat(enter(browser, chosen, idOf(subjects(chosen.reply()), number)).string("status"))
                .isEqualTo("LOGGED_IN");
        assertThat(browser.get(CENTER).status()).isEqualTo(200);

        assertThat(push("INSPECTION", number, e.creditCode(), handler.name(), handler.phone(),
                Sim.today().plusDays(60), true).status()).isEqualTo(200);
        Reply stopped = browser.get(CENTER);
        assertThat(stopped.status()).isEqualTo(403);
        assertThat(stopped.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        assertThat(special(Api.browser(), "INSPECTION", e.creditCode(), e.legal()).reply().message())
                .isEqualTo("未查到相关信息");

        Reply late = push("INSPECTION", number, e.creditCode(), handler.name(), handler.phone(),
                Sim.today().plusDays(60), false);
        assertThat(late.string("outcome")).as("a message sent before the closing reopens nothing: %s", late)
                .isEqualTo("UNCHANGED");
        assertThat(special(Api.browser(), "INSPECTION", e.creditCode(), e.legal()).reply().message())
                .isEqualTo("未查到相关信息");
    }

    @Test
    @DisplayName("ENT-9 身份切换-跨区域办税: from the enterprise identity to a subject of its taxpayer and back, without "
            + "logging in again; a handler has no way back, a personal session no way in")
    void enterprise_identity_switches_to_a_subject_and_back() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson handler = Fixtures.quickPerson();
        String number = pushed("TAX_SOURCE", e.creditCode(), handler);
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Reply available = boss.get(CENTER + "/available?kind=TAX_SOURCE");
        assertThat(available.status()).as("%s", available).isEqualTo(200);
        List<JsonObject> listed = available.jsonArray().getValuesAs(JsonObject.class);
        assertThat(listed.stream().map(s -> s.getString("number"))).containsExactly(number);
        assertThat(boss.get(CENTER + "/available?kind=INSPECTION").code()).isEqualTo("CROSS_REGION_NOT_FOUND");

        Reply entered = boss.post(CENTER + "/enter", Json.createObjectBuilder().add("kind", "TAX_SOURCE")
                .add("subjectId", idOf(listed, number)).build());
        assertThat(entered.status()).as("%s", entered).isEqualTo(200);
        assertThat(entered.json().getJsonObject("crossRegion").getString("number")).isEqualTo(number);
        assertThat(boss.get(CENTER).json().getJsonObject("current").getString("role")).isEqualTo("MAIN");

        Reply back = boss.post(CENTER + "/enterprise", Json.createObjectBuilder().build());
        assertThat(back.status()).as("%s", back).isEqualTo(200);
        assertThat(back.json().getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(boss.get("/api/v1/me/enterprise").status()).isEqualTo(200);

        Api handlerSession = Api.browser();
        AgentLoginIT.SecondFactor chosen = special(handlerSession, "TAX_SOURCE", e.creditCode(), handler);
        enter(handlerSession, chosen, idOf(subjects(chosen.reply()), number));
        Reply noWayBack = handlerSession.post(CENTER + "/enterprise", Json.createObjectBuilder().build());
        assertThat(noWayBack.status()).isEqualTo(403);
        assertThat(noWayBack.code()).isEqualTo("CROSS_REGION_NO_ENTERPRISE_IDENTITY");
        assertThat(AccountFixtures.loggedIn(e.legal()).get(CENTER + "/available?kind=TAX_SOURCE").code())
                .isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
    }

    @Test
    @DisplayName("API-3: a repeated message changes nothing; bad phones, missing places and another taxpayer's "
            + "number are refused")
    void the_sync_message_is_checked_and_idempotent() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Enterprise other = GrantFixtures.registerEnterprise();
        String id = UUID.randomUUID().toString();
        String number = newNumber();
        Reply first = push(id, "INSPECTION", number, e.creditCode(), "王某", "13900000000", null, false);
        Reply again = push(id, "INSPECTION", number, e.creditCode(), "王某", "13900000000", null, false);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        assertThat(push("INSPECTION", newNumber(), e.creditCode(), "王某", "123", null, false).status())
                .isEqualTo(400);
        assertThat(push("INSPECTION", number, other.creditCode(), "王某", "13900000000", null, false).code())
                .isEqualTo("CROSS_REGION_NUMBER_OF_OTHER_TAXPAYER");
        assertThat(Api.browser().post(SUBJECTS, Json.createObjectBuilder().add("messageId", "x1").build()).status())
                .as("without the sync token").isIn(401, 403, 404);
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject claims(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }
}
