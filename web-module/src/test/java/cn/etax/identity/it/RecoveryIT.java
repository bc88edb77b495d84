package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** REG-5 forgot password and REG-6 retrieve phone through {@code /api/v1/recovery}, each test with its own person. */
@DisplayName("REG-5, REG-6 forgot password and retrieve phone over REST")
class RecoveryIT {

    private static final String RECOVERY = "/api/v1/recovery";
    private static final String NEW_PASSWORD = "Reset#2026new";
    private static final String WRONG = "Wrong@2026pass";

    @BeforeEach
    void freshBusinessDay() {
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("REG-5, RULE-LOCK: a person locked by five wrong passwords resets by SMS code and logs in at once with the new password")
    void resetBySmsLiftsTheLockout() {
        TestPerson p = Fixtures.quickPerson();
        lockOut(p);
        Api browser = Api.browser();

        Reply started = startReset(browser, p.idNumber());
        assertThat(started.status()).as("start %s", started).isEqualTo(200);
        assertThat(started.string("phone")).isEqualTo(Fixtures.maskedPhone(p.phone()));
        assertThat(started.string("name")).isEqualTo(Fixtures.maskedName(p.name()));
        String flow = started.string("flowToken");
        assertThat(browser.post(RECOVERY + "/password-reset/sms-code", flowBody(flow).build()).status()).isEqualTo(204);
        String code = Sim.latestCode(p.phone());
        // 身份验证: the code is checked where it is asked for, a wrong or missing one told there
        Reply empty = browser.post(RECOVERY + "/password-reset/sms-code/check", flowBody(flow).build());
        assertThat(empty.code()).as("%s", empty).isEqualTo("SMS_CODE_REQUIRED");
        Reply wrong = browser.post(RECOVERY + "/password-reset/sms-code/check", flowBody(flow)
                .add("code", code.equals("000000") ? "111111" : "000000").build());
        assertThat(wrong.code()).isEqualTo("SMS_CODE_WRONG");
        assertThat(wrong.message()).isEqualTo("短信验证码错误，今日还可尝试4次");
        assertThat(browser.post(RECOVERY + "/password-reset/sms-code/check", flowBody(flow).add("code", code)
                .build()).status()).isEqualTo(204);
        Reply emptyPassword = browser.post(RECOVERY + "/password-reset/complete", flowBody(flow).add("code", code)
                .add("password", "").add("confirmation", "").build());
        assertThat(emptyPassword.code()).as("asked for, not 'the two differ'").isEqualTo("PASSWORD_REQUIRED");
        Reply reset = browser.post(RECOVERY + "/password-reset/complete", flowBody(flow)
                .add("code", code).add("password", NEW_PASSWORD)
                .add("confirmation", NEW_PASSWORD).build());

        assertThat(reset.status()).as("reset %s", reset).isEqualTo(204);
        Reply login = Api.browser().login(p.idNumber(), NEW_PASSWORD, p.phone());
        assertThat(login.string("status")).as("logged in at once, same day").isEqualTo("LOGGED_IN");
        assertThat(Api.browser().passwordStep(p.idNumber(), p.password()).code()).as("the old password")
                .isEqualTo("PASSWORD_WRONG");
    }

    @Test
    @DisplayName("REG-5: forgot password by tax-app face check; completing before the app confirmed is refused; the "
            + "session the person had open elsewhere ends (ASVS 3.3.3)")
    void resetByFaceCheck() {
        TestPerson p = Fixtures.quickPerson();
        Api elsewhere = Api.browser();
        assertThat(elsewhere.login(p).string("status")).isEqualTo("LOGGED_IN");
        Api browser = Api.browser();
        String flow = startReset(browser, p.idNumber()).string("flowToken");

        Reply notYet = browser.post(RECOVERY + "/password-reset/complete", flowBody(flow)
                .add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD).build());
        assertThat(notYet.status()).isEqualTo(401);
        assertThat(notYet.code()).isEqualTo("QR_NOT_CONFIRMED");
        assertThat(notYet.message()).isEqualTo("请先在App中完成扫码和人脸识别认证");

        Reply qr = browser.post(RECOVERY + "/password-reset/face-check", flowBody(flow).add("app", "TAX_APP").build());
        assertThat(qr.status()).as("face check %s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        assertThat(browser.get(RECOVERY + "/password-reset/face-check/" + flow).string("state")).isEqualTo("CONFIRMED");
        Reply reset = browser.post(RECOVERY + "/password-reset/complete", flowBody(flow)
                .add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD).build());

        assertThat(reset.status()).as("reset %s", reset).isEqualTo(204);
        assertThat(Api.browser().login(p.phone(), NEW_PASSWORD, p.phone()).string("status")).isEqualTo("LOGGED_IN");
        Reply stale = elsewhere.get("/api/v1/me/profile");
        assertThat(stale.status()).as("the session opened before the reset: %s", stale).isEqualTo(401);
    }

