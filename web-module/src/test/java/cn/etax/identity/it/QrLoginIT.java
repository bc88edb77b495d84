package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-7 扫码登录 over REST: the page asks for a one-time code, an app whose user is logged in scans and confirms
 * it, and the page's flow logs in with the app session's business. The simulated apps stand in for the tax app, the
 * IIT app and the electronic business licence app.
 */
@DisplayName("LOGIN-7: QR login with the tax app, the IIT app and the electronic business licence app")
class QrLoginIT {

    static final String START = "/api/v1/login/qr-login";
    static final String APP = "/api/sim/app/qr-login/";

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
    }

    /** What the page holds: the flow that logs in, and the token its QR code shows. */
    record Code(String flowToken, String qrToken) {
    }

    static Code start(Api page) {
        Reply r = page.post(START, Json.createObjectBuilder().build());
        assertThat(r.status()).as("new QR code: %s", r).isEqualTo(200);
        assertThat(r.string("qrImage")).endsWith("/qr.png?t=" + r.string("qrToken"));
        return new Code(r.string("flowToken"), r.string("qrToken"));
    }

    static String state(Api page, Code code) {
        Reply r = page.get(START + "/" + code.flowToken());
        assertThat(r.status()).as("state: %s", r).isEqualTo(200);
        return r.string("state");
    }

    static Reply complete(Api page, Code code) {
        return page.post(START + "/complete", Json.createObjectBuilder().add("flowToken", code.flowToken()).build());
    }

    /** The app's own login: scanner, the user's document and password, and for enterprise business the credit code. */
    static JsonObject app(String scanner, TestPerson user, String creditCode) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("scanner", scanner).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", user.idNumber()).add("password", user.password());
        if (creditCode != null) {
            b.add("creditCode", creditCode);
        }
        return b.build();
    }

    static Reply onPhone(String step, Code code, JsonObject app) {
        return Api.browser().post(APP + code.qrToken() + "/" + step, app);
    }

    /** Scanned and confirmed in the app: the page's next poll reads CONFIRMED. */
    static void scanAndConfirm(Code code, JsonObject app) {
        Reply scanned = onPhone("scan", code, app);
        assertThat(scanned.status()).as("scan: %s", scanned).isEqualTo(200);
        Reply confirmed = onPhone("confirm", code, app);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(204);
    }

    @Test
    @DisplayName("the tax app in personal business: the phone shows where the page is, the page sees SCANNED, then "
            + "logs in to personal business once; the login log says 税务App扫码登录")
    void tax_app_logs_in_personal_business() {
        TestPerson p = Fixtures.quickPerson();
        Api page = Api.browser();
        Code code = start(page);
        assertThat(state(page, code)).isEqualTo("PENDING");
        assertThat(complete(page, code).code()).as("nothing before the app confirms")
                .isEqualTo("QR_LOGIN_NOT_CONFIRMED");

        JsonObject app = app("TAX_APP", p, null);
        Reply scanned = onPhone("scan", code, app);
        assertThat(scanned.status()).as("%s", scanned).isEqualTo(200);
        assertThat(scanned.string("origin")).startsWith("127.0.0.1");
        assertThat(scanned.string("person")).isEqualTo(Fixtures.maskedName(p.name()));
        assertThat(scanned.json().containsKey("creditCode")).as("personal business: %s", scanned).isFalse();
        assertThat(state(page, code)).isEqualTo("SCANNED");
        assertThat(complete(page, code).code()).isEqualTo("QR_LOGIN_NOT_CONFIRMED");
        assertThat(complete(page, code).message()).isEqualTo("请先在手机App上扫码并确认登录");
        assertThat(page.get("/api/v1/me").status()).as("no session yet").isIn(401, 403);

        assertThat(onPhone("confirm", code, app).status()).isEqualTo(204);
        assertThat(state(page, code)).isEqualTo("CONFIRMED");
        Reply done = complete(page, code);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        assertThat(done.json().containsKey("identity")).as("personal business: %s", done).isFalse();

        Reply log = page.get("/api/v1/me/login-log");
        JsonObject newest = log.jsonArray().getJsonObject(0);
        assertThat(newest.getString("method")).isEqualTo("TAX_APP_SCAN");
        assertThat(newest.getString("methodText")).isEqualTo("税务App扫码登录");
        assertThat(newest.getString("outcome")).isEqualTo("SUCCESS");

        assertThat(complete(page, code).status()).as("the code logs in once").isEqualTo(401);
        assertThat(complete(Api.browser(), code).status()).as("nor anybody else").isEqualTo(401);
        assertThat(onPhone("confirm", code, app).code()).isEqualTo("QR_ALREADY_DECIDED");
    }

    @Test
    @DisplayName("the tax app in enterprise business logs the page in to that enterprise with the same identity; the "
            + "enterprise's login log shows it")
    void tax_app_logs_in_enterprise_business() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api page = Api.browser();
        Code code = start(page);
        Reply scanned = onPhone("scan", code, app("TAX_APP", e.legal(), e.creditCode()));
        assertThat(scanned.status()).as("%s", scanned).isEqualTo(200);
        assertThat(scanned.string("creditCode")).isEqualTo(e.creditCode());
        assertThat(scanned.string("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(onPhone("confirm", code, app("TAX_APP", e.legal(), e.creditCode())).status()).isEqualTo(204);

        Reply done = complete(page, code);
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(done.json().getJsonObject("identity").getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(done.json().getJsonObject("identity").getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        Reply identity = page.get("/api/v1/me/identity");
        assertThat(identity.json().getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
        JsonObject newest = page.get("/api/v1/me/enterprise/login-log").jsonArray().getJsonObject(0)
                .getJsonObject("login");
        assertThat(newest.getString("method")).isEqualTo("TAX_APP_SCAN");
        assertThat(newest.getString("methodText")).isEqualTo("税务App扫码登录");
    }

    @Test
    @DisplayName("the IIT app logs in to personal business only; an IIT app session naming an enterprise is refused "
            + "on the phone")
    void iit_app_is_personal_only() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Code refused = start(Api.browser());
        Reply enterprise = onPhone("scan", refused, app("IIT_APP", e.legal(), e.creditCode()));
        assertThat(enterprise.status()).isEqualTo(403);
        assertThat(enterprise.code()).isEqualTo("QR_IIT_APP_PERSONAL_ONLY");
        assertThat(enterprise.message()).isEqualTo("通过个人所得税App扫码登录的为个人业务，不能登录企业业务");

        Api page = Api.browser();
        Code code = start(page);
        scanAndConfirm(code, app("IIT_APP", e.legal(), null));
        Reply done = complete(page, code);
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(done.json().containsKey("identity")).as("%s", done).isFalse();
        assertThat(page.get("/api/v1/me/login-log").jsonArray().getJsonObject(0).getString("method"))
                .isEqualTo("IIT_APP_SCAN");
    }

    @Test
    @DisplayName("the electronic business licence app logs in its enterprise as the legal representative; anybody "
            + "else scanning with it is refused")
    void licence_app_logs_in_the_legal_representative() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api page = Api.browser();
        Code code = start(page);
        scanAndConfirm(code, app("LICENCE_APP", e.legal(), e.creditCode()));
        Reply done = complete(page, code);
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(done.json().getJsonObject("identity").getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");

        TestPerson officer = Fixtures.quickPerson();
        EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(e), e, officer);
        Reply notLegal = onPhone("scan", start(Api.browser()), app("LICENCE_APP", officer, e.creditCode()));
        assertThat(notLegal.status()).isEqualTo(403);
        assertThat(notLegal.code()).isEqualTo("QR_LICENCE_NOT_LEGAL_REPRESENTATIVE");

        TestPerson stranger = Fixtures.quickPerson();
        Reply none = onPhone("scan", start(Api.browser()), app("LICENCE_APP", stranger, e.creditCode()));
        assertThat(none.code()).isEqualTo("ENTERPRISE_RELATION_NOT_FOUND");
        assertThat(none.message()).isEqualTo("未查询到您与该企业的关联关系");
    }

    @Test
    @DisplayName("once scanned, only that app session may confirm; a login cancelled on the phone is told to the page "
            + "and never logs in")
    void only_the_scanning_session_decides_and_a_cancel_is_final() {
        TestPerson owner = Fixtures.quickPerson();
        TestPerson other = Fixtures.quickPerson();
        Api page = Api.browser();
        Code code = start(page);
        assertThat(onPhone("scan", code, app("TAX_APP", owner, null)).status()).isEqualTo(200);
        Reply hijack = onPhone("confirm", code, app("TAX_APP", other, null));
        assertThat(hijack.status()).isEqualTo(409);
        assertThat(hijack.code()).isEqualTo("QR_ALREADY_SCANNED");
        assertThat(onPhone("scan", code, app("IIT_APP", other, null)).code()).isEqualTo("QR_ALREADY_SCANNED");
        Reply wrongPassword = onPhone("confirm", code, app("TAX_APP", owner.withPassword("Wrong@2026pass"), null));
        assertThat(wrongPassword.code()).isEqualTo("APP_LOGIN_FAILED");

        assertThat(onPhone("cancel", code, app("TAX_APP", owner, null)).status()).isEqualTo(204);
        assertThat(state(page, code)).isEqualTo("CANCELLED");
        assertThat(onPhone("confirm", code, app("TAX_APP", owner, null)).code()).isEqualTo("QR_ALREADY_DECIDED");
        assertThat(complete(page, code).code()).isEqualTo("QR_LOGIN_NOT_CONFIRMED");
        assertThat(page.get("/api/v1/me").status()).isIn(401, 403);
    }

    @Test
    @DisplayName("eight parallel completions of one confirmed code give one session")
    void a_confirmed_code_logs_in_once_under_parallel_requests() {
        TestPerson p = Fixtures.quickPerson();
        Api page = Api.browser();
        Code code = start(page);
        scanAndConfirm(code, app("TAX_APP", p, null));
        JsonObject body = Json.createObjectBuilder().add("flowToken", code.flowToken()).build();
        List<Reply> replies = IntStream.range(0, 8).mapToObj(i -> Api.browser().postAsync(START + "/complete", body))
                .toList().stream().map(CompletableFuture::join).toList();
        assertThat(replies.stream().filter(r -> r.status() == 200)).as("%s", replies).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200)).allSatisfy(r ->
                assertThat(r.status()).as("%s", r).isIn(401, 409));
    }

    @Test
    @DisplayName("a code lives about two minutes: after that it can be neither scanned nor used, and the page reads "
            + "EXPIRED")
    void an_expired_code_is_dead() {
        TestPerson p = Fixtures.quickPerson();
        Api page = Api.browser();
        Code code = start(page);
        Sim.moveClock(Duration.ofSeconds(121));
        assertThat(state(page, code)).isEqualTo("EXPIRED");
        Reply late = onPhone("scan", code, app("TAX_APP", p, null));
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.code()).isEqualTo("QR_EXPIRED");
        assertThat(complete(page, code).code()).isEqualTo("QR_LOGIN_NOT_CONFIRMED");

        Code confirmed = start(page);
        scanAndConfirm(confirmed, app("TAX_APP", p, null));
        Sim.moveClock(Duration.ofSeconds(121));
        assertThat(complete(page, confirmed).code()).as("a confirmed code is used within its life too")
                .isEqualTo("QR_LOGIN_NOT_CONFIRMED");
    }

    @Test
    @DisplayName("RULE-LOCK holds on this path too: a locked account confirmed in the app is refused with the unlock "
            + "time")
    void a_locked_account_is_refused() {
        TestPerson p = Fixtures.quickPerson();
        for (int i = 0; i < 5; i++) {
            Api.browser().passwordStep(p.idNumber(), "Wrong@2026pass");
        }
        assertThat(Api.browser().passwordStep(p.idNumber(), p.password()).code()).isEqualTo("ACCOUNT_LOCKED");
        Api page = Api.browser();
        Code code = start(page);
        scanAndConfirm(code, app("TAX_APP", p, null));
        Reply refused = complete(page, code);
        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(refused.message()).contains("自动解锁");
        assertThat(page.get("/api/v1/me").status()).isIn(401, 403);
    }

    @Test
    @DisplayName("RULE-AGREE: a migrated person scanning in signs the agreements first; no password is set on this "
            + "path, so the initial one is replaced at his next password login")
    void a_migrated_person_signs_the_agreements_first_and_sets_no_password_here() {
        TestPerson migrated = Fixtures.migratedPerson();
        Api page = Api.browser();
        Code code = start(page);
        scanAndConfirm(code, app("TAX_APP", migrated, null));
        Reply first = complete(page, code);
        assertThat(first.string("status")).as("%s", first).isEqualTo("AGREEMENTS_REQUIRED");
        Reply early = page.post("/api/v1/login/initial-password", Json.createObjectBuilder()
                .add("flowToken", code.flowToken()).add("password", "New@2026pass")
                .add("confirmation", "New@2026pass").build());
        assertThat(early.status()).as("a confirmed scan sets no password: %s", early).isEqualTo(401);
        JsonObject flow = Json.createObjectBuilder().add("flowToken", code.flowToken()).build();
        Reply signed = page.post("/api/v1/login/agreements", flow);
        assertThat(signed.string("status")).as("%s", signed).isEqualTo("LOGGED_IN");

        Api other = Api.browser();
        Api.CodedFlow byPassword = other.startLoginWithCode(migrated.phone(), migrated.password(), migrated.phone());
        assertThat(other.smsStep(byPassword.flowToken(), byPassword.code()).string("status"))
                .as("the initial password is still to be replaced").isEqualTo("PASSWORD_CHANGE_REQUIRED");
    }
}
