package cn.etax.identity.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static cn.etax.identity.it.AccountFixtures.ME;
import static cn.etax.identity.it.AccountFixtures.PASSWORD;
import static cn.etax.identity.it.AccountFixtures.addPhone;
import static cn.etax.identity.it.AccountFixtures.beginChange;
import static cn.etax.identity.it.AccountFixtures.codeToOwnPhone;
import static cn.etax.identity.it.AccountFixtures.deletePhone;
import static cn.etax.identity.it.AccountFixtures.json;
import static cn.etax.identity.it.AccountFixtures.loggedIn;
import static cn.etax.identity.it.AccountFixtures.newPerson;
import static cn.etax.identity.it.AccountFixtures.newPhone;
import static cn.etax.identity.it.AccountFixtures.phoneId;
import static cn.etax.identity.it.AccountFixtures.profile;
import static cn.etax.identity.it.AccountFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The personal account center over REST (PER-1, ENT-6, PER-8), each test with persons of its own. */
@DisplayName("PER-1/ENT-6/PER-8 personal account center over REST")
class AccountIT {

    @Nested
    @DisplayName("PER-1, RULE-MASK: profile and the eye")
    class Profile {

        @Test
        @DisplayName("RULE-MASK: the profile shows name, ID number, birth date and phone masked; the full values "
                + "appear nowhere")
        void profileIsMasked() {
            TestPerson p = newPerson("欧阳明月");
            Api browser = loggedIn(p);

            Reply r = browser.get(ME + "/profile");

            assertThat(r.status()).isEqualTo(200);
            JsonObject profile = r.json();
            assertThat(profile.getString("nameMasked")).isEqualTo("欧***");
            assertThat(profile.getString("idMasked"))
                    .isEqualTo(p.idNumber().substring(0, 3) + "*".repeat(13) + p.idNumber().substring(16));
            assertThat(profile.getJsonArray("phones")).singleElement().satisfies(ph -> {
                assertThat(ph.asJsonObject().getString("masked"))
                        .isEqualTo(p.phone().substring(0, 3) + "****" + p.phone().substring(7));
                assertThat(ph.asJsonObject().getBoolean("isDefault")).isTrue();
            });
            assertThat(profile.getInt("realNameLevel")).isEqualTo(4);
            String birth = p.idNumber().substring(6, 10) + "-" + p.idNumber().substring(10, 12) + "-"
                    + p.idNumber().substring(12, 14);
            assertThat(profile.getString("birthDateMasked")).as("month and day are the ID number's hidden digits")
                    .isEqualTo(p.idNumber().substring(6, 10) + "-**-**");
            assertThat(r.body()).as("nothing in clear anywhere in the JSON")
                    .doesNotContain(p.idNumber(), p.idNumber().substring(6, 14), birth, p.phone(),
                            p.phone().substring(3), p.name());
        }

        @Test
        @DisplayName("RULE-MASK: the eye answers the full ID number and phone, and every reveal is recorded")
        void revealIsRecorded() {
            TestPerson p = newPerson("钱多多");
            Api browser = loggedIn(p);
            JsonObject profile = profile(browser);
            long personId = profile.getJsonNumber("personId").longValue();

            Reply id = browser.post(ME + "/reveal", json("field", "ID_NUMBER"));
            Reply phone = browser.post(ME + "/reveal", json("field", "PHONE", "phoneId", phoneId(profile, p.phone())));
            Reply name = browser.post(ME + "/reveal", json("field", "NAME"));

            assertThat(id.status()).as("%s", id).isEqualTo(200);
            assertThat(id.string("value")).isEqualTo(p.idNumber());
            assertThat(phone.string("value")).isEqualTo(p.phone());
            assertThat(name.string("value")).isEqualTo(p.name());
            assertThat(browser.get(ME + "/profile").body()).as("the profile stays masked after a reveal")
                    .doesNotContain(p.idNumber(), p.phone());
            // The person has no page or API that shows these records (the login log lists logins only); the audit
            // table is the only trace, so the test reads it there.
            assertThat(auditActions(personId, "FIELD_REVEALED")).containsExactlyInAnyOrder("ID_NUMBER", "PHONE", "NAME");
        }