    @Test
    @DisplayName("REG-5, RULE-LOCK: wrong reset codes count across new reset flows: the fifth closes the SMS way for "
            + "the day and the right code is refused then; the account is not locked, and the face check still resets")
    void wrongResetCodesCloseTheSmsWay() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        int left = 4;
        for (int round = 0; round < 2; round++) {
            String flow = startReset(browser, p.idNumber()).string("flowToken");
            assertThat(browser.post(RECOVERY + "/password-reset/sms-code", flowBody(flow).build()).status())
                    .isEqualTo(204);
            String wrong = Sim.latestCode(p.phone()).equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 3 && left > 0; i++, left--) {
                Reply r = complete(browser, flow, wrong);
                assertThat(r.status()).as("%s", r).isEqualTo(401);
                assertThat(r.message()).isEqualTo("短信验证码错误，今日还可尝试" + left + "次");
            }
        }
        String flow = startReset(browser, p.idNumber()).string("flowToken");
        browser.post(RECOVERY + "/password-reset/sms-code", flowBody(flow).build());
        String code = Sim.latestCode(p.phone());
        Reply fifth = complete(browser, flow, code.equals("000000") ? "111111" : "000000");
        String until = Sim.today().plusDays(1) + " 00:00";
        assertThat(fifth.status()).as("%s", fifth).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("RECOVERY_CODE_LOCKED");
        assertThat(fifth.message()).isEqualTo("短信验证码连续错误5次，今日已不能通过短信验证码找回密码，将于" + until + "恢复");
        assertThat(complete(browser, flow, code).code()).as("the right code, too late")
                .isEqualTo("RECOVERY_CODE_LOCKED");
        int sent = Sim.messagesTo(p.phone());
        Reply noMore = browser.post(RECOVERY + "/password-reset/sms-code", flowBody(flow).build());
        assertThat(noMore.code()).as("no code is sent that could not be used").isEqualTo("RECOVERY_CODE_LOCKED");
        assertThat(Sim.messagesTo(p.phone())).isEqualTo(sent);
        assertThat(Api.browser().login(p).string("status")).as("RULE-LOCK: the owner is not locked out")
                .isEqualTo("LOGGED_IN");

        String byFace = startReset(browser, p.idNumber()).string("flowToken");
        Reply qr = browser.post(RECOVERY + "/password-reset/face-check", flowBody(byFace).add("app", "TAX_APP").build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply reset = browser.post(RECOVERY + "/password-reset/complete", flowBody(byFace)
                .add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD).build());
        assertThat(reset.status()).as("reset %s", reset).isEqualTo(204);
        assertThat(Api.browser().login(p.idNumber(), NEW_PASSWORD, p.phone()).string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("REG-5, RULE-LOCK: without a code sent there is nothing to guess and nothing is counted")
    void noCodeNoCount() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        String flow = startReset(browser, p.idNumber()).string("flowToken");
        for (int i = 0; i < 6; i++) {
            assertThat(complete(browser, flow, "123456").code()).isEqualTo("SMS_CODE_NOT_SENT");
        }
        browser.post(RECOVERY + "/password-reset/sms-code", flowBody(flow).build());
        assertThat(complete(browser, flow, Sim.latestCode(p.phone())).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("REG-5, LOGIN-8: an unknown ID number → 401 该用户未注册")
    void unknownPerson() {
        Reply r = startReset(Api.browser(), Fixtures.newIdNumber());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("USER_NOT_REGISTERED");
        assertThat(r.message()).isEqualTo("该用户未注册");
    }

    @Test
    @DisplayName("REG-6, RULE-PHONE: retrieve phone with the personal password; the new phone logs in, the old one is gone")
    void retrievePhone() {
        TestPerson p = Fixtures.quickPerson();
        String newPhone = Fixtures.newPhone();
        Api browser = Api.browser();

        Reply started = startRetrieval(browser, p.idNumber(), p.password());
        assertThat(started.status()).as("start %s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        Reply sent = browser.post(RECOVERY + "/phone-retrieval/sms-code", flowBody(flow).add("phone", newPhone).build());
        assertThat(sent.status()).as("code %s", sent).isEqualTo(204);
        Reply done = browser.post(RECOVERY + "/phone-retrieval/complete", flowBody(flow).add("phone", newPhone)
                .add("code", Sim.latestCode(newPhone)).build());

        assertThat(done.status()).as("retrieve %s", done).isEqualTo(204);
        Api again = Api.browser();
        Reply login = again.login(newPhone, p.password(), newPhone);
        assertThat(login.string("status")).isEqualTo("LOGGED_IN");
        assertThat(login.string("name")).isEqualTo(p.name());
        Reply oldPhone = Api.browser().passwordStep(p.phone(), p.password());
        assertThat(oldPhone.code()).isEqualTo("PHONE_NOT_REGISTERED");
        assertThat(oldPhone.message()).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");
    }

    @Test
    @DisplayName("REG-6, RULE-PWD: a migrated user's initial password is not accepted for retrieving the phone")
    void initialPasswordRefused() {
        TestPerson migrated = Fixtures.migratedPerson();

        Reply r = startRetrieval(Api.browser(), migrated.idNumber(), migrated.password());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("INITIAL_PASSWORD_NOT_ACCEPTED");
        assertThat(r.message()).isEqualTo("初始密码不能用于找回手机号码，请使用您设置的个人密码；如忘记密码，请使用“忘记密码”");

        Reply wrong = startRetrieval(Api.browser(), migrated.idNumber(), "Guess@2026x");
        assertThat(wrong.code()).as("another password learns nothing of the initial one").isEqualTo("PASSWORD_WRONG");
    }

    @Test
    @DisplayName("REG-6, RULE-LOCK: wrong passwords in retrieve phone count towards the day's five; the next wrong login locks")
    void wrongRetrievalPasswordsCountTowardsTheLockout() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();

        for (int left = 4; left >= 1; left--) {
            Reply r = startRetrieval(browser, p.idNumber(), WRONG);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("PASSWORD_WRONG");
            assertThat(r.message()).isEqualTo("账号或密码错误，今日还可尝试" + left + "次");
        }
        Reply fifth = browser.passwordStep(p.idNumber(), WRONG);

        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(browser.passwordStep(p.idNumber(), p.password()).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(startRetrieval(browser, p.idNumber(), p.password()).code()).as("retrieve phone while locked")
                .isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    @DisplayName("REG-6, RULE-LOCK: the fifth wrong password in retrieve phone itself locks, as at the login (423 with the unlock time)")
    void fifthWrongRetrievalPasswordLocks() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        String unlock = "将于" + Sim.today().plusDays(1) + " 00:00自动解锁";

        for (int i = 0; i < 4; i++) {
            startRetrieval(browser, p.idNumber(), WRONG);
        }
        Reply fifth = startRetrieval(browser, p.idNumber(), WRONG);

        assertThat(fifth.status()).as("%s", fifth).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fifth.message()).contains(unlock);
        assertThat(browser.passwordStep(p.idNumber(), p.password()).code()).isEqualTo("ACCOUNT_LOCKED");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void lockOut(TestPerson p) {
        Api browser = Api.browser();
        for (int i = 0; i < 4; i++) {
            assertThat(browser.passwordStep(p.idNumber(), WRONG).code()).isEqualTo("PASSWORD_WRONG");
        }
        assertThat(browser.passwordStep(p.idNumber(), WRONG).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(browser.passwordStep(p.idNumber(), p.password()).code()).as("locked: even the right password")
                .isEqualTo("ACCOUNT_LOCKED");
    }

    /** The recovery pages' slider, dragged onto the gap after a human pause. */
    static Api.Slider slider(Api browser) {
        Reply r = browser.post(RECOVERY + "/slider", Json.createObjectBuilder().build());
        assertThat(r.status()).as("slider %s", r).isEqualTo(200);
        Api.Slider slider = new Api.Slider(r.string("token"), r.json().getInt("gapPosition"), System.nanoTime());
        slider.awaitHumanTime();
        return slider;
    }

    static Reply startReset(Api browser, String idNumber) {
        Api.Slider s = slider(browser);
        return browser.post(RECOVERY + "/password-reset", Json.createObjectBuilder().add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", idNumber).add("sliderToken", s.token()).add("sliderPosition", s.gap()).build());
    }

    private static Reply startRetrieval(Api browser, String idNumber, String password) {
        Api.Slider s = slider(browser);
        return browser.post(RECOVERY + "/phone-retrieval", Json.createObjectBuilder()
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", idNumber).add("password", password)
                .add("sliderToken", s.token()).add("sliderPosition", s.gap()).build());
    }

    private static Reply complete(Api browser, String flow, String code) {
        return browser.post(RECOVERY + "/password-reset/complete", flowBody(flow).add("code", code)
                .add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD).build());
    }

    private static JsonObjectBuilder flowBody(String flowToken) {
        return Json.createObjectBuilder().add("flowToken", flowToken);
    }
}
