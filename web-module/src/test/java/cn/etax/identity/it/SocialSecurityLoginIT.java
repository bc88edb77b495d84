package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-10 社保费登录 over REST: the fee collection system registers fee payers (API-3 sync), a payer chooses the
 * username and password of its account with a code sent to its registered phone, then logs in from the portal's
 * no-login area with them and a code (RULE-2FA) — the pure social-security payer too, since the exemption is off by
 * default. The account's own RULE-LOCK and 找回密码 as for persons. The session reaches the fee services only.
 */
@DisplayName("LOGIN-10: social-security fee payers' accounts, registration and login")
class SocialSecurityLoginIT {

    static final String BASE = "/api/v1/social-security";
    private static final Map<String, String> TOKEN = Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN);

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
    }

    /** A payer as the fee collection system pushes it. */
    record Payer(String kind, String idType, String number, String name, String phone) {

        JsonObject message(boolean pure, boolean active) {
            var b = Json.createObjectBuilder().add("kind", kind).add("payerNumber", number).add("name", name)
                    .add("phone", phone).add("purePayer", pure).add("active", active);
            if (idType != null) {
                b.add("idType", idType);
            }
            return b.build();
        }

        JsonObject identity() {
            var b = Json.createObjectBuilder().add("kind", kind).add("payerNumber", number).add("name", name);
            if (idType != null) {
                b.add("idType", idType);
            }
            return b.build();
        }
    }

    static Payer newUnit() {
        String code = TaxpayerSyncIT.newCreditCode();
        return new Payer("UNIT", null, code, "社保测试单位" + code.substring(10), Fixtures.newPhone());
    }

    static Payer newPersonPayer() {
        return new Payer("PERSON", "RESIDENT_ID_CARD", Fixtures.newIdNumber(), Fixtures.newName(), Fixtures.newPhone());
    }

    static Reply sync(JsonObject message) {
        return Api.browser().send("POST", "/api/v1/sync/social-security-payers", message, TOKEN);
    }

    static Payer synced(Payer p, boolean pure) {
        Reply r = sync(p.message(pure, true));
        assertThat(r.status()).as("sync: %s", r).isEqualTo(200);
        return p;
    }

    static String newUsername() {
        return "ss" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    /** 社保费用户注册 / 找回密码, step 1 with the slider dragged onto the gap. */
    static Reply identify(Api browser, JsonObject identity) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        JsonObject body = Json.createObjectBuilder(identity).add("sliderToken", slider.token())
                .add("sliderPosition", slider.gap()).build();
        return browser.post(BASE + "/accounts/identify", body);
    }

    /** Steps 2 with the code read from the payer's phone; answers the complete step's reply. */
    static Reply setAccount(Payer p, String username, String password) {
        Api browser = Api.browser();
        Reply found = identify(browser, p.identity());
        assertThat(found.status()).as("identify: %s", found).isEqualTo(200);
        String flow = found.string("flowToken");
        Reply sent = browser.post(BASE + "/accounts/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        assertThat(sent.status()).as("send code: %s", sent).isEqualTo(204);
        return complete(browser, flow, Sim.latestCode(p.phone()), username, password);
    }

    static Reply complete(Api browser, String flow, String code, String username, String password) {
        var body = Json.createObjectBuilder().add("flowToken", flow).add("code", code).add("password", password)
                .add("confirmation", password);
        if (username != null) {
            body.add("username", username);
        }
        return browser.post(BASE + "/accounts/complete", body.build());
    }

    static Reply passwordStep(Api browser, String username, String password) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        return browser.post(BASE + "/login/password", Json.createObjectBuilder().add("username", username)
                .add("password", password).add("sliderToken", slider.token()).add("sliderPosition", slider.gap())
                .build());
    }

    /** The whole login: password, code to the payer's phone, code. Answers the last reply. */
    static Reply login(Api browser, Payer p, String username, String password) {
        Reply first = passwordStep(browser, username, password);
        assertThat(first.status()).as("password step: %s", first).isEqualTo(200);
        assertThat(first.string("status")).isEqualTo("SMS_REQUIRED");
        String flow = first.string("flowToken");
        Reply sent = browser.post(BASE + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        assertThat(sent.status()).as("send code: %s", sent).isEqualTo(204);
        return browser.post(BASE + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", Sim.latestCode(p.phone())).build());
    }

    @Test
    @DisplayName("a unit registered by the fee collection system chooses its username and password with a code to its "
            + "phone, then logs in with password and code; the session reaches the fee services and no person's data")
    void unit_registers_and_logs_in_with_two_factors() {
        Payer unit = newUnit();
        Reply first = sync(unit.message(false, true));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.string("outcome")).isEqualTo("APPLIED");
        assertThat(sync(unit.message(false, true)).string("outcome")).as("the same message again").isEqualTo("UNCHANGED");

        Api browser = Api.browser();
        Reply found = identify(browser, unit.identity());
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().getBoolean("registered")).isFalse();
        assertThat(found.string("phone")).isEqualTo(Fixtures.maskedPhone(unit.phone()));

        String username = newUsername();
        Reply done = setAccount(unit, username, Fixtures.PASSWORD);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.string("username")).isEqualTo(username);
        Reply again = identify(Api.browser(), unit.identity());
        assertThat(again.json().getBoolean("registered")).isTrue();
        assertThat(again.json().containsKey("username")).as("the username only for the phone's owner").isFalse();

        Api session = Api.browser();
        Reply in = login(session, unit, username, Fixtures.PASSWORD);
        assertThat(in.status()).as("%s", in).isEqualTo(200);
        assertThat(in.string("status")).isEqualTo("LOGGED_IN");
        Reply me = session.get(BASE + "/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.string("payerName")).isEqualTo(unit.name());
        assertThat(me.string("payer")).isEqualTo(unit.number());
        assertThat(me.string("kind")).isEqualTo("UNIT");
        assertThat(session.get("/api/v1/me/profile").status()).as("no natural person's account center").isEqualTo(403);

        assertThat(session.post(BASE + "/logout", Json.createObjectBuilder().build()).status()).isEqualTo(204);
        assertThat(session.get(BASE + "/me").status()).as("logged out").isEqualTo(401);
    }

    @Test
    @DisplayName("a password reset ends the sessions the payer had open and a login begun with the old password; the "
            + "new password logs in")
    void reset_ends_open_sessions() {
        Payer unit = synced(newUnit(), false);
        String username = newUsername();
        assertThat(setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api session = Api.browser();
        assertThat(login(session, unit, username, Fixtures.PASSWORD).string("status")).isEqualTo("LOGGED_IN");
        Api begun = Api.browser();
        String flow = passwordStep(begun, username, Fixtures.PASSWORD).string("flowToken");
        assertThat(begun.post(BASE + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build())
                .status()).isEqualTo(204);
        String code = Sim.latestCode(unit.phone());

        Reply reset = setAccount(unit, null, "Fresh#2027fee");

        assertThat(reset.status()).as("%s", reset).isEqualTo(200);
        assertThat(session.get(BASE + "/me").status()).as("the session opened before the reset").isEqualTo(401);
        Reply late = begun.post(BASE + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build());
        assertThat(late.status()).as("the login begun before the reset: %s", late).isEqualTo(401);
        assertThat(late.code()).isEqualTo("FLOW_INVALID");
        assertThat(login(Api.browser(), unit, username, "Fresh#2027fee").string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("a natural-person fee payer by ID document; the pure social-security unit still needs the code "
            + "while the exemption is off (the default)")
    void person_payer_and_pure_payer_without_exemption() {
        Payer person = synced(newPersonPayer(), false);
        String username = newUsername();
        assertThat(setAccount(person, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api session = Api.browser();
        assertThat(login(session, person, username, Fixtures.PASSWORD).string("status")).isEqualTo("LOGGED_IN");
        Reply me = session.get(BASE + "/me");
        assertThat(me.string("kind")).isEqualTo("PERSON");
        assertThat(me.string("payer")).as("ID number masked").doesNotContain(person.number().substring(4, 14));

        Payer pure = synced(newUnit(), true);
        String pureName = newUsername();
        assertThat(setAccount(pure, pureName, Fixtures.PASSWORD).status()).isEqualTo(200);
        Reply step = passwordStep(Api.browser(), pureName, Fixtures.PASSWORD);
        assertThat(step.string("status")).as("exemption off: %s", step).isEqualTo("SMS_REQUIRED");
        Api pureSession = Api.browser();
        assertThat(login(pureSession, pure, pureName, Fixtures.PASSWORD).string("status")).isEqualTo("LOGGED_IN");
        assertThat(pureSession.get(BASE + "/me").json().getBoolean("purePayer")).isTrue();
    }

    @Test
    @DisplayName("registration refusals leave nothing behind: unknown payer or wrong name, wrong code, weak password, "
            + "taken username; a closed payer cannot register or log in")
    void registration_refusals() {
        Payer unit = synced(newUnit(), false);
        Api browser = Api.browser();
        Payer wrongName = new Payer(unit.kind(), null, unit.number(), unit.name() + "X", unit.phone());
        assertThat(identify(browser, wrongName.identity()).code()).isEqualTo("SOCIAL_SECURITY_PAYER_NOT_FOUND");
        Reply unknown = identify(browser, newUnit().identity());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("SOCIAL_SECURITY_PAYER_NOT_FOUND");
        assertThat(unknown.message()).contains("未查到该缴费人的社保费登记信息");
        assertThat(identify(browser, Json.createObjectBuilder().add("kind", "UNIT").add("payerNumber", "91360102MA35K8DE0B")
                .add("name", "x").build()).code()).as("check character").isEqualTo("CREDIT_CODE_INVALID");

        Reply found = identify(browser, unit.identity());
        String flow = found.string("flowToken");
        browser.post(BASE + "/accounts/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        String code = Sim.latestCode(unit.phone());
        String wrong = code.equals("000000") ? "111111" : "000000";
        String username = newUsername();
        Reply wrongCode = complete(browser, flow, wrong, username, Fixtures.PASSWORD);
        assertThat(wrongCode.code()).isEqualTo("SMS_CODE_WRONG");
        assertThat(wrongCode.message()).isEqualTo("短信验证码错误，今日还可尝试4次");
        assertThat(complete(browser, flow, code, username, "short").code()).isEqualTo("PASSWORD_LENGTH");
        assertThat(complete(browser, flow, code, "9bad", Fixtures.PASSWORD).code()).isEqualTo("USERNAME_INVALID");
        assertThat(passwordStep(Api.browser(), username, Fixtures.PASSWORD).code()).as("nothing written")
                .isEqualTo("SOCIAL_SECURITY_USER_UNKNOWN");

        Payer other = synced(newUnit(), false);
        String taken = newUsername();
        assertThat(setAccount(other, taken, Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(complete(browser, flow, code, taken, Fixtures.PASSWORD).code())
                .as("whether a username is free is told only with the right code").isEqualTo("USERNAME_TAKEN");
        assertThat(complete(browser, flow, code, username, Fixtures.PASSWORD).code()).as("that code is spent")
                .isEqualTo("SMS_CODE_USED");
        browser.post(BASE + "/accounts/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        assertThat(complete(browser, flow, Sim.latestCode(unit.phone()), username, Fixtures.PASSWORD).status())
                .as("a new code and a free username").isEqualTo(200);

        assertThat(sync(unit.message(false, false)).string("outcome")).isEqualTo("APPLIED");
        assertThat(identify(Api.browser(), unit.identity()).code()).as("closed payer")
                .isEqualTo("SOCIAL_SECURITY_PAYER_NOT_FOUND");
        Reply closed = passwordStep(Api.browser(), username, Fixtures.PASSWORD);
        assertThat(closed.code()).isEqualTo("SOCIAL_SECURITY_PAYER_CLOSED");
        assertThat(passwordStep(Api.browser(), username, "Wrong@2026tax").code()).as("wrong password says nothing more")
                .isEqualTo("PASSWORD_WRONG");
    }

    @Test
    @DisplayName("RULE-LOCK: eight parallel wrong passwords give five failures, then even the right password is "
            + "refused until 找回密码 sets a new one and lifts the lock")
    void parallel_wrong_passwords_lock_then_reset_unlocks() {
        Payer unit = synced(newUnit(), false);
        String username = newUsername();
        assertThat(setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);

        List<String> codes = parallelWrongPasswords(username, 8);
        assertThat(codes).filteredOn("PASSWORD_WRONG"::equals).hasSizeLessThanOrEqualTo(4);
        assertThat(codes).filteredOn("ACCOUNT_LOCKED"::equals).hasSizeGreaterThanOrEqualTo(4);
        assertThat(codes).filteredOn(c -> !c.equals("PASSWORD_WRONG") && !c.equals("ACCOUNT_LOCKED")).isEmpty();
        Reply locked = passwordStep(Api.browser(), username, Fixtures.PASSWORD);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.message()).contains("自动解锁");

        String newPassword = "Fresh#2027fee";
        Reply reset = setAccount(unit, null, newPassword);
        assertThat(reset.status()).as("%s", reset).isEqualTo(200);
        assertThat(reset.string("username")).isEqualTo(username);
        assertThat(passwordStep(Api.browser(), username, Fixtures.PASSWORD).code()).isEqualTo("PASSWORD_WRONG");
        assertThat(login(Api.browser(), unit, username, newPassword).string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("RULE-LOCK on 找回密码: wrong codes count across new flows, the fifth closes that way for the day and "
            + "the right code is refused then; the payer's login is not locked")
    void wrong_reset_codes_close_the_way() {
        Payer unit = synced(newUnit(), false);
        String username = newUsername();
        assertThat(setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api browser = Api.browser();
        Reply last = null;
        String flow = null;
        String code = null;
        for (int i = 0; i < 5; i++) {
            if (i % 3 == 0) {
                flow = identify(browser, unit.identity()).string("flowToken");
                browser.post(BASE + "/accounts/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
                code = Sim.latestCode(unit.phone());
            }
            last = complete(browser, flow, code.equals("000000") ? "111111" : "000000", null, "Fresh#2027fee");
            if (i < 4) {
                assertThat(last.message()).isEqualTo("短信验证码错误，今日还可尝试" + (4 - i) + "次");
            }
        }
        assertThat(last.status()).as("%s", last).isEqualTo(423);
        assertThat(last.code()).isEqualTo("RECOVERY_CODE_LOCKED");
        assertThat(complete(browser, flow, code, null, "Fresh#2027fee").code()).isEqualTo("RECOVERY_CODE_LOCKED");
        assertThat(login(Api.browser(), unit, username, Fixtures.PASSWORD).string("status"))
                .as("RULE-LOCK: a script knowing the unit's public data locks no one out").isEqualTo("LOGGED_IN");
    }

    /** {@code n} wrong passwords sent at the same moment, each with its own slider answered in a person's time. */
    private static List<String> parallelWrongPasswords(String username, int n) {
        List<Api> browsers = IntStream.range(0, n).mapToObj(i -> Api.browser()).toList();
        List<Api.Slider> sliders = browsers.stream().map(Api::slider).toList();
        sliders.get(n - 1).awaitHumanTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
                start.await();
                return browsers.get(i).post(BASE + "/login/password", Json.createObjectBuilder()
                        .add("username", username).add("password", "Wrong@2026tax" + i)
                        .add("sliderToken", sliders.get(i).token()).add("sliderPosition", sliders.get(i).gap())
                        .build());
            })).toList();
            start.countDown();
            return replies.stream().map(f -> {
                try {
                    return f.get(60, TimeUnit.SECONDS).code();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("RULE-2FA/RULE-LOCK on the code: a wrong code says how many tries are left, the fifth locks; a "
            + "used code logs in once")
    void wrong_codes_lock_and_a_code_logs_in_once() {
        Payer unit = synced(newUnit(), false);
        String username = newUsername();
        assertThat(setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);

        Api browser = Api.browser();
        String flow = passwordStep(browser, username, Fixtures.PASSWORD).string("flowToken");
        browser.post(BASE + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        String code = Sim.latestCode(unit.phone());
        String wrong = code.equals("000000") ? "111111" : "000000";
        Reply first = browser.post(BASE + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", wrong).build());
        assertThat(first.code()).isEqualTo("SMS_CODE_WRONG");
        assertThat(first.message()).isEqualTo("短信验证码错误，今日还可尝试4次");
        assertThat(browser.post(BASE + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build()).string("status")).isEqualTo("LOGGED_IN");
        assertThat(Api.browser().post(BASE + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build()).code()).as("the flow and its code are spent").isEqualTo("FLOW_INVALID");

        Api second = Api.browser();
        String flow2 = passwordStep(second, username, Fixtures.PASSWORD).string("flowToken");
        second.post(BASE + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow2).build());
        String code2 = Sim.latestCode(unit.phone());
        String wrong2 = code2.equals("000000") ? "111111" : "000000";
        List<String> answers = IntStream.range(0, 5).mapToObj(i -> second.post(BASE + "/login/sms",
                Json.createObjectBuilder().add("flowToken", flow2).add("code", wrong2).build()).message()).toList();
        assertThat(answers.subList(0, 4)).containsExactly("短信验证码错误，今日还可尝试4次", "短信验证码错误，今日还可尝试3次",
                "短信验证码错误，今日还可尝试2次", "短信验证码错误，今日还可尝试1次");
        assertThat(answers.get(4)).startsWith("一天内同一认证方式连续失败5次，账号已被锁定");
        assertThat(passwordStep(Api.browser(), username, Fixtures.PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    @DisplayName("a payer the fee collection system closes loses its open sessions at their next request")
    void closing_the_payer_ends_its_sessions() {
        Payer unit = synced(newUnit(), false);
        String username = newUsername();
        assertThat(setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api session = Api.browser();
        assertThat(login(session, unit, username, Fixtures.PASSWORD).string("status")).isEqualTo("LOGGED_IN");
        assertThat(session.get(BASE + "/me").status()).isEqualTo(200);

        assertThat(sync(unit.message(false, false)).string("outcome")).isEqualTo("APPLIED");
        assertThat(session.get(BASE + "/me").status()).as("the session ended").isEqualTo(401);
        assertThat(session.get(BASE + "/assertion").status()).as("no assertion for the fee system").isEqualTo(401);
    }

    @Test
    @DisplayName("API-3: the fee payer sync needs the core systems' token and refuses malformed payers")
    void sync_needs_the_token_and_valid_payers() {
        Payer unit = newUnit();
        Reply forged = Api.browser().send("POST", "/api/v1/sync/social-security-payers", unit.message(false, true),
                Map.of("X-Sync-Token", "forged"));
        assertThat(forged.status()).isIn(401, 403);
        Payer badPhone = new Payer("UNIT", null, unit.number(), unit.name(), "12345");
        assertThat(sync(badPhone.message(false, true)).status()).isEqualTo(400);
        Payer badId = new Payer("PERSON", "RESIDENT_ID_CARD", "110101199003071234", "某人", unit.phone());
        assertThat(sync(badId.message(false, true)).code()).isEqualTo("ID_NUMBER_INVALID");
    }
}
