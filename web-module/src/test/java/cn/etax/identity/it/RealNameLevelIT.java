package cn.etax.identity.it;

import jakarta.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.etax.identity.it.AccountFixtures.ME;
import static cn.etax.identity.it.AccountFixtures.beginChange;
import static cn.etax.identity.it.AccountFixtures.json;
import static cn.etax.identity.it.AccountFixtures.loggedIn;
import static cn.etax.identity.it.AccountFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

/** PER-6 over REST: a level-3 person raises the real-name level to 4 with a QR face check (【提升等级】). */
@DisplayName("PER-6 real-name level: raise 3 → 4 by face check")
class RealNameLevelIT {

    private static final String RAISE = ME + "/real-name-level";

    /**
     * A person taken over from the old system (level 3, no face check yet) who signed the agreements and replaced
     * the initial password at his first login, so he logs in as anyone else.
     */
    static TestPerson levelThreePerson() {
        TestPerson migrated = Fixtures.migratedPerson();
        Api browser = Api.browser();
        Api.CodedFlow flow = browser.startLoginWithCode(migrated.idNumber(), migrated.password(), migrated.phone());
        assertThat(browser.smsStep(flow.flowToken(), flow.code()).string("status")).isEqualTo("AGREEMENTS_REQUIRED");
        Reply signed = browser.post("/api/v1/login/agreements", json("flowToken", flow.flowToken()));
        assertThat(signed.string("status")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        Reply changed = browser.post("/api/v1/login/initial-password", json("flowToken", flow.flowToken(),
                "password", Fixtures.PASSWORD, "confirmation", Fixtures.PASSWORD));
        assertThat(changed.string("status")).as("%s", changed).isEqualTo("RELOGIN_REQUIRED");
        return migrated.withPassword(Fixtures.PASSWORD);
    }

    @Test
    @DisplayName("PER-6: no face check, no raise; a confirmed one raises to 4 in the profile and the session; then 暂无需提升")
    void raise_by_face_check() {
        TestPerson p = levelThreePerson();
        Api browser = loggedIn(p);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(3);
        String flow = beginChange(browser);

        Reply unproven = browser.post(RAISE, json("flowToken", flow));
        assertThat(unproven.status()).as("%s", unproven).isEqualTo(403);
        assertThat(unproven.code()).isEqualTo("QR_NOT_CONFIRMED");
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(3);

        Reply qr = browser.post(ME + "/changes/" + flow + "/face-check?app=TAX_APP", Json.createObjectBuilder().build());
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply raised = browser.post(RAISE, json("flowToken", flow));

        assertThat(raised.status()).as("%s", raised).isEqualTo(200);
        assertThat(raised.json().getInt("realNameLevel")).isEqualTo(4);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(4);
        assertThat(browser.get("/api/v1/me/identity").json().getInt("realNameLevel"))
                .as("the session's caller carries the new level (single sign-on assertions too)").isEqualTo(4);
        assertThat(AccountIT.auditActions(GrantFixtures.personId(browser), "REAL_NAME_LEVEL_RAISED"))
                .containsExactly("3 -> 4 by face check");

        Reply again = browser.post(RAISE, json("flowToken", beginChange(browser)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("REAL_NAME_LEVEL_SUFFICIENT");
        assertThat(again.message()).isEqualTo("当前实名等级已为四级，暂无需提升等级");
    }

    @Test
    @DisplayName("RULE-RN: the face check of a risky operation (confirming an authorisation) raises level 3 to 4 too")
    void risky_operation_face_check_raises_the_level() {
        TestPerson p = levelThreePerson();
        GrantFixtures.Enterprise e = GrantFixtures.registerEnterprise();
        long grant = GrantFixtures.offer(GrantFixtures.manager(e), e, p, null);
        Api browser = loggedIn(p);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(3);

        String flow = GrantFixtures.beginConfirmation(browser, grant).string("flowToken");
        Reply qr = browser.post(GrantFixtures.GRANTS + "/confirmations/" + flow + "/face-check",
                Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply confirmed = GrantFixtures.confirm(browser, flow, grant);

        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(4);
        assertThat(browser.get("/api/v1/me/identity").json().getInt("realNameLevel"))
                .as("the session and its assertions carry it at once").isEqualTo(4);
    }

    @Test
    @DisplayName("PER-6: a failed face check raises nothing and the proof cannot be used")
    void failed_face_check_raises_nothing() {
        TestPerson p = levelThreePerson();
        Api browser = loggedIn(p);
        String flow = beginChange(browser);
        Reply qr = browser.post(ME + "/changes/" + flow + "/face-check?app=TAX_APP", Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), false);

        Reply refused = browser.post(RAISE, json("flowToken", flow));

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(3);
    }
}
