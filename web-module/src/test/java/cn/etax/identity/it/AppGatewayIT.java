package cn.etax.identity.it;

import cn.etax.identity.it.QrLoginIT.Code;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.etax.identity.it.AccountFixtures.ME;
import static cn.etax.identity.it.AccountFixtures.beginChange;
import static cn.etax.identity.it.AccountFixtures.json;
import static cn.etax.identity.it.AccountFixtures.loggedIn;
import static cn.etax.identity.it.AccountFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * §11 the apps' production adapter point: the tax apps' back ends report scans, live-face verdicts and confirmed QR
 * logins over {@code /api/v1/apps} with the shared secret — the same flows the simulator's mobile-app page drives.
 */
@DisplayName("§11, LOGIN-7, RULE-RN: the tax apps' back ends through the app gateway")
class AppGatewayIT {

    private static final String APPS = "/api/v1/apps";
    private static final Map<String, String> TOKEN = Map.of("X-App-Token", PayaraMicro.APPS_TOKEN);

    @Test
    @DisplayName("a face check scanned and passed in the app raises a migrated person to level 4; no secret, no call")
    void face_check_through_the_gateway() {
        TestPerson p = RealNameLevelIT.levelThreePerson();
        Api browser = loggedIn(p);
        String flow = beginChange(browser);
        String qrToken = browser.post(ME + "/changes/" + flow + "/face-check?app=TAX_APP",
                Json.createObjectBuilder().build()).string("qrToken");

        Reply forged = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().add("faceMatches", true).build(), Map.of("X-App-Token", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("APP_TOKEN_INVALID");

        Reply scanned = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/scan", null, TOKEN);
        assertThat(scanned.status()).as("%s", scanned).isEqualTo(200);
        assertThat(scanned.string("subjectMasked")).isEqualTo(Fixtures.maskedName(p.name()));
        Reply noVerdict = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().build(), TOKEN);
        assertThat(noVerdict.code()).isEqualTo("FACE_VERDICT_REQUIRED");
        Reply decided = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().add("faceMatches", true).build(), TOKEN);
        assertThat(decided.string("state")).as("%s", decided).isEqualTo("CONFIRMED");

        Reply raised = browser.post(ME + "/real-name-level", json("flowToken", flow));
        assertThat(raised.status()).as("%s", raised).isEqualTo(200);
        assertThat(profile(browser).getInt("realNameLevel")).isEqualTo(4);
    }

    @Test
    @DisplayName("RULE-LOCK: an IIT app logged in as someone else decides nothing — told so, the check stays open for "
            + "the person's own app and no face failure counts against him")
    void iit_app_of_another_person_decides_nothing() {
        TestPerson p = RealNameLevelIT.levelThreePerson();
        TestPerson other = Fixtures.quickPerson();
        Api browser = loggedIn(p);
        String flow = beginChange(browser);
        String qrToken = browser.post(ME + "/changes/" + flow + "/face-check?app=IIT_APP",
                Json.createObjectBuilder().build()).string("qrToken");
        assertThat(Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/scan", null, TOKEN).status())
                .isEqualTo(200);

        Reply notLoggedIn = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().add("faceMatches", true).build(), TOKEN);
        assertThat(notLoggedIn.code()).as("%s", notLoggedIn).isEqualTo("QR_APP_LOGIN_REQUIRED");
        Reply someoneElse = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().add("faceMatches", true).add("appUserIdType", "RESIDENT_ID_CARD")
                        .add("appUserIdNumber", other.idNumber()).build(), TOKEN);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.code()).isEqualTo("QR_APP_USER_MISMATCH");
        assertThat(someoneElse.message()).isEqualTo("个人所得税App当前登录的不是本人账号，请本人登录App后重新扫码");

        Reply his = Api.browser().send("POST", APPS + "/face-checks/" + qrToken + "/decision",
                Json.createObjectBuilder().add("faceMatches", true).add("appUserIdType", "RESIDENT_ID_CARD")
                        .add("appUserIdNumber", p.idNumber()).build(), TOKEN);
        assertThat(his.string("state")).as("still his to pass: %s", his).isEqualTo("CONFIRMED");
        assertThat(browser.post(ME + "/real-name-level", json("flowToken", flow)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("LOGIN-7: the IIT app's back end scans and confirms a login page's code for its logged-in user")
    void qr_login_through_the_gateway() {
        TestPerson p = Fixtures.quickPerson();
        Api page = Api.browser();
        Code code = QrLoginIT.start(page);
        JsonObject user = Json.createObjectBuilder().add("scanner", "IIT_APP").add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber()).build();

        Reply scanned = Api.browser().send("POST", APPS + "/qr-logins/" + code.qrToken() + "/scan", user, TOKEN);
        assertThat(scanned.status()).as("%s", scanned).isEqualTo(200);
        assertThat(QrLoginIT.state(page, code)).isEqualTo("SCANNED");
        Reply confirmed = Api.browser().send("POST", APPS + "/qr-logins/" + code.qrToken() + "/confirm", user, TOKEN);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(204);

        Reply done = QrLoginIT.complete(page, code);
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(page.get("/api/v1/me/identity").status()).isEqualTo(200);

        // the IIT app is personal business only, said before any choice among his identities there
        GrantFixtures.Enterprise e = GrantFixtures.registerEnterprise();
        Code other = QrLoginIT.start(Api.browser());
        Reply enterprise = Api.browser().send("POST", APPS + "/qr-logins/" + other.qrToken() + "/scan",
                Json.createObjectBuilder().add("scanner", "IIT_APP").add("idType", "RESIDENT_ID_CARD")
                        .add("idNumber", e.legal().idNumber()).add("creditCode", e.creditCode()).build(), TOKEN);
        assertThat(enterprise.status()).as("%s", enterprise).isEqualTo(403);
        assertThat(enterprise.code()).isEqualTo("QR_IIT_APP_PERSONAL_ONLY");
    }
}