        @Test
        @DisplayName("RULE-MASK: a phone id that is not the caller's reveals nothing")
        void revealOfAnotherPersonsPhone() {
            TestPerson a = newPerson("孙一");
            TestPerson b = newPerson("孙二");
            long aPhone = phoneId(profile(loggedIn(a)), a.phone());

            Reply r = loggedIn(b).post(ME + "/reveal", json("field", "PHONE", "phoneId", aPhone));

            assertThat(r.status()).isIn(403, 404);
            assertThat(r.body()).doesNotContain(a.phone());
        }
    }

    @Nested
    @DisplayName("ENT-6, RULE-PWD: password change")
    class Password {

        private static final String NEW = "Neu#2026tax";

        @Test
        @DisplayName("ENT-6: by the old password; afterwards the old password fails and the new one logs in; the "
                + "person's other session ends and the one he changed it in goes on (ASVS 3.3.3)")
        void byOldPassword() {
            TestPerson p = newPerson("周改密");
            Api other = loggedIn(p);
            Api browser = loggedIn(p);

            Reply r = put(browser, "/password", json("oldPassword", PASSWORD, "password", NEW, "confirmation", NEW));

            assertThat(r.status()).as("%s", r).isEqualTo(204);
            assertThat(browser.get(ME + "/profile").status()).as("the session it was changed in").isEqualTo(200);
            Reply stale = other.get(ME + "/profile");
            assertThat(stale.status()).as("the other session: %s", stale).isEqualTo(401);
            assertThat(browser.get(ME + "/profile").status()).as("still, after the other's refusal").isEqualTo(200);
            Reply old = Api.browser().passwordStep(p.phone(), PASSWORD);
            assertThat(old.status()).isEqualTo(401);
            assertThat(old.code()).isEqualTo("PASSWORD_WRONG");
            assertThat(Api.browser().login(p.withPassword(NEW)).string("status")).isEqualTo("LOGGED_IN");
        }

        @Test
        @DisplayName("ASVS 3.3.3: a login begun with the old password before the change ends in nothing "
                + "(FLOW_INVALID), its code right or not")
        void loginBegunBeforeTheChange() {
            TestPerson p = newPerson("周旧流");
            Api browser = loggedIn(p);
            Api begun = Api.browser();
            Api.CodedFlow flow = begun.startLoginWithCode(p.phone(), PASSWORD, p.phone());

            assertThat(put(browser, "/password", json("oldPassword", PASSWORD, "password", NEW, "confirmation", NEW))
                    .status()).isEqualTo(204);

            Reply late = begun.smsStep(flow.flowToken(), flow.code());
            assertThat(late.status()).as("%s", late).isEqualTo(401);
            assertThat(late.code()).isEqualTo("FLOW_INVALID");
            assertThat(begun.get(ME + "/profile").status()).as("no session").isEqualTo(401);
        }

        @Test
        @DisplayName("ENT-6, RULE-LOCK: a wrong old password answers 原密码不正确 with the attempts left today "
                + "(OLD_PASSWORD_WRONG) and changes nothing")
        void wrongOldPassword() {
            TestPerson p = newPerson("周错密");
            Api browser = loggedIn(p);

            Reply r = put(browser, "/password", json("oldPassword", "Wrong@2026x", "password", NEW, "confirmation", NEW));

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("OLD_PASSWORD_WRONG");
            assertThat(r.message()).isEqualTo("原密码不正确，今日还可尝试4次");
            assertThat(Api.browser().login(p).string("status")).as("old password still valid").isEqualTo("LOGGED_IN");
        }

