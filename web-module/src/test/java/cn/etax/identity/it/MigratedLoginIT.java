package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.etax.identity.it.TestPerson.LI_SI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrated user's first login. It uses up 李四's initial password, so it runs once per test run (the database is
 * new for every run); a registration fixture would give it a person of its own.
 */
@DisplayName("RULE-AGREE, RULE-PWD first login of a migrated user")
class MigratedLoginIT {

    private static final String NEW_PASSWORD = "Li4@Tax2026new";

    @BeforeEach
    void freshBusinessDay() {
        Sim.nextBusinessDay();
    }

    @Test
    @DisplayName("RULE-AGREE, RULE-PWD: initial password → agreements → new password (rules checked, the ID number's "
            + "included) → log in again with it")
    void firstLoginSignsAgreementsAndReplacesInitialPassword() {
        Api browser = Api.browser();
        Api.CodedFlow flow = browser.startLoginWithCode(LI_SI.idNumber(), LI_SI.password(), LI_SI.phone());

        Reply verified = browser.smsStep(flow.flowToken(), flow.code());
        assertThat(verified.string("status")).isEqualTo("AGREEMENTS_REQUIRED");
        assertThat(browser.get("/account/profile.xhtml")).as("no session before the agreements")
                .satisfies(LoginIT::redirectsToLogin);

        Reply signed = browser.post("/api/v1/login/agreements", flowBody(flow.flowToken()).build());
        assertThat(signed.string("status")).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        Reply tooShort = browser.post("/api/v1/login/initial-password",
                flowBody(flow.flowToken()).add("password", "Ab1@x").add("confirmation", "Ab1@x").build());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("PASSWORD_LENGTH");
        assertThat(tooShort.message()).isEqualTo("密码长度为8-16位");
        String keepsInitial = "Ab#" + LI_SI.password() + "x";
        Reply personal = browser.post("/api/v1/login/initial-password",
                flowBody(flow.flowToken()).add("password", keepsInitial).add("confirmation", keepsInitial).build());
        assertThat(personal.code()).as("the initial password (last six of the ID number) kept inside the new one")
                .isEqualTo("PASSWORD_PERSONAL");
        assertThat(personal.message()).isEqualTo("密码不能包含证件号码或用户名");

        Reply changed = browser.post("/api/v1/login/initial-password",
                flowBody(flow.flowToken()).add("password", NEW_PASSWORD).add("confirmation", NEW_PASSWORD).build());
        assertThat(changed.string("status")).isEqualTo("RELOGIN_REQUIRED");
        assertThat(browser.get("/account/profile.xhtml")).satisfies(LoginIT::redirectsToLogin);

        assertThat(Api.browser().passwordStep(LI_SI.idNumber(), LI_SI.password()).code())
                .as("the initial password is gone").isEqualTo("PASSWORD_WRONG");
        Api again = Api.browser();
        Reply done = again.login(LI_SI.idNumber(), NEW_PASSWORD, LI_SI.phone());
        assertThat(done.string("status")).isEqualTo("LOGGED_IN");
        assertThat(done.string("name")).isEqualTo(LI_SI.name());
        assertThat(again.get("/account/profile.xhtml").status()).isEqualTo(200);
    }

    private static jakarta.json.JsonObjectBuilder flowBody(String flowToken) {
        return jakarta.json.Json.createObjectBuilder().add("flowToken", flowToken);
    }
}
