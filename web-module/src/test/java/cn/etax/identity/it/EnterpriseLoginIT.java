package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.etax.identity.it.GrantFixtures.act;
import static cn.etax.identity.it.GrantFixtures.add;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.offer;
import static cn.etax.identity.it.GrantFixtures.staffMember;
import static cn.etax.identity.it.GrantFixtures.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-2 over REST: credit code + account + password + slider → SMS code → identity resolution (one active logs in,
 * several are chosen, an offer is confirmed, none / frozen refused with the seeds' messages, expired not offered),
 * and the session's current identity at /api/v1/me/identity.
 */
@DisplayName("LOGIN-2: enterprise entry")
class EnterpriseLoginIT {

    private static final String IDENTITY = "/api/v1/me/identity";
    private static final String ENTERPRISE = "/api/v1/login/enterprise/";

    @Test
    @DisplayName("the legal representative logs in with SMS and his session carries the taxpayer; the person entry "
            + "still logs in without one")
    void legal_representative_logs_in() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api browser = Api.browser();

        Reply done = enterpriseLogin(browser, e.creditCode(), e.legal());

        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        assertThat(done.json().getJsonObject("identity").getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(me.getJsonObject("taxpayer").getString("name")).startsWith("授权测试").contains("*");
        assertThat(me.getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(strings(me, "permissions")).contains("ACCOUNT_MANAGEMENT", "TAX_FILING_AND_PAYMENT");
        assertThat(me.getString("name")).isEqualTo(Fixtures.maskedName(e.legal().name()));
        JsonObject last = browser.get(AccountFixtures.ME + "/login-log").jsonArray().getJsonObject(0);
        assertThat(last.getString("entry")).isEqualTo("ENTERPRISE");
        assertThat(last.getString("outcome")).isEqualTo("SUCCESS");

        Api personEntry = AccountFixtures.loggedIn(e.legal());
        JsonObject person = personEntry.get(IDENTITY).json();
        assertThat(person.containsKey("taxpayer") && !person.isNull("taxpayer")).isFalse();
        assertThat(person.containsKey("identityType") && !person.isNull("identityType")).isFalse();
        assertThat(personEntry.get(AccountFixtures.ME + "/login-log").jsonArray().getJsonObject(0).getString("entry"))
                .isEqualTo("PERSON");
    }

    @Test
    @DisplayName("the QR face check is the second factor of the enterprise entry too")
    void qr_second_factor() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api browser = Api.browser();
        Reply started = passwordStep(browser, e.creditCode(), e.legal());
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        Reply qr = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", flow)
                .add("app", "TAX_APP").build());
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);

        Reply done = browser.post("/api/v1/login/qr/complete", Json.createObjectBuilder().add("flowToken", flow)
                .build());

        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
    }

    @Test
    @DisplayName("a finance officer with only the offered grant answers the seeds' question, completes the QR face "
            + "check (his second factor was SMS), then logs in; the grant is active")
    void finance_officer_confirms_then_logs_in() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api browser = Api.browser();

        Reply pending = enterpriseLogin(browser, e.creditCode(), e.finance());

        assertThat(pending.string("status")).as("%s", pending).isEqualTo("CONFIRM_PENDING");
        assertThat(pending.string("question")).isEqualTo("是否确认成为该企业的财务负责人");
        assertThat(pending.json().getBoolean("faceCheckRequired")).isTrue();
        JsonObject offered = pending.json().getJsonArray("identities").getJsonObject(0);
        assertThat(offered.getString("identityType")).isEqualTo("FINANCE_OFFICER");
        assertThat(offered.getString("state")).isEqualTo("PENDING");
        long grantId = offered.getJsonNumber("grantId").longValue();
        assertThat(browser.get(IDENTITY).status()).isNotEqualTo(200);

        // 点击确定，并完成扫码认证: without the face check nothing is confirmed
        Reply bare = step(browser, "confirm", lastFlow, grantId);
        assertThat(bare.status()).as("%s", bare).isEqualTo(401);
        assertThat(bare.code()).isEqualTo("GRANT_FACE_CHECK_REQUIRED");
        assertThat(bare.message()).isEqualTo("确认授权需完成扫码刷脸验证（通过人脸认证方式登录的无需重复刷脸确认）");
        Reply faceCheck = browser.post(ENTERPRISE + "confirm/face-check", Json.createObjectBuilder()
                .add("flowToken", lastFlow).add("grantId", grantId).add("app", "TAX_APP").build());
        assertThat(faceCheck.status()).as("%s", faceCheck).isEqualTo(200);
        String proof = faceCheck.string("proofToken");
        Reply early = confirm(browser, lastFlow, grantId, proof);
        assertThat(early.code()).as("%s", early).isEqualTo("QR_NOT_CONFIRMED");
        Fixtures.TaxApp.scanAndDecide(faceCheck.string("qrToken"), true);
        assertThat(browser.get(ENTERPRISE + "confirm/face-check/" + proof + "?flowToken=" + lastFlow).string("state"))
                .isEqualTo("CONFIRMED");

        Reply done = confirm(browser, lastFlow, grantId, proof);

        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(browser.get(IDENTITY).json().getString("identityType")).isEqualTo("FINANCE_OFFICER");
        JsonObject grant = staffMember(GrantFixtures.manager(e), e, grantId);
        assertThat(grant.getString("state")).isEqualTo("ACTIVE");
        assertThat(transitions(grant)).containsExactly("->PENDING", "PENDING>ACTIVE");
    }

    @Test
    @DisplayName("an offered tax officer who logged in by face confirms without a second face check; the question "
            + "names 办税员（开票员）; another person's login cannot use the proof")
    void face_login_confirms_at_once() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        long grantId = offer(GrantFixtures.manager(e), e, officer, null);

        Api browser = Api.browser();
        Reply started = passwordStep(browser, e.creditCode(), officer);
        String flow = started.string("flowToken");
        Reply qr = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", flow)
                .add("app", "TAX_APP").build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply pending = browser.post("/api/v1/login/qr/complete", Json.createObjectBuilder().add("flowToken", flow)
                .build());
        assertThat(pending.string("status")).as("%s", pending).isEqualTo("CONFIRM_PENDING");
        assertThat(pending.string("question")).isEqualTo("是否确认成为该企业的办税员（开票员）");
        assertThat(pending.json().getBoolean("faceCheckRequired")).isFalse();

        // the SMS login of someone else offered a grant of the same enterprise cannot confirm the officer's offer
        Reply foreign = enterpriseLogin(Api.browser(), e.creditCode(), e.finance());
        assertThat(foreign.string("status")).isEqualTo("CONFIRM_PENDING");
        Reply stolen = browser.post(ENTERPRISE + "confirm/face-check", Json.createObjectBuilder()
                .add("flowToken", lastFlow).add("grantId", grantId).build());
        assertThat(stolen.code()).as("%s", stolen).isEqualTo("ENTERPRISE_IDENTITY_UNAVAILABLE");

        Reply done = step(browser, "confirm", flow, grantId);

        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(staffMember(GrantFixtures.manager(e), e, grantId).getString("state"))
                .isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("two active identities in one company: choose one; a frozen one chosen is refused with the message")
    void several_identities_are_chosen_and_a_frozen_one_is_refused() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson both = Fixtures.quickPerson();
        long officer = offer(boss, e, both, null);
        long invoicer = invoicer(boss, e, both);
        confirmWithFace(AccountFixtures.loggedIn(both), officer, invoicer);

        Api browser = Api.browser();
        Reply choose = enterpriseLogin(browser, e.creditCode(), both);
        assertThat(choose.string("status")).as("%s", choose).isEqualTo("CHOOSE_IDENTITY");
        assertThat(choose.json().getJsonArray("identities").stream().map(v -> v.asJsonObject()
                .getString("identityType")).toList()).containsExactlyInAnyOrder("TAX_OFFICER", "INVOICER");
        Reply chosen = step(browser, "identity", lastFlow, invoicer);
        assertThat(chosen.string("status")).as("%s", chosen).isEqualTo("LOGGED_IN");
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getString("identityType")).isEqualTo("INVOICER");
        assertThat(strings(me, "permissions")).containsExactlyInAnyOrder("INVOICE_ISSUE", "TAX_QUERY");

        assertThat(act(boss, e, invoicer, "freeze").status()).isEqualTo(200);
        Api again = Api.browser();
        Reply list = enterpriseLogin(again, e.creditCode(), both);
        assertThat(list.string("status")).as("%s", list).isEqualTo("CHOOSE_IDENTITY");
        Reply frozen = step(again, "identity", lastFlow, invoicer);
        assertThat(frozen.status()).isEqualTo(403);
        assertThat(frozen.code()).isEqualTo("ENTERPRISE_IDENTITY_FROZEN");
        assertThat(frozen.message()).isEqualTo("您选择的办税人已经被锁定，请选择其他办税人");
        Reply other = step(again, "identity", lastFlow, officer);
        assertThat(other.string("status")).as("%s", other).isEqualTo("LOGGED_IN");
        assertThat(again.get(IDENTITY).json().getString("identityType")).isEqualTo("TAX_OFFICER");
        // RULE-LOG, ENT-10: the refused choice is in the enterprise's login log as his failure
        assertThat(boss.get("/api/v1/me/enterprise/login-log?scope=all").jsonArray().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("person").equals(Fixtures.maskedName(both.name())))
                .map(r -> r.getJsonObject("login")).map(l -> l.getString("outcome") + ":"
                        + (l.containsKey("reason") && !l.isNull("reason") ? l.getString("reason") : "")))
                .contains("FAILURE:ENTERPRISE_IDENTITY_FROZEN", "SUCCESS:");
    }

    @Test
    @DisplayName("a staff member whose only identity is frozen gets the message and no session")
    void only_a_frozen_identity() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson frozen = Fixtures.quickPerson();
        long grant = offer(boss, e, frozen, null);
        confirmWithFace(AccountFixtures.loggedIn(frozen), grant);
        assertThat(act(boss, e, grant, "freeze").status()).isEqualTo(200);
        Api browser = Api.browser();

        Reply r = enterpriseLogin(browser, e.creditCode(), frozen);

        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.message()).isEqualTo("您选择的办税人已经被锁定，请选择其他办税人");
        assertThat(browser.get(IDENTITY).status()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("no relation with the enterprise: 401 with the seeds' message, recorded in the login log")
    void no_relation() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson stranger = Fixtures.quickPerson();
        Api browser = Api.browser();

        Reply r = enterpriseLogin(browser, e.creditCode(), stranger);

        assertThat(r.status()).as("%s", r).isEqualTo(401);
        assertThat(r.code()).isEqualTo("ENTERPRISE_RELATION_NOT_FOUND");
        assertThat(r.message()).isEqualTo("未查询到您与该企业的关联关系");
        assertThat(browser.get(IDENTITY).status()).isNotEqualTo(200);
        JsonObject last = AccountFixtures.loggedIn(stranger).get(AccountFixtures.ME + "/login-log").jsonArray()
                .stream().map(JsonValue::asJsonObject).filter(x -> "ENTERPRISE".equals(x.getString("entry")))
                .findFirst().orElseThrow();
        assertThat(last.getString("outcome")).isEqualTo("FAILURE");
        assertThat(last.getString("reason")).isEqualTo("ENTERPRISE_RELATION_NOT_FOUND");
    }

    @Test
    @DisplayName("expired grants are not offered: the other identity logs in at once; only expired = no relation")
    void expired_grants_are_not_offered() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson mixed = Fixtures.quickPerson();
        TestPerson expired = Fixtures.quickPerson();
        long shortOfficer = offer(boss, e, mixed, Sim.today());
        long invoicer = invoicer(boss, e, mixed);
        confirmWithFace(AccountFixtures.loggedIn(mixed), shortOfficer, invoicer);
        confirmWithFace(AccountFixtures.loggedIn(expired), offer(boss, e, expired, Sim.today()));
        Sim.moveClock(Duration.ofHours(25));

        Api browser = Api.browser();
        Reply r = enterpriseLogin(browser, e.creditCode(), mixed);
        assertThat(r.string("status")).as("%s", r).isEqualTo("LOGGED_IN");
        assertThat(browser.get(IDENTITY).json().getString("identityType")).isEqualTo("INVOICER");

        Reply none = enterpriseLogin(Api.browser(), e.creditCode(), expired);
        assertThat(none.status()).as("%s", none).isEqualTo(401);
        assertThat(none.message()).isEqualTo("未查询到您与该企业的关联关系");
    }

    @Test
    @DisplayName("an invalid or unknown credit code is refused before the password with clear messages")
    void bad_credit_codes() {
        TestPerson p = Fixtures.quickPerson();

        String good = TaxpayerSyncIT.newCreditCode();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Reply invalid = passwordStep(Api.browser(), wrongCheck, p);
        assertThat(invalid.status()).as("%s", invalid).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("CREDIT_CODE_INVALID");

        Reply empty = passwordStep(Api.browser(), "", p);
        assertThat(empty.code()).isEqualTo("CREDIT_CODE_REQUIRED");

        Reply unknown = passwordStep(Api.browser(), good, p);
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("TAXPAYER_NOT_FOUND");
        assertThat(unknown.message()).isEqualTo("未查询到该纳税人信息，请核对统一社会信用代码（纳税人识别号）");
    }

    // ----

    private String lastFlow;

    /** Enterprise password step with the slider, SMS code sent and entered: answers the SMS step's reply. */
    private Reply enterpriseLogin(Api browser, String creditCode, TestPerson p) {
        Reply started = passwordStep(browser, creditCode, p);
        assertThat(started.status()).as("enterprise password step: %s", started).isEqualTo(200);
        lastFlow = started.string("flowToken");
        assertThat(browser.sendCode(lastFlow).status()).isEqualTo(204);
        return browser.smsStep(lastFlow, Sim.latestCode(p.phone()));
    }

    private static Reply passwordStep(Api browser, String creditCode, TestPerson p) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        return browser.post(ENTERPRISE + "password", Json.createObjectBuilder().add("creditCode", creditCode)
                .add("account", p.phone()).add("password", p.password()).add("sliderToken", slider.token())
                .add("sliderPosition", slider.gap()).build());
    }

    private static Reply step(Api browser, String path, String flow, long grantId) {
        return browser.post(ENTERPRISE + path, Json.createObjectBuilder().add("flowToken", flow)
                .add("grantId", grantId).build());
    }

    private static Reply confirm(Api browser, String flow, long grantId, String proofToken) {
        return browser.post(ENTERPRISE + "confirm", Json.createObjectBuilder().add("flowToken", flow)
                .add("grantId", grantId).add("proofToken", proofToken).build());
    }

    private static long invoicer(Api boss, Enterprise e, TestPerson p) {
        Reply r = add(boss, e, p, "INVOICER", null, "INVOICE_ISSUE", "TAX_QUERY");
        assertThat(r.status()).as("add invoicer: %s", r).isEqualTo(200);
        return r.json().getJsonNumber("id").longValue();
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
