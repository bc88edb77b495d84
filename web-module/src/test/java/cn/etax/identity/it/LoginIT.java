package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static cn.etax.identity.it.TestPerson.ZHANG_SAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

@DisplayName("LOGIN-1 natural-person login over REST")
class LoginIT {

    private static final String PROFILE = "/account/profile.xhtml";

    @BeforeEach
    void freshBusinessDay() {
        Sim.nextBusinessDay();
    }

    @ParameterizedTest(name = "LOGIN-1, RULE-2FA: {0} + password + SMS code logs 张三 in")
    @CsvSource({"phone, 13800000001", "ID number, 11010519491231002X", "username, zhangsan01"})
    void logsInWithAnyAccount(String kind, String account) {
        Api browser = Api.browser();

        Reply done = browser.login(account, ZHANG_SAN.password(), ZHANG_SAN.phone());

        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        assertThat(done.string("name")).isEqualTo(ZHANG_SAN.name());
        assertThat(done.json().getInt("realNameLevel")).isEqualTo(4);
        assertThat(browser.get(PROFILE).status()).as("account center opens").isEqualTo(200);
    }

    @Test
    @DisplayName("RULE-2FA: the password alone does not log in; the account center still redirects to login")
    void passwordAloneIsNotALogin() {
        Api browser = Api.browser();
        Reply started = browser.passwordStep(ZHANG_SAN.idNumber(), ZHANG_SAN.password());

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.string("phone")).as("phone shown masked").isEqualTo("138****0001");
        assertThat(browser.get(PROFILE)).satisfies(LoginIT::redirectsToLogin);
    }

    @Test
    @DisplayName("LOGIN-8, RULE-LOG: an unknown ID number answers 该用户未注册 (USER_NOT_REGISTERED, 401); the attempt "
            + "is recorded, as is a failed slider, without a person")
    void unknownAccount() {
        int unknownBefore = AccountIT.anonymousLoginRecords("USER_NOT_REGISTERED");
        int sliderBefore = AccountIT.anonymousLoginRecords("HUMAN_CHECK_FAILED");
        Reply r = Api.browser().passwordStep("110101199003071233", "Whatever@2026");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("USER_NOT_REGISTERED");
        assertThat(r.message()).isEqualTo("该用户未注册");
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        assertThat(browser.passwordStep(ZHANG_SAN.phone(), "Whatever@2026", slider, slider.gap()).code())
                .as("answered at once: faster than a person").isEqualTo("HUMAN_CHECK_FAILED");
        assertThat(AccountIT.anonymousLoginRecords("USER_NOT_REGISTERED")).isEqualTo(unknownBefore + 1);
        assertThat(AccountIT.anonymousLoginRecords("HUMAN_CHECK_FAILED")).isEqualTo(sliderBefore + 1);
    }

    @Test
    @DisplayName("LOGIN-8: an unknown phone answers 手机号码不存在，您可以尝试使用证件号码登录")
    void unknownPhone() {
        Reply r = Api.browser().passwordStep("13912345678", "Whatever@2026");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("PHONE_NOT_REGISTERED");
        assertThat(r.message()).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");
    }

    @Test
    @DisplayName("RULE-LOCK: a slider dropped away from the gap is refused before the password is checked")
    void wrongSlider() {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();

        Reply r = browser.passwordStep(ZHANG_SAN.phone(), ZHANG_SAN.password(), slider, slider.wrongPosition());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("HUMAN_CHECK_FAILED");
        assertThat(r.message()).isEqualTo("滑块验证未通过，请重新拖动滑块完成验证");
    }

    @Test
    @DisplayName("RULE-LOCK: a slider answered faster than a person can drag is refused, even on the gap")
    void sliderAnsweredByAScript() {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();

        Reply r = browser.passwordStep(ZHANG_SAN.phone(), ZHANG_SAN.password(), slider, slider.gap());

        assertThat(r.code()).isEqualTo("HUMAN_CHECK_FAILED");
    }

    @Test
    @DisplayName("RULE-LOCK: a slider is good for one answer; answering it again is refused")
    void sliderAnsweredTwice() {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();

        Reply first = browser.passwordStep(ZHANG_SAN.phone(), ZHANG_SAN.password(), slider, slider.gap());
        Reply again = browser.passwordStep(ZHANG_SAN.phone(), ZHANG_SAN.password(), slider, slider.gap());

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("HUMAN_CHECK_FAILED");
    }

    @Test
    @DisplayName("RULE-LOCK: ten parallel answers to one slider: exactly one gets to the password")
    void sliderAnsweredInParallel() {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();

        java.util.List<Reply> replies = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> browser.passwordStepAsync(ZHANG_SAN.phone(), ZHANG_SAN.password(), slider,
                        slider.gap()))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(replies).filteredOn(r -> r.status() == 200).as("%s", replies).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("HUMAN_CHECK_FAILED"));
    }

    @Test
    @DisplayName("RULE-LOCK: a slider token whose signature was altered is refused")
    void forgedSlider() {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        String token = slider.token();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("0000") ? "1111" : "0000");

        Reply r = browser.passwordStep(ZHANG_SAN.phone(), ZHANG_SAN.password(),
                new Api.Slider(forged, slider.gap(), slider.issuedNanos()), slider.gap());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("HUMAN_CHECK_FAILED");
        assertThat(r.message()).isEqualTo("滑块验证未通过，请重新拖动滑块完成验证");
    }

    @Test
    @DisplayName("RULE-LOCK, LOGIN-8: a wrong password says how many attempts are left today")
    void wrongPasswordShowsAttemptsLeft() {
        Api browser = Api.browser();

        Reply first = browser.passwordStep(ZHANG_SAN.phone(), "Wrong@2026pass");
        Reply second = browser.passwordStep(ZHANG_SAN.phone(), "Wrong@2026pass");

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.code()).isEqualTo("PASSWORD_WRONG");
        assertThat(first.message()).isEqualTo("账号或密码错误，今日还可尝试4次");
        assertThat(second.message()).isEqualTo("账号或密码错误，今日还可尝试3次");
    }

    @Test
    @DisplayName("LOGIN-9: the session id changes at login; the id from before the login opens nothing")
    void sessionIdChangesAtLogin() {
        Api browser = Api.browser();
        assertThat(browser.get("/login.xhtml").status()).isEqualTo(200);
        String before = browser.sessionId().orElseThrow(() -> new AssertionError("the login page starts no session"));

        browser.login(ZHANG_SAN);

        String after = browser.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(Api.browser().getWithSession(PROFILE, after).status()).isEqualTo(200);
        assertThat(Api.browser().getWithSession(PROFILE, before)).satisfies(LoginIT::redirectsToLogin);
    }

    @Test
    @DisplayName("LOGIN-9, ASVS 3.1.1: a session named in the address (;ETAXSESSION=…) opens nothing: 400 for pages "
            + "and REST")
    void sessionIdInTheAddressOpensNothing() {
        Api browser = Api.browser();
        browser.login(ZHANG_SAN);
        String session = browser.sessionId().orElseThrow();

        for (String path : List.of("/api/v1/me/profile;ETAXSESSION=" + session,
                "/account/profile.xhtml;ETAXSESSION=" + session, "/api/v1/me/profile;etaxsession=" + session)) {
            Reply r = Api.browser().get(path);
            assertThat(r.status()).as("%s: %s", path, r).isEqualTo(400);
            if (path.startsWith("/api/")) {
                assertThat(r.code()).isEqualTo("SESSION_IN_ADDRESS");
                assertThat(r.message()).isEqualTo("地址中不能携带会话标识，请从页面正常访问");
            }
        }
        assertThat(Api.browser().get("/index.xhtml;ETAXSESSION=" + session).status()).as("an open page too")
                .isEqualTo(400);
        assertThat(Api.browser().get("/api/v1/me/profile;jsessionid=" + session).status())
                .as("the container's own parameter is not taken for this session").isEqualTo(401);
        assertThat(browser.get(PROFILE).status()).as("the cookie still works").isEqualTo(200);
    }

    @Test
    @DisplayName("LOGIN-9: logout ends the session; the old cookie no longer opens the account center")
    void logoutEndsSession() {
        Api browser = Api.browser();
        browser.login(ZHANG_SAN);
        String session = browser.sessionId().orElseThrow();
        assertThat(browser.get(PROFILE).status()).isEqualTo(200);

        assertThat(browser.logout().status()).isEqualTo(204);

        assertThat(browser.get(PROFILE)).satisfies(LoginIT::redirectsToLogin);
        assertThat(Api.browser().getWithSession(PROFILE, session)).as("copied cookie after logout")
                .satisfies(LoginIT::redirectsToLogin);
    }

    @Test
    @DisplayName("RULE-SMS: a code that completed a login cannot be replayed for the same flow")
    void usedCodeIsRefused() {
        Api victim = Api.browser();
        Api.CodedFlow flow = victim.startLoginWithCode(ZHANG_SAN.phone(), ZHANG_SAN.password(), ZHANG_SAN.phone());
        assertThat(victim.smsStep(flow.flowToken(), flow.code()).string("status")).isEqualTo("LOGGED_IN");

        Api attacker = Api.browser();
        Reply replay = attacker.smsStep(flow.flowToken(), flow.code());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isIn("FLOW_INVALID", "SMS_CODE_USED");
        assertThat(attacker.sessionId()).isEmpty();
        assertThat(attacker.get(PROFILE)).satisfies(LoginIT::redirectsToLogin);
    }

    @Test
    @DisplayName("RULE-SMS, RULE-2FA: a code sent for one login flow is refused in another flow of the same person")
    void codeIsBoundToItsFlow() {
        Api first = Api.browser();
        Api.CodedFlow a = first.startLoginWithCode(ZHANG_SAN.phone(), ZHANG_SAN.password(), ZHANG_SAN.phone());
        Api second = Api.browser();
        Api.CodedFlow b = second.startLoginWithCode(ZHANG_SAN.phone(), ZHANG_SAN.password(), ZHANG_SAN.phone());
        assumeThat(a.code()).as("two random codes happen to be equal").isNotEqualTo(b.code());

        Reply crossed = second.smsStep(b.flowToken(), a.code());

        assertThat(crossed.status()).isEqualTo(401);
        assertThat(crossed.code()).isEqualTo("SMS_CODE_WRONG");
        assertThat(crossed.message()).startsWith("短信验证码错误");
        assertThat(second.smsStep(b.flowToken(), b.code()).string("status")).isEqualTo("LOGGED_IN");
        assertThat(first.smsStep(a.flowToken(), a.code()).string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("LOGIN-2..LOGIN-4: a page of an entry's account center, opened without a session (Back after a "
            + "logout), leads to that entry's login page")
    void protectedPagesLeadToTheirEntry() {
        Map<String, String> entries = Map.of("/account/profile.xhtml", "/login.xhtml",
                "/account/enterprise/staff.xhtml", "/enterprise-login.xhtml",
                "/account/agent/info.xhtml", "/agent-login.xhtml",
                "/account/crossregion/info.xhtml", "/special-login.xhtml");
        entries.forEach((page, login) -> {
            Reply r = Api.browser().get(page);
            assertThat(r.status()).as("%s", page).isEqualTo(302);
            assertThat(r.header("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith(login));
        });
    }

    static void redirectsToLogin(Reply r) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(302);
        assertThat(r.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
    }
}
