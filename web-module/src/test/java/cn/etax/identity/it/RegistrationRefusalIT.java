package cn.etax.identity.it;

import cn.etax.identity.it.Fixtures.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REG-1, REG-3, REG-4, RULE-ID, RULE-PWD and RULE-SMS: registrations that are refused, each with citizens of its own
 * ({@link Fixtures}). After every refusal the test checks that nothing was half-written: the login does not know the
 * ID number, and the phone the registrant verified still belongs to whoever held it.
 */
@DisplayName("REG-1..REG-4 registration refusals leave nothing half-written")
class RegistrationRefusalIT {

    @BeforeEach
    void freshBusinessDay() {
        // a new day also opens a new per-address throttle window (RULE-LOCK) for the login checks below
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("RULE-ID: a resident ID number with a wrong check digit → 400 证件号码格式不正确…")
    void wrongCheckDigit() {
        String valid = Fixtures.newIdNumber();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        String number = valid.substring(0, 17) + wrong;

        Reply r = Registration.identityCheck(Api.browser(), Fixtures.newName(), "RESIDENT_ID_CARD", number, false);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("ID_NUMBER_INVALID");
        assertThat(r.message()).isEqualTo("证件号码格式不正确，请核对后重新输入");
    }

    @Test
    @DisplayName("REG-3: a foreign passport not collected at a tax office → 400 OFFLINE_COLLECTION_REQUIRED")
    void foreignPassportNeedsOfflineCollection() {
        Reply r = Registration.identityCheck(Api.browser(), "Jane Doe", "FOREIGN_PASSPORT", "X98765432", true);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("OFFLINE_COLLECTION_REQUIRED");
        assertThat(r.message()).isEqualTo("使用该证件类型的，请先前往办税服务场所采集实名信息，再通过电子税务局完成用户注册；"
                + "已采集的，请核对姓名与采集时填写的一致");
    }

    @Test
    @DisplayName("REG-1, LOGIN-5: an overseas registration with a resident identity card is refused; the same person "
            + "registers as a domestic one")
    void residentCardIsNoOverseasDocument() {
        TestPerson p = Fixtures.newCitizen();
        Reply overseas = Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), true);
        assertThat(overseas.status()).isEqualTo(400);
        assertThat(overseas.code()).isEqualTo("OVERSEAS_DOCUMENT_REQUIRED");
        assertThat(overseas.message()).isEqualTo("境外自然人注册请使用港澳台居民或外籍人员的身份证件；持居民身份证的，请选择境内自然人注册");
        assertThat(Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), false)
                .status()).isEqualTo(200);
    }

    @Test
    @DisplayName("REG-4: the ID registry down → 503 当前实名核验服务繁忙，请稍后重试, no account; back up, the same person registers")
    void registryDownLeavesNoAccount() {
        TestPerson p = Fixtures.newCitizen();
        Reply busy;
        Fixtures.identityRegistryDown(true);
        try {
            busy = Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), false);
        } finally {
            Fixtures.identityRegistryDown(false);
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("ID_REGISTRY_BUSY");
        assertThat(busy.message()).isEqualTo("当前实名核验服务繁忙，请稍后重试");
        assertNotRegistered(p);

        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(p.phone());
        reg.passFaceCheck();
        assertThat(reg.complete(p.phone(), Sim.latestCode(p.phone())).status()).isEqualTo(201);
        assertThat(Api.browser().login(p).string("status")).isEqualTo("LOGGED_IN");
    }

    @Test
    @DisplayName("REG-1: a name the public-security registry does not confirm → 400 ID_CHECK_FAILED")
    void nameMismatch() {
        TestPerson p = Fixtures.newCitizen();

        Reply r = Registration.identityCheck(Api.browser(), p.name() + "明", "RESIDENT_ID_CARD", p.idNumber(), false);

        assertThat(r.status()).as("wrong data, not a failed login").isEqualTo(400);
        assertThat(r.code()).isEqualTo("ID_CHECK_FAILED");
        assertThat(r.message()).isEqualTo("身份信息校验未通过，请核对姓名、证件类型和证件号码");
    }

    @Test
    @DisplayName("REG-1, LOGIN-8: an ID already registered → 409 该证件已注册，请直接登录…, but only with the holder's name")
    void alreadyRegistered() {
        TestPerson p = Fixtures.quickPerson();

        Reply r = Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), false);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("ALREADY_REGISTERED");
        assertThat(r.message()).isEqualTo("该证件已注册，请直接登录；如忘记密码，请使用“忘记密码”找回");

        // LOGIN-8: without the holder's name the number alone tells nothing
        Reply wrongName = Registration.identityCheck(Api.browser(), p.name() + "某", "RESIDENT_ID_CARD", p.idNumber(),
                false);
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(wrongName.code()).isEqualTo("ID_CHECK_FAILED");
    }

    @ParameterizedTest(name = "RULE-PWD: \"{0}\" → {1} {2}; nothing written")
    @CsvSource(delimiter = '|', value = {
            "Ab1@xyz    | PASSWORD_LENGTH     | 密码长度为8-16位",
            "abcdefgh123 | PASSWORD_CATEGORIES | 密码须包含数字、大写字母、小写字母、特殊字符中的3种及以上",
            "P@ssw0rd   | PASSWORD_COMMON     | 该密码过于常见，容易被猜中，请更换"})
    void passwordRules(String password, String code, String message) {
        TestPerson holder = Fixtures.quickPerson();
        TestPerson p = Fixtures.newCitizen();
        Registration reg = Registration.start(Api.browser(), p).withPassword(password);

        Reply early = reg.details(holder.phone());
        reg.sendCode(holder.phone());
        reg.passFaceCheck();
        Reply refused = reg.complete(holder.phone(), Sim.latestCode(holder.phone()));

        for (Reply r : List.of(early, refused)) {
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.message()).isEqualTo(message);
        }
        assertNotRegistered(p);
        assertStillHolds(holder);
    }

    @Test
    @DisplayName("RULE-SMS, REG-1: a wrong SMS code → 401 短信验证码错误, nothing written, phone not moved; the right code then registers")
    void wrongSmsCode() {
        TestPerson holder = Fixtures.quickPerson();
        TestPerson p = Fixtures.newCitizen();
        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(holder.phone());
        reg.passFaceCheck();
        String code = Sim.latestCode(holder.phone());

        Reply wrong = reg.complete(holder.phone(), otherCode(code));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("SMS_CODE_INCORRECT");
        assertThat(wrong.message()).isEqualTo("短信验证码错误");
        assertNotRegistered(p);
        assertStillHolds(holder);
        assertThat(reg.complete(holder.phone(), code).status()).as("retry with the right code").isEqualTo(201);
    }

    @Test
    @DisplayName("RULE-SMS: a code that completed one registration is refused in another registration to the same phone")
    void usedCodeIsRefused() {
        TestPerson first = Fixtures.newCitizen();
        Registration a = Registration.start(Api.browser(), first);
        a.sendCode(first.phone());
        a.passFaceCheck();
        String code = Sim.latestCode(first.phone());
        assertThat(a.complete(first.phone(), code).status()).isEqualTo(201);

        TestPerson second = Fixtures.newCitizen();
        Registration b = Registration.start(Api.browser(), second);
        b.passFaceCheck();
        Reply replay = b.complete(first.phone(), code);
        Reply sameFlow = a.complete(first.phone(), code);

        // the code belongs to the other registration: this one never sent a code, and is asked to get one
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("SMS_CODE_NOT_SENT");
        assertThat(replay.message()).isEqualTo("请先获取短信验证码");
        assertThat(sameFlow.status()).as("the finished flow again: %s", sameFlow).isEqualTo(401);
        assertThat(sameFlow.code()).isEqualTo("FLOW_INVALID");
        assertNotRegistered(second);
        assertStillHolds(first);
    }

    @Test
    @DisplayName("REG-4: a failed face check → 401 FACE_CHECK_FAILED pointing to the tax office, no account; a retried face check registers")
    void faceCheckFailed() {
        TestPerson holder = Fixtures.quickPerson();
        TestPerson p = Fixtures.newCitizen();
        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(holder.phone());

        assertThat(reg.faceCheck(false)).isEqualTo("FAILED");
        Reply refused = reg.complete(holder.phone(), Sim.latestCode(holder.phone()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("FACE_CHECK_FAILED");
        assertThat(refused.message()).startsWith("人脸识别认证未通过").contains("请前往办税服务厅进行实名信息采集");
        assertNotRegistered(p);
        assertStillHolds(holder);

        reg.passFaceCheck();
        assertThat(reg.complete(holder.phone(), Sim.latestCode(holder.phone())).status()).as("retry").isEqualTo(201);
    }

    @Test
    @DisplayName("REG-1: no face check at all → 401 FACE_CHECK_REQUIRED, no account")
    void faceCheckRequired() {
        TestPerson p = Fixtures.newCitizen();
        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(p.phone());

        Reply refused = reg.complete(p.phone(), Sim.latestCode(p.phone()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("FACE_CHECK_REQUIRED");
        assertThat(refused.message()).isEqualTo("请先使用税务App或个人所得税App扫码完成人脸识别认证");
        assertNotRegistered(p);
    }


    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Nothing half-written: the login does not know the ID number. */
    static void assertNotRegistered(TestPerson p) {
        Reply r = Api.browser().passwordStep(p.idNumber(), p.password());
        assertThat(r.status()).as("login with %s: %s", p.idNumber(), r).isEqualTo(401);
        assertThat(r.code()).isEqualTo("USER_NOT_REGISTERED");
        assertThat(r.message()).isEqualTo("该用户未注册");
    }

    /** The phone still logs its holder in (password step answers the holder's masked name and phone). */
    static void assertStillHolds(TestPerson holder) {
        Reply r = Api.browser().passwordStep(holder.phone(), holder.password());
        assertThat(r.status()).as("%s logs in by phone: %s", holder.name(), r).isEqualTo(200);
        assertThat(r.string("name")).isEqualTo(Fixtures.maskedName(holder.name()));
        assertThat(r.string("phone")).isEqualTo(Fixtures.maskedPhone(holder.phone()));
    }

    private static String otherCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