        @Test
        @DisplayName("ENT-6: the current password again is refused (PASSWORD_UNCHANGED), told only after the old "
                + "password proved the person")
        void unchanged() {
            TestPerson p = newPerson("周同密");
            Api browser = loggedIn(p);

            Reply same = put(browser, "/password", json("oldPassword", PASSWORD, "password", PASSWORD,
                    "confirmation", PASSWORD));
            assertThat(same.status()).as("%s", same).isEqualTo(400);
            assertThat(same.code()).isEqualTo("PASSWORD_UNCHANGED");
            assertThat(same.message()).isEqualTo("新密码不能与原密码相同");
            Reply unproven = put(browser, "/password", json("oldPassword", "Wrong@2026x", "password", PASSWORD,
                    "confirmation", PASSWORD));
            assertThat(unproven.code()).as("no oracle of the current password").isEqualTo("OLD_PASSWORD_WRONG");
        }

        @Test
        @DisplayName("RULE-LOCK: wrong old passwords count as the login's do, empty ones do not; the fifth locks and "
                + "ends the guessing session with the person's others")
        void wrongOldPasswordsLock() {
            TestPerson p = newPerson("周锁密");
            Api other = loggedIn(p);
            Api browser = loggedIn(p);
            for (int i = 0; i < 2; i++) {
                Reply empty = put(browser, "/password", json("oldPassword", "", "password", NEW, "confirmation", NEW));
                assertThat(empty.status()).as("asked for, not counted: %s", empty).isEqualTo(400);
                assertThat(empty.code()).isEqualTo("OLD_PASSWORD_REQUIRED");
            }
            for (int i = 0; i < 4; i++) {
                assertThat(put(browser, "/password", json("oldPassword", "Wrong@2026x" + i, "password", NEW,
                        "confirmation", NEW)).code()).isEqualTo("OLD_PASSWORD_WRONG");
            }
            Reply fifth = put(browser, "/password", json("oldPassword", "Wrong@2026y", "password", NEW,
                    "confirmation", NEW));
            assertThat(fifth.status()).as("%s", fifth).isEqualTo(423);
            assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(Api.browser().passwordStep(p.phone(), PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(browser.get(ME + "/profile").status()).as("the session that guessed").isEqualTo(401);
            assertThat(other.get(ME + "/profile").status()).as("his other session").isEqualTo(401);
        }

        @Test
        @DisplayName("RULE-PWD: a 7-character password answers 密码长度为8-16位 (PASSWORD_LENGTH)")
        void tooShort() {
            Api browser = loggedIn(newPerson("周短密"));

            Reply r = put(browser, "/password", json("oldPassword", PASSWORD, "password", "Ab#1234", "confirmation",
                    "Ab#1234"));

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("PASSWORD_LENGTH");
            assertThat(r.message()).isEqualTo("密码长度为8-16位");
        }

        @Test
        @DisplayName("ENT-6: by an SMS code to the default phone; the used flow cannot change it again")
        void bySms() {
            TestPerson p = newPerson("周短信");
            Api browser = loggedIn(p);
            String flow = beginChange(browser);
            Reply sent = browser.post(ME + "/changes/" + flow + "/sms-own", json());
            assertThat(sent.string("phone")).as("the page names the masked phone the code went to")
                    .isEqualTo(p.phone().substring(0, 3) + "****" + p.phone().substring(7));
            String code = Sim.latestCode(p.phone());

            Reply r = put(browser, "/password", json("flowToken", flow, "code", code, "password", NEW,
                    "confirmation", NEW));

            assertThat(r.status()).as("%s", r).isEqualTo(204);
            assertThat(Api.browser().passwordStep(p.phone(), PASSWORD).code()).isEqualTo("PASSWORD_WRONG");
            assertThat(Api.browser().login(p.withPassword(NEW)).string("status")).isEqualTo("LOGGED_IN");
            Reply again = put(browser, "/password", json("flowToken", flow, "code", code, "password", "Dritt#2026x",
                    "confirmation", "Dritt#2026x"));
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.code()).isIn("FLOW_INVALID", "SMS_CODE_USED");
        }
    }

