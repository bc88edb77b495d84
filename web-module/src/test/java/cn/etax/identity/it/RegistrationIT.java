package cn.etax.identity.it;

import cn.etax.identity.it.Fixtures.Registration;
import cn.etax.identity.shared.Gb11643;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REG-1..REG-4 through {@code /api/v1/registrations}, each test with citizens of its own ({@link Fixtures}). After
 * every refused completion the test checks that nothing was half-written: the ID number is still unknown to the
 * login and the phone still belongs to whoever held it.
 */
@DisplayName("REG-1..REG-4 natural-person registration over REST")
class RegistrationIT {

    /**
     * The demo data's person collected offline at a tax office (REG-2, REG-3). Only
     * {@link #collectedPersonWithTheSamePhoneSkipsTheFaceCheck()} may use him: registering him is once per run.
     */
    private static final TestPerson JOHN_SMITH =
            new TestPerson("John Smith", "P12345678", "13800000005", null, "Smith#2026usa");

    @BeforeEach
    void freshBusinessDay() {
        // a new day also opens a new per-address throttle window (RULE-LOCK) for the login checks below
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("REG-1, RULE-RN: identity check → SMS code → tax-app face check → 201 at level 4; the new person logs in with password + SMS")
    void registersAndLogsIn() {
        TestPerson p = Fixtures.newCitizen();
        Api browser = Api.browser();

        Registration reg = Registration.start(browser, p);
        assertThat(reg.identityChecked().string("nameMasked")).isEqualTo(masked(p.name()));
        reg.sendCode(p.phone());
        Reply details = reg.details(p.phone());
        assertThat(details.status()).as("details %s", details).isEqualTo(200);
        assertThat(details.json().getBoolean("faceCheckRequired")).isTrue();
        reg.passFaceCheck();
        Reply done = reg.complete(p.phone(), Sim.latestCode(p.phone()));

        assertThat(done.status()).as("completion %s", done).isEqualTo(201);
        assertThat(done.json().getInt("realNameLevel")).isEqualTo(4);
        Reply byId = Api.browser().login(p.idNumber(), p.password(), p.phone());
        assertThat(byId.string("status")).isEqualTo("LOGGED_IN");
        assertThat(byId.string("name")).isEqualTo(p.name());
        assertThat(byId.json().getInt("realNameLevel")).isEqualTo(4);
        assertThat(Api.browser().login(p).string("status")).as("login by the new phone").isEqualTo("LOGGED_IN");
    }

    @ParameterizedTest(name = "REG-1, RULE-ID: sequence digit {0} → {1}; birth date and nationality read off the number")
    @CsvSource({"1, MALE", "2, FEMALE"})
    void identityCheckDerivesGenderAndBirthDate(int sequenceDigit, String gender) {
        String first17 = "32010219880229" + "10" + sequenceDigit;
        String number = first17 + Gb11643.checkCharacter(first17);
        String name = Fixtures.newName();
        addCitizen(name, number);

        Reply r = Registration.identityCheck(Api.browser(), name, "RESIDENT_ID_CARD", number, false);

        assertThat(r.status()).as("identity check %s", r).isEqualTo(200);
        assertThat(r.string("gender")).isEqualTo(gender);
        assertThat(r.string("birthDate")).isEqualTo("1988-02-29");
        assertThat(r.string("nationality")).isEqualTo("CHN");
        assertThat(r.string("idMasked")).isEqualTo("320*************" + number.substring(16));
        assertThat(r.json().getBoolean("collectedOffline")).isFalse();
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
        assertThat(r.message()).isEqualTo("使用该证件类型的，请先前往办税服务场所采集实名信息，再通过电子税务局完成用户注册");
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
    @DisplayName("REG-1: a name the public-security registry does not confirm → 401 ID_CHECK_FAILED")
    void nameMismatch() {
        TestPerson p = Fixtures.newCitizen();

        Reply r = Registration.identityCheck(Api.browser(), p.name() + "明", "RESIDENT_ID_CARD", p.idNumber(), false);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("ID_CHECK_FAILED");
        assertThat(r.message()).isEqualTo("身份信息校验未通过，请核对姓名、证件类型和证件号码");
    }

    @Test
    @DisplayName("REG-1: an ID already registered → 409 该证件已注册，请直接登录…")
    void alreadyRegistered() {
        TestPerson p = Fixtures.quickPerson();

        Reply r = Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), false);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("ALREADY_REGISTERED");
        assertThat(r.message()).isEqualTo("该证件已注册，请直接登录；如忘记密码，请使用“忘记密码”找回");
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

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("SMS_CODE_USED");
        assertThat(replay.message()).isEqualTo("短信验证码已失效，请重新获取");
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

    @Test
    @DisplayName("RULE-PHONE: registering with a phone another person holds moves it; the phone logs in the new owner, the old one keeps the ID-number login")
    void phoneMovesToTheNewOwner() {
        TestPerson previous = Fixtures.quickPerson();
        TestPerson p = Fixtures.newCitizen();
        TestPerson newOwner = new TestPerson(p.name(), p.idNumber(), previous.phone(), null, "Owner#2026new");
        Registration reg = Registration.start(Api.browser(), newOwner);
        reg.sendCode(previous.phone());
        reg.passFaceCheck();

        assertThat(reg.complete(previous.phone(), Sim.latestCode(previous.phone())).status()).isEqualTo(201);

        Reply byPhone = Api.browser().login(newOwner);
        assertThat(byPhone.string("name")).as("the phone logs in its new owner").isEqualTo(newOwner.name());
        Reply oldByPhone = Api.browser().passwordStep(previous.phone(), previous.password());
        assertThat(oldByPhone.status()).isEqualTo(401);
        assertThat(oldByPhone.code()).as("the phone is no longer the old holder's account")
                .isEqualTo("PASSWORD_WRONG");
        Reply oldById = Api.browser().passwordStep(previous.idNumber(), previous.password());
        assertThat(oldById.status()).as("the old holder still logs in by ID number: %s", oldById).isEqualTo(200);
        assertThat(oldById.string("name")).isEqualTo(masked(previous.name()));
        assertThat(oldById.string("phone")).as("no phone left for the SMS factor").isEmpty();
        assertThat(oldById.json().getBoolean("smsAvailable")).isFalse();
    }

    @Test
    @DisplayName("REG-2, REG-3: John Smith (foreign passport, collected offline) with the collected phone registers without a face check; another phone would need one")
    void collectedPersonWithTheSamePhoneSkipsTheFaceCheck() {
        Api browser = Api.browser();
        Reply checked = Registration.identityCheck(browser, JOHN_SMITH.name(), "FOREIGN_PASSPORT",
                JOHN_SMITH.idNumber(), true);
        assertThat(checked.status()).as("John Smith is registered by this test only; did another IT use him? %s",
                checked).isEqualTo(200);
        assertThat(checked.json().getBoolean("collectedOffline")).isTrue();
        assertThat(checked.string("nationality")).isEqualTo("USA");
        Registration reg = registration(browser, checked).withPassword(JOHN_SMITH.password());

        String otherPhone = Fixtures.newPhone();
        assertThat(reg.details(otherPhone).json().getBoolean("faceCheckRequired")).as("another phone").isTrue();
        reg.sendCode(otherPhone);
        Reply withoutFace = reg.complete(otherPhone, Sim.latestCode(otherPhone));
        assertThat(withoutFace.code()).as("another phone without a face check").isEqualTo("FACE_CHECK_REQUIRED");

        assertThat(reg.details(JOHN_SMITH.phone()).json().getBoolean("faceCheckRequired")).isFalse();
        reg.sendCode(JOHN_SMITH.phone());
        Reply done = reg.complete(JOHN_SMITH.phone(), Sim.latestCode(JOHN_SMITH.phone()));

        assertThat(done.status()).as("completion %s", done).isEqualTo(201);
        assertThat(done.json().getInt("realNameLevel")).isEqualTo(4);
        Reply login = Api.browser().login(JOHN_SMITH.idNumber(), JOHN_SMITH.password(), JOHN_SMITH.phone());
        assertThat(login.string("status")).isEqualTo("LOGGED_IN");
        assertThat(login.string("name")).isEqualTo(JOHN_SMITH.name());
    }

    @Test
    @DisplayName("REG-1: two parallel completions of one registration → exactly one 201, the other a clear refusal; one account")
    void parallelCompletionsMakeOneAccount() {
        TestPerson p = Fixtures.newCitizen();
        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(p.phone());
        reg.passFaceCheck();
        String code = Sim.latestCode(p.phone());

        CompletableFuture<Reply> one = reg.completeAsync(Api.browser(), p.phone(), code);
        CompletableFuture<Reply> two = reg.completeAsync(Api.browser(), p.phone(), code);
        List<Reply> replies = List.of(one.join(), two.join());

        assertThat(replies).filteredOn(r -> r.status() == 201).as("created: %s", replies).hasSize(1);
        Reply loser = replies.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
        assertThat(loser.status()).as("%s", loser).isIn(401, 409);
        assertThat(loser.code()).isIn("FLOW_INVALID", "SMS_CODE_USED", "ALREADY_REGISTERED");
        assertThat(loser.message()).isNotBlank().doesNotContain("系统繁忙");
        assertThat(Api.browser().login(p).string("status")).isEqualTo("LOGGED_IN");
        assertThat(Registration.identityCheck(Api.browser(), p.name(), "RESIDENT_ID_CARD", p.idNumber(), false)
                .code()).isEqualTo("ALREADY_REGISTERED");
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
        assertThat(r.string("name")).isEqualTo(masked(holder.name()));
        assertThat(r.string("phone")).isEqualTo(holder.phone().substring(0, 3) + "****" + holder.phone().substring(7));
    }

    static String masked(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private static String otherCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private static void addCitizen(String name, String number) {
        Reply r = Api.browser().post("/api/sim/citizens", jakarta.json.Json.createObjectBuilder().add("name", name)
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", number).add("nationality", "CHN").build());
        assertThat(r.status()).as("add citizen: %s", r).isBetween(200, 204);
    }

    private static Registration registration(Api browser, Reply checked) {
        return Registration.resume(browser, checked);
    }
}
