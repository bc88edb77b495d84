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
 * REG-1, REG-2 and RULE-PHONE through {@code /api/v1/registrations}: registrations that succeed, each test with
 * citizens of its own ({@link Fixtures}). The refusals are in {@link RegistrationRefusalIT}.
 */
@DisplayName("REG-1, REG-2 natural-person registration over REST")
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
        assertThat(reg.identityChecked().string("nameMasked")).isEqualTo(Fixtures.maskedName(p.name()));
        reg.sendCode(p.phone());
        String code = Sim.latestCode(p.phone());
        Reply wrong = reg.details(p.phone(), code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.status()).as("details %s", wrong).isEqualTo(401);
        assertThat(wrong.message()).as("told before the face check").isEqualTo("短信验证码错误");
        Reply details = reg.details(p.phone(), code);
        assertThat(details.status()).as("details %s", details).isEqualTo(200);
        assertThat(details.json().getBoolean("faceCheckRequired")).isTrue();
        reg.passFaceCheck();
        Reply done = reg.complete(p.phone(), code);

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
        assertThat(oldById.string("name")).isEqualTo(Fixtures.maskedName(previous.name()));
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
        Registration reg = Registration.resume(browser, checked).withPassword(JOHN_SMITH.password());

        String otherPhone = Fixtures.newPhone();
        assertThat(reg.details(otherPhone).json().getBoolean("faceCheckRequired")).as("another phone").isTrue();
        reg.sendCode(otherPhone);
        Reply withoutFace = reg.complete(otherPhone, Sim.latestCode(otherPhone));
        assertThat(withoutFace.code()).as("another phone without a face check").isEqualTo("FACE_CHECK_REQUIRED");

        // the collected phone spares the face check only once its code proved it: a number alone tells nothing
        assertThat(reg.details(JOHN_SMITH.phone()).json().getBoolean("faceCheckRequired")).as("not proven yet")
                .isTrue();
        reg.sendCode(JOHN_SMITH.phone());
        String code = Sim.latestCode(JOHN_SMITH.phone());
        assertThat(reg.details(JOHN_SMITH.phone(), code).json().getBoolean("faceCheckRequired")).isFalse();
        Reply done = reg.complete(JOHN_SMITH.phone(), code);

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

    @Test
    @DisplayName("REG-1: three registrations of one person, each ready with its own phone, completed at once → one "
            + "account, the others 409 ALREADY_REGISTERED, never a system error")
    void parallelRegistrationsOfOnePersonMakeOneAccount() {
        TestPerson p = Fixtures.newCitizen();
        List<CompletableFuture<Reply>> pending = new java.util.ArrayList<>();
        List<String> phones = new java.util.ArrayList<>();
        List<Registration> ready = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Registration reg = Registration.start(Api.browser(), p);
            String phone = i == 0 ? p.phone() : Fixtures.newPhone();
            reg.sendCode(phone);
            reg.passFaceCheck();
            phones.add(phone);
            ready.add(reg);
        }
        for (int i = 0; i < 3; i++) {
            pending.add(ready.get(i).completeAsync(Api.browser(), phones.get(i), Sim.latestCode(phones.get(i))));
        }
        List<Reply> replies = pending.stream().map(CompletableFuture::join).toList();

        assertThat(replies).filteredOn(r -> r.status() == 201).as("created: %s", replies).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201).as("%s", replies).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("ALREADY_REGISTERED");
                });
        String winner = phones.get(replies.indexOf(replies.stream().filter(r -> r.status() == 201).findFirst()
                .orElseThrow()));
        assertThat(Api.browser().login(p.idNumber(), p.password(), winner).string("status")).isEqualTo("LOGGED_IN");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void addCitizen(String name, String number) {
        Reply r = Api.browser().post("/api/sim/citizens", jakarta.json.Json.createObjectBuilder().add("name", name)
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", number).add("nationality", "CHN").build());
        assertThat(r.status()).as("add citizen: %s", r).isBetween(200, 204);
    }
}