    @Nested
    @DisplayName("ENT-6, RULE-PHONE: phones")
    class Phones {

        @Test
        @DisplayName("ENT-6: a phone added with codes on the current and the new number logs in; it is not the default")
        void addPhoneAndLogInWithIt() {
            TestPerson p = newPerson("吴加号");
            Api browser = loggedIn(p);
            String second = newPhone();

            JsonObject profile = addPhone(browser, p.phone(), second);

            assertThat(profile.getJsonArray("phones")).extracting(v -> v.asJsonObject().getString("masked"),
                    v -> v.asJsonObject().getBoolean("isDefault")).containsExactlyInAnyOrder(
                    tuple(masked(p.phone()), true), tuple(masked(second), false));
            Reply step = Api.browser().passwordStep(second, PASSWORD);
            assertThat(step.status()).as("RULE-PHONE: any of the phones logs in: %s", step).isEqualTo(200);
            assertThat(step.string("phone")).as("the login code goes to the default phone").isEqualTo(masked(p.phone()));
            assertThat(Api.browser().login(second, PASSWORD, p.phone()).string("status")).isEqualTo("LOGGED_IN");
        }

        @Test
        @DisplayName("ENT-6: a wrong code on the new number adds nothing")
        void addWithWrongCode() {
            TestPerson p = newPerson("吴错码");
            Api browser = loggedIn(p);
            String second = newPhone();
            String flow = beginChange(browser);
            String current = codeToOwnPhone(browser, flow, null, p.phone());
            String fresh = AccountFixtures.codeToNewPhone(browser, flow, second);
            String wrong = fresh.equals("000000") ? "111111" : "000000";

            Reply r = browser.post(ME + "/phones",
                    json("flowToken", flow, "phone", second, "currentCode", current, "newCode", wrong));

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("SMS_CODE_INCORRECT");
            assertThat(r.message()).isEqualTo("短信验证码错误");
            assertThat(profile(browser).getJsonArray("phones")).hasSize(1);
        }

