package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API-3 存量用户迁移: the old electronic tax bureau's natural-person accounts brought over, then used as a migrated
 * person uses his (RULE-PWD initial password, RULE-AGREE, RULE-RN level 3).
 */
@DisplayName("API-3: accounts of the old system migrated, then logged in with the initial password")
class ExistingAccountsIT {

    private static final String ACCOUNTS = "/api/v1/sync/existing-accounts";
    private static final Map<String, String> TOKEN = Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN);
    private static final String NEW_PASSWORD = "Moved#2026ok";

    @Test
    @DisplayName("a migrated account: level 3, its free phones, the initial password to replace after the "
            + "agreements; a phone someone here proved stays his; the same account again changes nothing")
    void migrated_account_logs_in_with_the_initial_password() {
        TestPerson holder = Fixtures.quickPerson();
        TestPerson old = Fixtures.newCitizen();
        String username = "old" + old.idNumber().substring(10, 17);
        JsonObject account = account(old).add("phones", Json.createArrayBuilder().add(old.phone())
                .add(holder.phone()).add(old.phone())).add("username", username)
                .add("email", "old.account@example.com").build();

        Reply migrated = send(account);
        assertThat(migrated.status()).as("%s", migrated).isEqualTo(200);
        assertThat(migrated.string("outcome")).isEqualTo("MIGRATED");
        assertThat(migrated.json().getInt("realNameLevel")).isEqualTo(3);
        assertThat(migrated.string("usernameOutcome")).isEqualTo("SET");
        assertThat(migrated.json().getJsonArray("phones").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("phoneMasked") + " " + p.getString("outcome"))
                .containsExactly(Fixtures.maskedPhone(old.phone()) + " ADDED",
                        Fixtures.maskedPhone(holder.phone()) + " HELD_BY_ANOTHER");
        assertThat(migrated.body()).as("RULE-MASK").doesNotContain(old.idNumber(), old.name(), old.phone());

        Reply again = send(account);
        assertThat(again.string("outcome")).as("%s", again).isEqualTo("EXISTS");
        assertThat(Api.browser().login(holder).string("status")).as("the holder keeps his phone")
                .isEqualTo("LOGGED_IN");

        String initial = old.idNumber().substring(12);
        Api browser = Api.browser();
        Api.CodedFlow flow = browser.startLoginWithCode(old.idNumber(), initial, old.phone());
        assertThat(browser.smsStep(flow.flowToken(), flow.code()).string("status")).isEqualTo("AGREEMENTS_REQUIRED");
        Reply signed = browser.post("/api/v1/login/agreements",
                Json.createObjectBuilder().add("flowToken", flow.flowToken()).build());
        assertThat(signed.string("status")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        Reply changed = browser.post("/api/v1/login/initial-password", Json.createObjectBuilder()
                .add("flowToken", flow.flowToken()).add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD)
                .build());
        assertThat(changed.string("status")).as("%s", changed).isEqualTo("RELOGIN_REQUIRED");

        Api later = Api.browser();
        Reply done = later.login(username, NEW_PASSWORD, old.phone());
        assertThat(done.string("status")).as("by the migrated username: %s", done).isEqualTo("LOGGED_IN");
        assertThat(done.string("name")).isEqualTo(old.name());
        assertThat(AccountFixtures.profile(later).getInt("realNameLevel")).isEqualTo(3);
    }

    @Test
    @DisplayName("the old system's level 4 comes along; a taken username is left out, not the account")
    void level_four_and_a_taken_username() {
        TestPerson old = Fixtures.newCitizen();
        Reply migrated = send(account(old).add("realNameLevel", 4).add("username", TestPerson.ZHANG_SAN.username())
                .add("phones", Json.createArrayBuilder().add(old.phone())).build());
        assertThat(migrated.string("outcome")).as("%s", migrated).isEqualTo("MIGRATED");
        assertThat(migrated.json().getInt("realNameLevel")).isEqualTo(4);
        assertThat(migrated.string("usernameOutcome")).isEqualTo("TAKEN");
    }

    @Test
    @DisplayName("a document an account here added (PER-7) is already here: EXISTS, no second account for it")
    void a_document_added_here_is_not_migrated_again() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = AccountFixtures.loggedIn(p);
        String number = DocumentsIT.newPassportNumber();
        java.time.LocalDate today = Sim.today();
        JsonObject form = DocumentsIT.passport(p.name(), number, today.minusYears(1), today.plusYears(9)).build();
        String flow = AccountFixtures.beginChange(browser);
        Reply qr = browser.post(AccountFixtures.ME + "/changes/" + flow + "/face-check?app=TAX_APP",
                Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        assertThat(browser.post(AccountFixtures.ME + "/documents", Json.createObjectBuilder(form).add("flowToken", flow)
                .build()).status()).isEqualTo(200);

        Reply again = send(Json.createObjectBuilder().add("name", p.name()).add("idType", "CHINESE_PASSPORT")
                .add("idNumber", number).add("phones", Json.createArrayBuilder().add(Fixtures.newPhone())).build());
        assertThat(again.string("outcome")).as("%s", again).isEqualTo("EXISTS");
        assertThat(Api.browser().passwordStep(number, number.substring(number.length() - 6)).code())
                .as("an added document is no login account, and no migrated one was made").isEqualTo(
                        "USER_NOT_REGISTERED");
    }

    @Test
    @DisplayName("bad accounts are refused with what is wrong and nothing is written; without the token, 403")
    void refusals() {
        TestPerson old = Fixtures.newCitizen();
        String badCheckDigit = old.idNumber().substring(0, 17) + (old.idNumber().endsWith("0") ? "1" : "0");
        Map<JsonObject, String> bad = Map.of(
                account(old).add("realNameLevel", 5).build(), "MIGRATED_LEVEL_INVALID",
                account(old).add("phones", Json.createArrayBuilder().add("1380000")).build(), "PHONE_INVALID",
                account(old).add("username", "1abc").build(), "USERNAME_INVALID",
                account(old).add("email", "nobody@").build(), "EMAIL_INVALID",
                Json.createObjectBuilder(account(old).build()).add("idNumber", badCheckDigit).build(),
                "ID_NUMBER_INVALID");
        bad.forEach((body, code) -> {
            Reply r = send(body);
            assertThat(r.status()).as("%s: %s", code, r).isEqualTo(400);
            assertThat(r.code()).isEqualTo(code);
        });
        assertThat(Api.browser().send("POST", ACCOUNTS, account(old).build(), Map.of()).status()).isEqualTo(403);
        assertThat(Api.browser().passwordStep(old.idNumber(), old.idNumber().substring(12)).code())
                .as("nothing migrated").isEqualTo("USER_NOT_REGISTERED");
        assertThat(send(account(old).build()).string("outcome")).isEqualTo("MIGRATED");
    }

    private static JsonObjectBuilder account(TestPerson p) {
        return Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber());
    }

    private static Reply send(JsonObject body) {
        return Api.browser().send("POST", ACCOUNTS, body, TOKEN);
    }
}
