package cn.etax.identity.it;

import cn.etax.identity.it.SocialSecurityLoginIT.Payer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the container itself refuses reaches integrators as the API's JSON error and people as the site's own page,
 * never as the server's error report; a malformed Accept-Language header changes nothing but the language.
 */
@DisplayName("API-1: the container's refusals in the API's shape; bad Accept-Language headers")
class ErrorRepliesIT {

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own: these calls log in and fail on purpose (ThrottleIT)
    }

    @Test
    @DisplayName("a session whose role may not use an address gets 403 ACCESS_DENIED as JSON, in its language; a page "
            + "gets the site's page")
    void wrong_role_is_answered_in_the_apis_shape() {
        Payer unit = SocialSecurityLoginIT.synced(SocialSecurityLoginIT.newUnit(), false);
        String username = SocialSecurityLoginIT.newUsername();
        assertThat(SocialSecurityLoginIT.setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api payer = Api.browser();
        assertThat(SocialSecurityLoginIT.login(payer, unit, username, Fixtures.PASSWORD).string("status"))
                .isEqualTo("LOGGED_IN");

        Reply zh = payer.get("/api/v1/me/profile");
        assertThat(zh.status()).as("%s", zh).isEqualTo(403);
        assertThat(zh.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(zh.code()).isEqualTo("ACCESS_DENIED");
        assertThat(zh.message()).isEqualTo("当前身份无权使用该功能，请以有权限的身份登录后再试");
        Reply en = payer.send("GET", "/api/v1/me/profile", null, Map.of("Accept-Language", "fr-FR,en;q=0.5"));
        assertThat(en.status()).isEqualTo(403);
        assertThat(en.message()).isEqualTo("The current identity may not use this function. Log in with an identity "
                + "that may, then try again");

        Reply page = payer.get("/account/profile.xhtml");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("无权访问", "您当前登录的身份无权访问该页面").doesNotContain("Payara");

        // no session at all: 401 in the same language choice, never kept by a cache
        Reply loggedOut = Api.browser().send("GET", "/api/v1/me/profile", null,
                Map.of("Accept-Language", "fr-FR,en;q=0.5"));
        assertThat(loggedOut.status()).isEqualTo(401);
        assertThat(loggedOut.code()).isEqualTo("NOT_LOGGED_IN");
        assertThat(loggedOut.message()).doesNotContainPattern("\\p{IsHan}");
        assertThat(loggedOut.header("Cache-Control")).hasValue("no-store");

        Api person = AccountFixtures.loggedIn(Fixtures.quickPerson());
        Reply feeOnly = person.get("/api/v1/social-security/me");
        assertThat(feeOnly.status()).as("%s", feeOnly).isEqualTo(403);
        assertThat(feeOnly.code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("API-1, RULE-LOCK: a login with a number or true for text, control characters or a password no form "
            + "takes is refused as such and spends no attempt")
    void malformed_credentials_spend_no_attempt() {
        TestPerson p = Fixtures.quickPerson();
        for (String body : new String[] {"{\"account\":\"%s\",\"password\":true}",
                "{\"account\":\"%s\",\"password\":12345678}", "{\"account\":[\"%s\"],\"password\":\"x\"}"}) {
            Reply r = Api.browser().sendRaw("POST", "/api/v1/login/password", "application/json",
                    body.formatted(p.phone()), Map.of());
            assertThat(r.status()).as("%s: %s", body, r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("REQUEST_BODY_INVALID");
        }
        Api browser = Api.browser();
        Reply nul = browser.passwordStep(p.phone(), "Wr\u0000ong@2026");
        assertThat(nul.status()).as("%s", nul).isEqualTo(400);
        assertThat(nul.code()).isEqualTo("TEXT_INVALID");
        assertThat(browser.passwordStep(p.phone() + "\u0007", "Wrong@2026").code()).isEqualTo("TEXT_INVALID");
        assertThat(browser.passwordStep(p.phone() + "\n", "Wrong@2026").code()).as("a line break after it")
                .isEqualTo("TEXT_INVALID");
        Reply huge = browser.passwordStep(p.phone(), "W".repeat(200_000));
        assertThat(huge.code()).as("%s", huge).isEqualTo("TEXT_TOO_LONG");
        assertThat(huge.message()).isEqualTo("输入内容过长，最多64个字符");

        Reply wrong = browser.passwordStep(p.phone(), "Wrong@2026x");
        assertThat(wrong.code()).isEqualTo("PASSWORD_WRONG");
        assertThat(wrong.message()).as("the first counted attempt").isEqualTo("账号或密码错误，今日还可尝试4次");
    }

    @Test
    @DisplayName("a number out of range, a fraction for an id or a word for true/false is 400 REQUEST_BODY_INVALID, "
            + "never read as another value")
    void json_values_are_read_as_written() {
        Api person = AccountFixtures.loggedIn(Fixtures.quickPerson());
        for (String grantId : new String[] {"18446744073709551674", "58.7", "\"58\""}) {
            Reply r = person.sendRaw("POST", "/api/v1/me/identity/switch", "application/json",
                    "{\"kind\":\"ENTERPRISE\",\"grantId\":" + grantId + "}", Map.of());
            assertThat(r.status()).as("grantId %s: %s", grantId, r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("REQUEST_BODY_INVALID");
        }
        for (String date : new String[] {"+999999999-12-31", "2030-1-5", "20300105"}) {
            Reply r = person.sendRaw("POST", "/api/v1/me/documents", "application/json",
                    "{\"idType\":\"CHINESE_PASSPORT\",\"validUntil\":\"" + date + "\"}", Map.of());
            assertThat(r.code()).as("date %s: %s", date, r).isEqualTo("REQUEST_BODY_INVALID");
        }
        Reply whichPhone = person.post("/api/v1/me/reveal", jakarta.json.Json.createObjectBuilder()
                .add("field", "PHONE").build());
        assertThat(whichPhone.status()).as("%s", whichPhone).isEqualTo(400);
        assertThat(whichPhone.code()).isEqualTo("PHONE_ID_REQUIRED");
        Reply slider = Api.browser().sendRaw("POST", "/api/v1/login/password", "application/json",
                "{\"account\":\"13800000001\",\"password\":\"x\",\"sliderToken\":\"t\","
                        + "\"sliderPosition\":99999999999999999999}", Map.of());
        assertThat(slider.code()).as("%s", slider).isEqualTo("REQUEST_BODY_INVALID");

        TestPerson p = Fixtures.newCitizen();
        String step = "{\"overseas\":false,\"agreementAccepted\":%s,\"name\":\"" + p.name()
                + "\",\"idType\":\"RESIDENT_ID_CARD\",\"idNumber\":\"" + p.idNumber() + "\"}";
        Reply yes = Api.browser().sendRaw("POST", "/api/v1/registrations/identity-check", "application/json",
                step.formatted("\"yes\""), Map.of());
        assertThat(yes.status()).as("%s", yes).isEqualTo(400);
        assertThat(yes.code()).isEqualTo("REQUEST_BODY_INVALID");
        Reply missing = Api.browser().sendRaw("POST", "/api/v1/registrations/identity-check", "application/json",
                "{\"name\":\"" + p.name() + "\",\"idType\":\"RESIDENT_ID_CARD\",\"idNumber\":\""
                        + p.idNumber() + "\"}", Map.of());
        assertThat(missing.code()).as("left out is not accepted").isEqualTo("AGREEMENT_REQUIRED");
        Reply accepted = Api.browser().sendRaw("POST", "/api/v1/registrations/identity-check", "application/json",
                step.formatted("true"), Map.of());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
    }

    @Test
    @DisplayName("a query value the API cannot read is 400 PARAMETER_INVALID, not a missing address")
    void unreadable_query_value() {
        Api person = AccountFixtures.loggedIn(Fixtures.quickPerson());
        Reply r = person.get("/api/v1/me/grants/pending?identityType=FOO");
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.code()).isEqualTo("PARAMETER_INVALID");
        assertThat(r.message()).isEqualTo("请求参数不正确，请核对后重试");
        assertThat(person.get("/api/v1/me/no-such-thing").code()).isEqualTo("NOT_FOUND");
        assertThat(person.get("/api/v1/me/grants/pending?scope=zzz").code()).isEqualTo("PARAMETER_INVALID");
        assertThat(person.get("/api/v1/me/grants/pending?scope=nationwide").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a request the server cannot parse (a malformed Content-Type) is 400 in the API's shape")
    void malformed_content_type() {
        Reply r = Api.browser().sendRaw("POST", "/api/v1/login/password", "text/plain;a=\"b", "{}", Map.of());
        assertThat(r.status()).as("%s", r).isIn(400, 415);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.code()).isNotBlank();
    }

    @Test
    @DisplayName("API-1: a body over 1 MB is 413 before it is read, with or without a Content-Length; a method the "
            + "address does not take is 405 with Allow; an answer type other than JSON is 406")
    void oversized_bodies_wrong_methods_and_answer_types() {
        String huge = "{\"account\":\"" + "x".repeat((1 << 20) + 1024) + "\",\"password\":\"y\"}";
        Reply declared = Api.browser().sendRaw("POST", "/api/v1/login/password", "application/json", huge, Map.of());
        assertThat(declared.status()).as("%s", declared).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(declared.message()).isEqualTo("请求内容过大，不能超过 1 MB");
        Reply chunked = Api.browser().sendChunked("POST", "/api/v1/login/password", huge);
        assertThat(chunked.status()).as("%s", chunked).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("REQUEST_TOO_LARGE");

        Reply wrongMethod = Api.browser().send("DELETE", "/api/v1/login/slider", null, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));

        Reply notAcceptable = Api.browser().send("POST", "/api/v1/login/slider", null,
                Map.of("Accept", "application/xml"));
        assertThat(notAcceptable.status()).as("%s", notAcceptable).isEqualTo(406);
        assertThat(notAcceptable.code()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    @DisplayName("a malformed Accept-Language header still gets the JSON answer, in Chinese")
    void malformed_accept_language() {
        for (String header : new String[] {"en;q=abc", "xx-invalid-;;", ";", "en-"}) {
            Reply r = Api.browser().send("POST", "/api/v1/login/password", jakarta.json.Json.createObjectBuilder()
                    .build(), Map.of("Accept-Language", header));
            assertThat(r.status()).as("%s: %s", header, r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("ACCOUNT_REQUIRED");
            assertThat(r.message()).isEqualTo("请输入证件号码、手机号码或用户名");
        }
        Reply enterprise = Api.browser().post("/api/v1/login/enterprise/password",
                jakarta.json.Json.createObjectBuilder().build());
        assertThat(enterprise.code()).as("the form's first field first").isEqualTo("CREDIT_CODE_REQUIRED");
    }
}