        @Test
        @DisplayName("RULE-LOCK: the right code of one's own new number does not wipe the count of wrong codes of "
                + "the current phone: the fifth locks")
        void currentCodeGuessedBehindARightNewCode() {
            TestPerson p = newPerson("吴猜码");
            Api browser = loggedIn(p);
            String second = newPhone();
            Reply last = null;
            for (int i = 0; i < 5; i++) {
                String flow = beginChange(browser);
                String current = codeToOwnPhone(browser, flow, null, p.phone());
                String fresh = AccountFixtures.codeToNewPhone(browser, flow, second);
                last = browser.post(ME + "/phones", json("flowToken", flow, "phone", second,
                        "currentCode", current.equals("000000") ? "111111" : "000000", "newCode", fresh));
                if (i < 4) {
                    assertThat(last.code()).as("%s", last).isEqualTo("SMS_CODE_INCORRECT");
                }
            }
            assertThat(last.status()).as("%s", last).isEqualTo(423);
            assertThat(last.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(profile(browser).getJsonArray("phones")).hasSize(1);
        }

        @Test
        @DisplayName("ENT-6: make the added phone the default, delete the old one; deleting the default is refused (409)")
        void defaultAndDelete() {
            TestPerson p = newPerson("吴默认");
            Api browser = loggedIn(p);
            String second = newPhone();
            JsonObject profile = addPhone(browser, p.phone(), second);
            long firstId = phoneId(profile, p.phone());
            long secondId = phoneId(profile, second);

            String flow = beginChange(browser);
            Reply madeDefault = put(browser, "/phones/" + secondId + "/default",
                    json("flowToken", flow, "code", codeToOwnPhone(browser, flow, secondId, second)));
            assertThat(madeDefault.status()).as("%s", madeDefault).isEqualTo(200);
            assertThat(madeDefault.json().getJsonArray("phones")).extracting(v -> v.asJsonObject().getString("masked"),
                    v -> v.asJsonObject().getBoolean("isDefault")).containsExactlyInAnyOrder(
                    tuple(masked(p.phone()), false), tuple(masked(second), true));

            String refusedFlow = beginChange(browser);
            Reply refused = deletePhone(browser, secondId, refusedFlow,
                    codeToOwnPhone(browser, refusedFlow, null, second));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("PHONE_DEFAULT_NOT_REMOVABLE");
            assertThat(refused.message()).isEqualTo("默认手机号码不能删除，请先设置其他手机号码为默认");

            String deleteFlow = beginChange(browser);
            Reply deleted = deletePhone(browser, firstId, deleteFlow, codeToOwnPhone(browser, deleteFlow, null, second));
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
            assertThat(deleted.json().getJsonArray("phones")).extracting(v -> v.asJsonObject().getString("masked"))
                    .containsExactly(masked(second));
            Reply oldPhoneLogin = Api.browser().passwordStep(p.phone(), PASSWORD);
            assertThat(oldPhoneLogin.code()).as("the deleted phone no longer logs in").isEqualTo("PHONE_NOT_REGISTERED");
        }

        @Test
        @DisplayName("RULE-PHONE: adding a number another person holds takes it from them; they keep their ID-number login")
        void takeover() {
            TestPerson holder = newPerson("郑原主", "Holder#2026x");
            TestPerson taker = newPerson("郑新主");
            Api holderBrowser = loggedIn(holder);
            Api takerBrowser = loggedIn(taker);

            JsonObject takerProfile = addPhone(takerBrowser, taker.phone(), holder.phone());

            assertThat(takerProfile.getJsonArray("phones")).hasSize(2);
            assertThat(profile(holderBrowser).getJsonArray("phones")).as("the former holder's phone is cleared")
                    .isEmpty();
            Reply holderByPhone = Api.browser().passwordStep(holder.phone(), holder.password());
            assertThat(holderByPhone.code()).as("the number now names the taker, whose password this is not")
                    .isEqualTo("PASSWORD_WRONG");
            Reply takerByPhone = Api.browser().passwordStep(holder.phone(), taker.password());
            assertThat(takerByPhone.status()).as("the taker logs in by it: %s", takerByPhone).isEqualTo(200);
            Reply holderById = Api.browser().passwordStep(holder.idNumber(), holder.password());
            assertThat(holderById.status()).as("RULE-PHONE: still logs in by ID number: %s", holderById).isEqualTo(200);

            // once the taker lets the number go, nobody holds it: the holder's login by it is unknown, not theirs
            String flow = beginChange(takerBrowser);
            Reply deleted = deletePhone(takerBrowser, phoneId(takerProfile, holder.phone()), flow,
                    codeToOwnPhone(takerBrowser, flow, null, taker.phone()));
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
            Reply gone = Api.browser().passwordStep(holder.phone(), holder.password());
            assertThat(gone.status()).isEqualTo(401);
            assertThat(gone.code()).isEqualTo("PHONE_NOT_REGISTERED");
            assertThat(gone.message()).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");
        }
    }

    @Nested
    @DisplayName("ENT-6, RULE-USER: username and email")
    class Info {

        @Test
        @DisplayName("RULE-USER: the username changes once a year; a second change answers USERNAME_CHANGED_RECENTLY")
        void usernameOnceAYear() {
            TestPerson p = newPerson("冯用户");
            Api browser = loggedIn(p);
            String first = "fy" + p.idNumber().substring(8, 16);

            Reply changed = put(browser, "/username", json("username", first));

            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.json().getString("username")).isEqualTo(first);
            assertThat(changed.json().getBoolean("usernameChangeAllowed")).isFalse();
            String next = changed.json().getString("usernameNextChange");
            assertThat(Api.browser().login(first, PASSWORD, p.phone()).string("status"))
                    .as("LOGIN-1: the new username logs in").isEqualTo("LOGGED_IN");

