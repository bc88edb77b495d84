package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.etax.identity.it.AccountFixtures.ME;
import static cn.etax.identity.it.AccountFixtures.beginChange;
import static cn.etax.identity.it.AccountFixtures.codeToOwnPhone;
import static cn.etax.identity.it.AccountFixtures.json;
import static cn.etax.identity.it.AccountFixtures.loggedIn;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.find;
import static cn.etax.identity.it.GrantFixtures.offer;
import static cn.etax.identity.it.GrantFixtures.staffMember;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * REG-7 用户注销 over REST: the login data goes, the real-name data and the enterprise relationships stay, every
 * session of the person ends, and registering again brings the same relationships back.
 */
@DisplayName("REG-7 deregistration from the personal account center")
class DeregistrationIT {

    private static final String DEREGISTRATION = ME + "/deregistration";

    @Test
    @DisplayName("REG-7: deregistered by SMS, nobody logs in any more, the staff grant stays; registering again brings it back")
    void deregister_and_register_again() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api staff = loggedIn(officer);
        long grantId = offer(boss, e, officer, null);
        assertThat(confirmWithFace(staff, grantId).status()).isEqualTo(200);
        long personId = GrantFixtures.personId(staff);
        Api otherBrowser = loggedIn(officer);

        String flow = beginChange(staff);
        String code = deregistrationCode(staff, flow, officer.phone());
        assertThat(Sim.latestText(officer.phone())).as("the SMS says what the code does")
                .contains("您正在注销电子税务局个人账户");
        Reply done = staff.post(DEREGISTRATION, json("flowToken", flow, "code", code));

        assertThat(done.status()).as("deregistration: %s", done).isEqualTo(204);
        assertThat(staff.get(ME + "/profile").status()).as("this session has ended").isEqualTo(401);
        Reply elsewhere = otherBrowser.get(ME + "/profile");
        assertThat(elsewhere.status()).as("the session in the other browser has ended too").isEqualTo(401);
        assertThat(elsewhere.code()).isEqualTo("NOT_LOGGED_IN");

        Reply byId = Api.browser().passwordStep(officer.idNumber(), officer.password());
        assertThat(byId.status()).isEqualTo(401);
        assertThat(byId.code()).isEqualTo("USER_NOT_REGISTERED");
        assertThat(byId.message()).isEqualTo("该用户未注册");
        Reply byPhone = Api.browser().passwordStep(officer.phone(), officer.password());
        assertThat(byPhone.code()).as("the phone left the account").isEqualTo("PHONE_NOT_REGISTERED");
        Reply reset = RecoveryIT.startReset(Api.browser(), officer.idNumber());
        assertThat(reset.code()).as("REG-5 has no account to reset").isEqualTo("USER_NOT_REGISTERED");

        JsonObject kept = staffMember(boss, e, grantId);
        assertThat(kept.getString("state")).as("the relationship is not ended").isEqualTo("ACTIVE");
        assertThat(AccountIT.auditActions(personId, "DEREGISTERED")).containsExactly("by SMS code");

        Fixtures.Registration again = Fixtures.Registration.start(Api.browser(), officer);
        again.sendCode(officer.phone());
        again.passFaceCheck();
        Reply registered = again.complete(officer.phone(), again.latestCode(officer.phone()));
        assertThat(registered.status()).as("registering again: %s", registered).isEqualTo(201);

        Api back = loggedIn(officer);
        assertThat(GrantFixtures.personId(back)).as("the same person record").isEqualTo(personId);
        assertThat(find(back.get(GrantFixtures.GRANTS), grantId)).as("the grant is his again, unchanged")
                .hasValueSatisfying(g -> assertThat(g.getString("state")).isEqualTo("ACTIVE"));
        assertThat(staffMember(boss, e, grantId).getString("state")).isEqualTo("ACTIVE");
        assertThat(otherBrowser.get(ME + "/profile").status()).as("an old session stays ended").isEqualTo(401);
    }

    @Test
    @DisplayName("REG-7: a wrong code, a code or a face check asked for another change (ASVS 2.7.3) or an "
            + "unconfirmed face check deregisters nothing; the deregistration's own confirmed face check does")
    void proof_is_required() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = loggedIn(p);
        String flow = beginChange(browser);
        String otherChange = codeToOwnPhone(browser, flow, null, p.phone());
        assertThat(Sim.latestText(p.phone())).doesNotContain("注销");
        Reply notForThis = browser.post(DEREGISTRATION, json("flowToken", flow, "code", otherChange));
        assertThat(notForThis.status()).as("%s", notForThis).isEqualTo(400);
        assertThat(notForThis.code()).isEqualTo("SMS_CODE_NOT_SENT");
        deregistrationCode(browser, flow, p.phone());

        Reply wrong = browser.post(DEREGISTRATION, json("flowToken", flow, "code", "000000"));
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(403);
        assertThat(wrong.code()).startsWith("SMS_CODE_");

        String faceFlow = beginChange(browser);
        Reply noFace = browser.post(DEREGISTRATION, json("flowToken", faceFlow));
        assertThat(noFace.status()).as("%s", noFace).isEqualTo(403);
        assertThat(noFace.code()).isEqualTo("QR_NOT_CONFIRMED");
        Reply noFlow = browser.post(DEREGISTRATION, json());
        assertThat(noFlow.code()).as("%s", noFlow).isEqualTo("FLOW_INVALID");
        assertThat(browser.get(ME + "/profile").status()).as("still registered and logged in").isEqualTo(200);

        Reply other = browser.post(ME + "/changes/" + faceFlow + "/face-check?app=TAX_APP",
                Json.createObjectBuilder().build());
        assertThat(other.status()).as("%s", other).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(other.string("qrToken"), true);
        Reply otherCheck = browser.post(DEREGISTRATION, json("flowToken", faceFlow));
        assertThat(otherCheck.code()).as("a face check for another change: %s", otherCheck)
                .isEqualTo("QR_NOT_CONFIRMED");

        Reply qr = browser.post(DEREGISTRATION + "/face-check", json("flowToken", faceFlow, "app", "TAX_APP"));
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        assertThat(Fixtures.TaxApp.scan(qr.string("qrToken")).string("purpose"))
                .as("the app tells the person what he confirms").isEqualTo("DEREGISTRATION");
        Fixtures.TaxApp.decide(qr.string("qrToken"), true);
        Reply done = browser.post(DEREGISTRATION, json("flowToken", faceFlow));

        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(Api.browser().passwordStep(p.idNumber(), p.password()).code()).isEqualTo("USER_NOT_REGISTERED");
    }

    /** The code that proves a deregistration, read from the outbox. */
    private static String deregistrationCode(Api browser, String flow, String phone) {
        Reply r = browser.post(DEREGISTRATION + "/sms-code", json("flowToken", flow));
        assertThat(r.status()).as("deregistration code: %s", r).isEqualTo(200);
        assertThat(r.string("phone")).isEqualTo(Fixtures.maskedPhone(phone));
        return Sim.latestCode(phone);
    }
}
