package cn.etax.identity.it;

import jakarta.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static cn.etax.identity.it.TestPerson.ZHANG_SAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULE-LOCK on 张三. Lockout is per business day, so each test starts on a new day of the simulator clock instead
 * of undoing the previous test's lock.
 */
@DisplayName("RULE-LOCK five failures a day lock the account until midnight")
class LockoutIT {

    private static final String WRONG = "Wrong@2026pass";

    @BeforeEach
    void freshBusinessDay() {
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("RULE-LOCK, LOGIN-8: the fifth wrong password locks with the unlock time (next midnight, Asia/Shanghai); the right password is refused then")
    void fifthFailureLocks() {
        Api browser = Api.browser();
        LocalDate today = Sim.today();

        for (int left = 4; left >= 1; left--) {
            Reply r = browser.passwordStep(ZHANG_SAN.idNumber(), WRONG);
            assertThat(r.message()).isEqualTo("账号或密码错误，今日还可尝试" + left + "次");
        }
        Reply fifth = browser.passwordStep(ZHANG_SAN.idNumber(), WRONG);
        Reply right = browser.passwordStep(ZHANG_SAN.idNumber(), ZHANG_SAN.password());

        String unlock = "将于" + today.plusDays(1) + " 00:00自动解锁";
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fifth.message()).contains(unlock);
        assertThat(right.status()).isEqualTo(423);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right.message()).contains(unlock);
    }

    @Test
    @DisplayName("RULE-LOCK: the fifth wrong SMS code locks with the unlock time; the right code is refused then")
    void fifthWrongSmsCodeLocks() {
        Api browser = Api.browser();
        LocalDate today = Sim.today();
        Api.CodedFlow flow = browser.startLoginWithCode(ZHANG_SAN.idNumber(), ZHANG_SAN.password(),
                ZHANG_SAN.phone());
        String wrong = flow.code().equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 4; i++) {
            assertThat(browser.smsStep(flow.flowToken(), wrong).code()).isEqualTo("SMS_CODE_WRONG");
        }
        Reply fifth = browser.smsStep(flow.flowToken(), wrong);
        Reply right = browser.smsStep(flow.flowToken(), flow.code());

        String unlock = "将于" + today.plusDays(1) + " 00:00自动解锁";
        assertThat(fifth.status()).as("%s", fifth).isEqualTo(423);
        assertThat(fifth.message()).contains(unlock);
        assertThat(right.status()).as("%s", right).isEqualTo(423);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right.message()).contains(unlock);
    }

    @Test
    @DisplayName("RULE-LOCK: an empty password or SMS code is asked for again and spends none of the day's attempts")
    void emptyAnswersSpendNoAttempt() {
        Api browser = Api.browser();
        for (String empty : new String[] {"", "   "}) {
            Reply r = browser.passwordStep(ZHANG_SAN.idNumber(), empty);
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("PASSWORD_REQUIRED");
            assertThat(r.message()).isEqualTo("请输入密码");
        }
        Reply noAccount = browser.passwordStep("  ", WRONG);
        assertThat(noAccount.status()).as("%s", noAccount).isEqualTo(400);
        assertThat(noAccount.message()).isEqualTo("请输入证件号码、手机号码或用户名");
        assertThat(browser.passwordStep(ZHANG_SAN.idNumber(), WRONG).message())
                .isEqualTo("账号或密码错误，今日还可尝试4次");

        Api.CodedFlow flow = browser.startLoginWithCode(ZHANG_SAN.idNumber(), ZHANG_SAN.password(),
                ZHANG_SAN.phone());
        for (String empty : new String[] {"", " "}) {
            Reply r = browser.smsStep(flow.flowToken(), empty);
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.message()).isEqualTo("请输入短信验证码");
        }
        String wrong = flow.code().equals("000000") ? "111111" : "000000";
        assertThat(browser.smsStep(flow.flowToken(), wrong).message()).isEqualTo("短信验证码错误，今日还可尝试4次");
        assertThat(browser.smsStep(flow.flowToken(), flow.code()).string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("RULE-LOCK: the lock ends at midnight; then the right password and SMS code log in")
    void lockEndsAtMidnight() {
        Api browser = Api.browser();
        for (int i = 0; i < 5; i++) {
            browser.passwordStep(ZHANG_SAN.idNumber(), WRONG);
        }
        assertThat(browser.passwordStep(ZHANG_SAN.idNumber(), ZHANG_SAN.password()).code())
                .isEqualTo("ACCOUNT_LOCKED");

        Sim.moveClockPastMidnight();

        assertThat(browser.login(ZHANG_SAN.idNumber(), ZHANG_SAN.password(), ZHANG_SAN.phone()).string("status"))
                .isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("RULE-LOCK: 20 parallel wrong passwords (each with its own slider) get at most 5 guesses; the rest are locked")
    void parallelGuessesNeverExceedTheLimit() {
        Api browser = Api.browser();
        List<Api.Slider> sliders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sliders.add(browser.slider());
        }
        sliders.get(sliders.size() - 1).awaitHumanTime();

        List<CompletableFuture<Reply>> pending = sliders.stream()
                .map(s -> browser.passwordStepAsync(ZHANG_SAN.idNumber(), WRONG, s, s.gap())).toList();
        List<Reply> replies = pending.stream().map(CompletableFuture::join).toList();

        Map<String, Long> byCode = replies.stream().collect(Collectors.groupingBy(Reply::code, Collectors.counting()));
        // the guesses that reach the hash check may themselves answer ACCOUNT_LOCKED: by the time one is judged,
        // the others have used up the day's attempts. What counts is that no more than five were checked.
        assertThat(byCode.keySet()).as("answers %s", byCode).isSubsetOf("PASSWORD_WRONG", "ACCOUNT_LOCKED");
        assertThat(byCode.getOrDefault("PASSWORD_WRONG", 0L)).as("guesses that reached the password check")
                .isLessThanOrEqualTo(5);
        assertThat(replies).filteredOn(r -> "ACCOUNT_LOCKED".equals(r.code()))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(423));
        assertThat(browser.passwordStep(ZHANG_SAN.idNumber(), ZHANG_SAN.password()).code())
                .isEqualTo("ACCOUNT_LOCKED");
    }


    @Test
    @DisplayName("RULE-LOCK: a flow whose password passed before the lock cannot end it by a QR face check")
    void lockHoldsForTheQrFaceCheck() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        String early = browser.startLogin(p.idNumber(), p.password());
        Reply qr = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", early)
                .add("app", "TAX_APP").build());
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        String later = browser.startLogin(p.idNumber(), p.password());

        Api.CodedFlow locking = browser.startLoginWithCode(p.idNumber(), p.password(), p.phone());
        String wrong = locking.code().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            browser.smsStep(locking.flowToken(), wrong);
        }
        Reply done = browser.post("/api/v1/login/qr/complete", Json.createObjectBuilder().add("flowToken", early)
                .build());
        assertThat(done.status()).as("the confirmed face check of a locked account: %s", done).isEqualTo(423);
        assertThat(done.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(done.header("Set-Cookie")).as("no session").isEmpty();
        Reply start = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", later)
                .add("app", "TAX_APP").build());
        assertThat(start.code()).as("no new face check while locked").isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    @DisplayName("RULE-LOCK: one failed face check counts once, however often its result is asked for")
    void failedFaceCheckCountsOnce() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        String flow = browser.startLogin(p.idNumber(), p.password());
        Reply qr = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", flow)
                .add("app", "TAX_APP").build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), false);
        for (int i = 0; i < 6; i++) {
            Reply failed = browser.post("/api/v1/login/qr/complete", Json.createObjectBuilder()
                    .add("flowToken", flow).build());
            assertThat(failed.code()).as("asked again, %d: %s", i, failed).isEqualTo("FACE_CHECK_FAILED");
        }
        assertThat(browser.passwordStep(p.idNumber(), p.password()).status()).as("not locked by one failure")
                .isEqualTo(200);
    }
}