            Reply again = put(browser, "/username", json("username", first + "x"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("USERNAME_CHANGED_RECENTLY");
            assertThat(again.message()).isEqualTo("用户名一年内只能修改一次，" + next + "后可再次修改");
            assertThat(profile(browser).getString("username")).isEqualTo(first);
        }

        @Test
        @DisplayName("RULE-USER: a username someone else has, or the number of a document someone registered with, "
                + "answers 该用户名已被使用 (USERNAME_TAKEN)")
        void usernameTaken() {
            Api browser = loggedIn(newPerson("冯重名"));

            Reply r = put(browser, "/username", json("username", TestPerson.ZHANG_SAN.username()));

            assertThat(r.status()).isEqualTo(409);
            assertThat(r.code()).isEqualTo("USERNAME_TAKEN");
            assertThat(r.message()).isEqualTo("该用户名已被使用");
            assertThat(profile(browser).get("username")).isIn(null, JsonValue.NULL);

            // a foreign passport's number is a username in shape; the login field reads it as that passport
            String passport = "Q" + Fixtures.newPhone().substring(3);
            assertThat(Api.browser().post("/api/sim/persons", jakarta.json.Json.createObjectBuilder()
                    .add("name", "Anna Passport").add("idType", "FOREIGN_PASSPORT").add("idNumber", passport)
                    .add("phone", Fixtures.newPhone()).add("password", PASSWORD).add("migrated", false).build())
                    .status()).isEqualTo(200);
            Reply document = put(browser, "/username", json("username", passport));
            assertThat(document.code()).as("another person's document number: %s", document)
                    .isEqualTo("USERNAME_TAKEN");
            assertThat(put(browser, "/username", json("username", passport + "z")).status()).isEqualTo(200);
        }

        @Test
        @DisplayName("ENT-6: an invalid email answers 电子邮箱格式不正确 (EMAIL_INVALID); a valid one is shown masked")
        void email() {
            Api browser = loggedIn(newPerson("冯邮箱"));

            Reply invalid = put(browser, "/email", json("email", "feng@@example"));
            Reply valid = put(browser, "/email", json("email", "feng.you@example.com"));

            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.code()).isEqualTo("EMAIL_INVALID");
            assertThat(invalid.message()).isEqualTo("电子邮箱格式不正确");
            assertThat(valid.status()).as("%s", valid).isEqualTo(200);
            assertThat(valid.json().getString("emailMasked")).isEqualTo("f***@example.com");
            assertThat(valid.body()).doesNotContain("feng.you@");
        }
    }

    @Nested
    @DisplayName("PER-8, RULE-LOG: login log")
    class LoginLog {

        @Test
        @DisplayName("PER-8: the log lists the failed password, the failed code and the success with method and outcome")
        void showsSuccessesAndFailures() {
            TestPerson p = newPerson("陈日志");
            assertThat(Api.browser().passwordStep(p.phone(), "Wrong@2026pass").code()).isEqualTo("PASSWORD_WRONG");
            Api attempt = Api.browser();
            Api.CodedFlow flow = attempt.startLoginWithCode(p.phone(), PASSWORD, p.phone());
            String wrong = flow.code().equals("000000") ? "111111" : "000000";
            assertThat(attempt.smsStep(flow.flowToken(), wrong).code()).isEqualTo("SMS_CODE_WRONG");
            assertThat(attempt.smsStep(flow.flowToken(), flow.code()).string("status")).isEqualTo("LOGGED_IN");

            Reply r = attempt.get(ME + "/login-log");

            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.jsonArray()).extracting(v -> v.asJsonObject().getString("method"),
                    v -> v.asJsonObject().getString("methodText"), v -> v.asJsonObject().getString("outcome"),
                    v -> v.asJsonObject().getString("outcomeText"), v -> text(v.asJsonObject(), "reasonText"))
                    .containsExactlyInAnyOrder(
                            tuple("PASSWORD", "密码", "FAILURE", "登录失败", "账号或密码错误"),
                            tuple("SMS_CODE", "短信验证码", "FAILURE", "登录失败", "短信验证码错误"),
                            tuple("SMS_CODE", "短信验证码", "SUCCESS", "登录成功", ""));
            assertThat(r.jsonArray()).allSatisfy(v -> assertThat(v.asJsonObject().getString("address"))
                    .isEqualTo("127.0.0.1"));
            // RFC 3339 as every client parses it: the business zone's offset, no zone name
            assertThat(r.jsonArray()).allSatisfy(v -> assertThat(java.time.OffsetDateTime.parse(
                    v.asJsonObject().getString("time")).getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8)));
        }

        @Test
        @DisplayName("PER-8: a bad from date answers 400 LOGIN_LOG_FROM_INVALID")
        void badFromDate() {
            Reply r = loggedIn(newPerson("陈日期")).get(ME + "/login-log?from=2026-13-01");

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("LOGIN_LOG_FROM_INVALID");
        }

        private static String text(JsonObject o, String name) {
            return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : "";
        }
    }

    @Nested
    @DisplayName("LOGIN-9: the account center needs a live session")
    class Sessions {

        @Test
        @DisplayName("LOGIN-9: without a session the profile answers 401 NOT_LOGGED_IN 请先登录")
        void noSession() {
            Reply r = Api.browser().get(ME + "/profile");

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("NOT_LOGGED_IN");
            assertThat(r.message()).isEqualTo("请先登录");
        }

        @Test
        @DisplayName("LOGIN-9: after logout the old session cookie answers 401")
        void afterLogout() {
            TestPerson p = newPerson("卫退出");
            Api browser = loggedIn(p);
            String session = browser.sessionId().orElseThrow();
            assertThat(browser.get(ME + "/profile").status()).isEqualTo(200);

            assertThat(browser.logout().status()).isEqualTo(204);

            assertThat(browser.get(ME + "/profile").code()).isEqualTo("NOT_LOGGED_IN");
            Reply copied = Api.browser().getWithSession(ME + "/profile", session);
            assertThat(copied.status()).isEqualTo(401);
            assertThat(copied.code()).isEqualTo("NOT_LOGGED_IN");
        }

        @Test
        @DisplayName("LOGIN-9: the session cookie changes at login; the pre-login cookie reaches no account data")
        void cookieChangesAtLogin() {
            TestPerson p = newPerson("卫会话");
            Api browser = Api.browser();
            assertThat(browser.get("/login.xhtml").status()).isEqualTo(200);
            String before = browser.sessionId().orElseThrow(() -> new AssertionError("the login page starts no session"));

            browser.login(p);

            String after = browser.sessionId().orElseThrow();
            assertThat(after).isNotEqualTo(before);
            assertThat(Api.browser().getWithSession(ME + "/profile", after).status()).isEqualTo(200);
            assertThat(Api.browser().getWithSession(ME + "/profile", before).status()).isEqualTo(401);
        }
    }

    /**
     * IDOR (ASVS 4.2.1): a flow token is bound to the person who opened it. Person B, logged in, replays person A's
     * token in every account-center action that takes one; each answers 403 FLOW_INVALID and changes nothing.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("ENT-6, RULE-PHONE: a change flow opened by one person is refused to another (IDOR)")
    class ForeignFlow {

        private TestPerson a;
        private TestPerson b;
        private Api aBrowser;
        private Api bBrowser;
        private String aFlow;
        private long bPhoneId;

        @BeforeAll
        void twoPersonsAndAsFlow() {
            a = newPerson("蒋甲");
            b = newPerson("蒋乙");
            aBrowser = loggedIn(a);
            bBrowser = loggedIn(b);
            aFlow = beginChange(aBrowser);
            bPhoneId = phoneId(profile(bBrowser), b.phone());
        }

        Stream<Arguments> actions() {
            String x = newPhone();
            return Stream.of(
                    arguments("POST changes/{flow}/sms-own", (Function<ForeignFlow, Reply>) t ->
                            t.bBrowser.post(ME + "/changes/" + t.aFlow + "/sms-own", json())),
                    arguments("POST changes/{flow}/sms-new", (Function<ForeignFlow, Reply>) t ->
                            t.bBrowser.post(ME + "/changes/" + t.aFlow + "/sms-new", json("phone", x))),
                    arguments("POST changes/{flow}/face-check", (Function<ForeignFlow, Reply>) t ->
                            t.bBrowser.post(ME + "/changes/" + t.aFlow + "/face-check", json())),
                    arguments("GET changes/{flow}/face-check", (Function<ForeignFlow, Reply>) t ->
                            t.bBrowser.get(ME + "/changes/" + t.aFlow + "/face-check")),
                    arguments("PUT password (SMS code)", (Function<ForeignFlow, Reply>) t -> put(t.bBrowser,
                            "/password", json("flowToken", t.aFlow, "code", "123456", "password", "Evil#2026pw",
                                    "confirmation", "Evil#2026pw"))),
                    arguments("PUT password (face check)", (Function<ForeignFlow, Reply>) t -> put(t.bBrowser,
                            "/password", json("flowToken", t.aFlow, "password", "Evil#2026pw",
                                    "confirmation", "Evil#2026pw"))),
                    arguments("POST phones", (Function<ForeignFlow, Reply>) t -> t.bBrowser.post(ME + "/phones",
                            json("flowToken", t.aFlow, "phone", x, "currentCode", "123456", "newCode", "123456"))),
                    arguments("PUT phones/{id}", (Function<ForeignFlow, Reply>) t -> put(t.bBrowser,
                            "/phones/" + t.bPhoneId, json("flowToken", t.aFlow, "phone", x, "currentCode", "123456",
                                    "newCode", "123456"))),
                    arguments("DELETE phones/{id}", (Function<ForeignFlow, Reply>) t ->
                            deletePhone(t.bBrowser, t.bPhoneId, t.aFlow, "123456")),
                    arguments("PUT phones/{id}/default", (Function<ForeignFlow, Reply>) t -> put(t.bBrowser,
                            "/phones/" + t.bPhoneId + "/default", json("flowToken", t.aFlow, "code", "123456"))));
        }

        @ParameterizedTest(name = "{0} with person A''s flow token in person B''s session → 403 FLOW_INVALID")
        @MethodSource("actions")
        void refused(String action, Function<ForeignFlow, Reply> call) {
            int smsToA = Sim.messagesTo(a.phone());

            Reply r = call.apply(this);

            assertThat(r.status()).as("%s: %s", action, r).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FLOW_INVALID");
            assertThat(r.message()).isEqualTo("操作已失效，请重新开始");
            assertThat(Sim.messagesTo(a.phone())).as("no code went to A's phone").isEqualTo(smsToA);
            assertThat(profile(bBrowser).getJsonArray("phones")).as("B's phones unchanged").hasSize(1);
        }
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** The audit details of one person's actions of a kind; the harness's own database (skipped against a foreign server). */
    static List<String> auditActions(long personId, String action) {
        return auditDetails("select detail from audit_record where actor_id = ? and action = ? order by id", personId, action);
    }

    /** RULE-LOG: login attempts refused before a person was known, by reason. */
    static int anonymousLoginRecords(String reason) {
        return auditDetails("select reason from login_record where person_id is null and reason = ?", reason).size();
    }

    /** The audit details of the actions of a kind on one target (e.g. {@code certificate:…}, no actor). */
    static List<String> auditActionsOn(String target, String action) {
        return auditDetails("select detail from audit_record where target = ? and action = ? order by id", target, action);
    }

    private static List<String> auditDetails(String query, Object... parameters) {
        assumeTrue(ItSettings.managedServerWanted(), "the audit table is read only on the harness's own database");
        ItSettings.Database db = ItSettings.fromEnvironment().db();
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> details = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit table: " + e.getMessage(), e);
        }
    }
}
