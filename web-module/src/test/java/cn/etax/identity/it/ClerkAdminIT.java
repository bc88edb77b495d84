package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.etax.identity.it.ClerkFixtures.CLERK;
import static cn.etax.identity.it.ClerkFixtures.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * §8 clerk administration over REST, against the running application: an administrator (CLERK_ADMIN) of one
 * province creates clerks with an initial password the clerk replaces at his first login (RULE-PWD), changes their
 * duties and phones, resets passwords, unlocks, stops and restarts them. Every change holds at once in the EJBs, for
 * sessions already open too; nobody administers another province or takes his own administration away.
 */
@DisplayName("§8 clerk administration: accounts, first login, changes that hold at once")
class ClerkAdminIT {

    static final String CLERKS = CLERK + "/clerks";
    static final String INITIAL = "Init@2026pw";
    static final String OWN = "Mine#2026pw";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @org.junit.jupiter.api.BeforeEach
    void ownThrottleWindow() {
        Sim.nextBusinessDay(); // a throttle window of its own: these tests log in often and fail on purpose
    }

    @Test
    @DisplayName("a new clerk logs in with the initial password, must set his own, then logs in with it")
    void new_clerk_replaces_the_initial_password() {
        Api admin = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        String username = newUsername();
        String phone = Fixtures.newPhone();
        Reply created = admin.post(CLERKS, newClerk(username, "13601020000", phone, INITIAL, "CLERK_REGISTRATION"));
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        assertThat(created.string("username")).isEqualTo(username);
        assertThat(created.string("phoneMasked")).isEqualTo(Fixtures.maskedPhone(phone));
        assertThat(created.json().getBoolean("passwordChangeRequired")).isTrue();
        assertThat(created.json().getBoolean("active")).isTrue();
        assertThat(created.json().getJsonArray("roles").getString(0)).isEqualTo("CLERK_REGISTRATION");
        assertThat(admin.get(CLERKS).jsonArray()).extracting(v -> v.asJsonObject().getString("username"))
                .contains(username);
        ClerkFixtures.phoneIs(username, phone);

        Api browser = Api.browser();
        Reply step1 = ClerkFixtures.login(browser, username, INITIAL);
        assertThat(step1.status()).as("%s", step1).isEqualTo(200);
        Reply step2 = ClerkFixtures.code(browser, username, step1);
        assertThat(step2.status()).as("%s", step2).isEqualTo(200);
        assertThat(step2.string("status")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(browser.get(CLERK + "/me").status()).as("no console before his own password").isEqualTo(401);
        String flow = step2.string("flowToken");

        Reply same = replace(browser, flow, INITIAL, INITIAL);
        assertThat(same.status()).as("%s", same).isEqualTo(400);
        assertThat(same.message()).isEqualTo("新密码不能与原密码相同");
        Reply mismatch = replace(browser, flow, OWN, OWN + "x");
        assertThat(mismatch.message()).isEqualTo("两次输入的密码不一致");
        Reply weak = replace(browser, flow, "short1A", "short1A");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("PASSWORD_LENGTH");
        assertThat(replace(browser, flow, OWN, OWN).status()).isEqualTo(204);
        Reply twice = replace(browser, flow, OWN + "2", OWN + "2");
        assertThat(twice.code()).as("one flow, one change: %s", twice).isEqualTo("FLOW_INVALID");

        Reply old = ClerkFixtures.login(Api.browser(), username, INITIAL);
        assertThat(old.code()).as("the initial password is gone").isEqualTo("CLERK_LOGIN_FAILED");
        Api clerk = ClerkFixtures.loggedIn(username, OWN);
        assertThat(clerk.get(CLERK + "/me").string("username")).isEqualTo(username);
        assertThat(admin.get(CLERKS + "/" + created.json().getJsonNumber("id").longValue()).json()
                .getBoolean("passwordChangeRequired")).isFalse();
        assertThat(ClerkFixtures.audit("clerk:" + created.json().getJsonNumber("id").longValue()))
                .anyMatch(a -> a.startsWith("CLERK_ACCOUNT_CREATED|"))
                .anyMatch(a -> a.startsWith("CLERK_PASSWORD_CHANGED|"));
    }

    @Test
    @DisplayName("bad input, another province and a clerk without the duty are refused with their messages")
    void refusals() {
        String adminName = ClerkFixtures.newClerk("CLERK_ADMIN");
        Api admin = ClerkFixtures.loggedIn(adminName);
        String username = newUsername();
        assertThat(admin.post(CLERKS, newClerk(username, "13601020000", Fixtures.newPhone(), INITIAL,
                "CLERK_GRANTS")).status()).isEqualTo(200);

        Reply taken = admin.post(CLERKS, newClerk(username, "13601020000", Fixtures.newPhone(), INITIAL,
                "CLERK_GRANTS"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.message()).isEqualTo("该用户名已被使用");
        Reply capitals = admin.post(CLERKS, newClerk(username.toUpperCase(java.util.Locale.ROOT), "13601020000",
                Fixtures.newPhone(), INITIAL, "CLERK_GRANTS"));
        assertThat(capitals.code()).as("no look-alike in capitals").isEqualTo("CLERK_USERNAME_TAKEN");
        Reply sharedPhone = admin.post(CLERKS, newClerk(newUsername(), "13601020000", "13900000011", INITIAL,
                "CLERK_GRANTS"));
        assertThat(sharedPhone.status()).isEqualTo(409);
        assertThat(sharedPhone.message()).isEqualTo("该手机号码已登记为其他工作人员的短信验证手机号码");
        Reply otherName = admin.post(CLERKS, Json.createObjectBuilder(newClerk(newUsername(), "13601020000",
                Fixtures.newPhone(), INITIAL, "CLERK_GRANTS")).add("taxOfficeName", "国家税务总局广东省税务局").build());
        assertThat(otherName.message()).isEqualTo("该税务机关代码已登记为“国家税务总局南昌市东湖区税务局”，请核对税务机关代码和名称");
        Reply noName = admin.post(CLERKS, Json.createObjectBuilder(newClerk(newUsername(), "13601020000",
                Fixtures.newPhone(), INITIAL, "CLERK_GRANTS")).add("name", " ").build());
        assertThat(noName.message()).isEqualTo("请输入工作人员姓名");
        Reply invalid = admin.post(CLERKS, newClerk("1" + username, "13601020000", Fixtures.newPhone(), INITIAL,
                "CLERK_GRANTS"));
        assertThat(invalid.code()).isEqualTo("CLERK_USERNAME_INVALID");
        Reply noDuty = admin.post(CLERKS, newClerk(newUsername(), "13601020000", Fixtures.newPhone(), INITIAL));
        assertThat(noDuty.status()).isEqualTo(400);
        assertThat(noDuty.message()).isEqualTo("请至少选择一个岗位");
        Reply badOffice = admin.post(CLERKS, newClerk(newUsername(), "3601020000", Fixtures.newPhone(), INITIAL,
                "CLERK_GRANTS"));
        assertThat(badOffice.code()).isEqualTo("TAX_OFFICE_CODE_INVALID");
        Reply badPhone = admin.post(CLERKS, newClerk(newUsername(), "13601020000", "12345", INITIAL,
                "CLERK_GRANTS"));
        assertThat(badPhone.code()).isEqualTo("PHONE_INVALID");
        Reply weak = admin.post(CLERKS, newClerk(newUsername(), "13601020000", Fixtures.newPhone(), "abcdefgh",
                "CLERK_GRANTS"));
        assertThat(weak.code()).isEqualTo("PASSWORD_CATEGORIES");
        Reply otherProvince = admin.post(CLERKS, newClerk(newUsername(), "13301060000", Fixtures.newPhone(),
                INITIAL, "CLERK_GRANTS"));
        assertThat(otherProvince.status()).isEqualTo(403);
        assertThat(otherProvince.message()).isEqualTo("只能管理本省税务机关的工作人员账号");

        String zhejiang = ClerkFixtures.newClerkOf("13301060000", "国家税务总局杭州市西湖区税务局", "CLERK_GRANTS");
        long zhejiangId = idOf(zhejiang);
        assertThat(admin.get(CLERKS).jsonArray()).extracting(v -> v.asJsonObject().getString("username"))
                .as("only his province's clerks").contains(username).doesNotContain(zhejiang);
        Reply foreign = admin.send("PUT", CLERKS + "/" + zhejiangId + "/roles", roles("CLERK_ADMIN"), Map.of());
        assertThat(foreign.code()).as("%s", foreign).isEqualTo("CLERK_OUTSIDE_JURISDICTION");
        assertThat(admin.post(CLERKS + "/" + zhejiangId + "/deactivate", JsonValue.EMPTY_JSON_OBJECT).code())
                .isEqualTo("CLERK_OUTSIDE_JURISDICTION");
        assertThat(admin.get(CLERKS + "/999999999").code()).isEqualTo("CLERK_NOT_FOUND");

        Api registrar = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        Reply notAdmin = registrar.get(CLERKS);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.code()).isEqualTo("CLERK_DUTY_REQUIRED");
        assertThat(Api.browser().get(CLERKS).status()).as("no session").isEqualTo(401);

        assertThat(ClerkFixtures.auditOfClerk(adminName))
                .anyMatch(a -> a.startsWith("CLERK_ACTION_REFUSED|") && a.endsWith("CLERK_USERNAME_TAKEN"))
                .anyMatch(a -> a.startsWith("CLERK_ACTION_REFUSED|") && a.endsWith("CLERK_OUTSIDE_JURISDICTION"));
    }

    @Test
    @DisplayName("duties changed, a stop and a password reset end the sessions already open")
    void changes_hold_for_open_sessions() {
        Api admin = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        String username = ClerkFixtures.newClerk("CLERK_REGISTRATION");
        long id = idOf(username);
        Api clerk = ClerkFixtures.loggedIn(username);
        JsonObject unlock = Json.createObjectBuilder().add("name", "不存在").add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", Fixtures.quickPerson().idNumber()).build();
        assertThat(clerk.post(CLERK + "/unlocks", unlock).code()).as("the duty works")
                .isEqualTo("STAFF_NAME_MISMATCH");

        Reply moved = admin.send("PUT", CLERKS + "/" + id + "/roles", roles("CLERK_GRANTS"), Map.of());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        Reply stale = clerk.post(CLERK + "/unlocks", unlock);
        assertThat(stale.status()).as("his session ended: %s", stale).isEqualTo(401);
        assertThat(clerk.get(CLERK + "/me").status()).isEqualTo(401);
        Api again = ClerkFixtures.loggedIn(username);
        assertThat(again.get(CLERK + "/me").json().getJsonArray("roles").getString(0)).isEqualTo("CLERK_GRANTS");
        assertThat(again.post(CLERK + "/unlocks", unlock).code()).isEqualTo("CLERK_DUTY_REQUIRED");

        String creditCode = TaxpayerSyncIT.newCreditCode();
        assertThat(again.get(CLERK + "/taxpayers/" + creditCode).code()).as("a console call works")
                .isEqualTo("TAXPAYER_NOT_FOUND");
        Reply stopped = admin.post(CLERKS + "/" + id + "/deactivate", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(stopped.json().getBoolean("active")).isFalse();
        assertThat(again.get(CLERK + "/taxpayers/" + creditCode).status()).as("his open session ends")
                .isEqualTo(401);
        assertThat(ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD).code()).isEqualTo("CLERK_LOGIN_FAILED");
        assertThat(admin.post(CLERKS + "/" + id + "/activate", JsonValue.EMPTY_JSON_OBJECT).json()
                .getBoolean("active")).isTrue();
        Api restarted = ClerkFixtures.loggedIn(username);

        Reply reset = admin.post(CLERKS + "/" + id + "/password-reset",
                Json.createObjectBuilder().add("password", INITIAL).build());
        assertThat(reset.json().getBoolean("passwordChangeRequired")).isTrue();
        assertThat(restarted.get(CLERK + "/taxpayers/" + creditCode).status()).as("a reset ends his session")
                .isEqualTo(401);
        assertThat(ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD).code()).isEqualTo("CLERK_LOGIN_FAILED");
        Reply first = ClerkFixtures.login(Api.browser(), username, INITIAL);
        assertThat(first.status()).as("%s", first).isEqualTo(200);

        assertThat(ClerkFixtures.audit("clerk:" + id)).extracting(a -> a.substring(0, a.indexOf('|')))
                .contains("CLERK_ROLES_CHANGED", "CLERK_DEACTIVATED", "CLERK_ACTIVATED", "CLERK_PASSWORD_RESET");
    }

    @Test
    @DisplayName("a locked clerk is shown locked and unlocked by the administrator; a reset lifts a lock too")
    void unlock_and_phone() {
        Api admin = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        String username = ClerkFixtures.newClerk("CLERK_GRANTS");
        long id = idOf(username);
        lockOut(username);
        JsonObject locked = admin.get(CLERKS + "/" + id).json();
        assertThat(java.time.OffsetDateTime.parse(locked.getString("lockedUntil")).toInstant()).as("next midnight")
                .isEqualTo(Sim.today().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD).code())
                .isEqualTo("CLERK_ACCOUNT_LOCKED");
        Reply unlocked = admin.post(CLERKS + "/" + id + "/unlock", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(unlocked.json().containsKey("lockedUntil")).as("%s", unlocked).isFalse();

        String phone = Fixtures.newPhone();
        Reply moved = admin.send("PUT", CLERKS + "/" + id + "/phone",
                Json.createObjectBuilder().add("phone", phone).build(), Map.of());
        assertThat(moved.string("phoneMasked")).isEqualTo(Fixtures.maskedPhone(phone));
        ClerkFixtures.phoneIs(username, phone);
        Reply started = ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD);
        assertThat(started.string("phoneMasked")).as("the codes go to the new phone")
                .isEqualTo(Fixtures.maskedPhone(phone));
        ClerkFixtures.loggedIn(username);

        lockOut(username);
        admin.post(CLERKS + "/" + id + "/password-reset", Json.createObjectBuilder().add("password", INITIAL).build());
        assertThat(ClerkFixtures.login(Api.browser(), username, INITIAL).status()).as("the reset unlocked him")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("an administrator cannot stop himself, drop his own duty or reset his own password")
    void no_self_lockout() {
        String adminName = ClerkFixtures.newClerk("CLERK_ADMIN");
        long id = idOf(adminName);
        Api admin = ClerkFixtures.loggedIn(adminName);
        Reply stop = admin.post(CLERKS + "/" + id + "/deactivate", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.code()).isEqualTo("CLERK_SELF_CHANGE_REFUSED");
        assertThat(admin.send("PUT", CLERKS + "/" + id + "/roles", roles("CLERK_GRANTS"), Map.of()).code())
                .isEqualTo("CLERK_SELF_CHANGE_REFUSED");
        assertThat(admin.post(CLERKS + "/" + id + "/password-reset",
                Json.createObjectBuilder().add("password", INITIAL).build()).code())
                .isEqualTo("CLERK_SELF_CHANGE_REFUSED");
        Reply more = admin.send("PUT", CLERKS + "/" + id + "/roles", roles("CLERK_ADMIN", "CLERK_GRANTS"), Map.of());
        assertThat(more.status()).as("adding a duty to himself is fine: %s", more).isEqualTo(200);
        assertThat(admin.get(CLERKS).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a clerk changes his own password; a wrong old one says how many tries are left")
    void own_password_change() {
        String username = ClerkFixtures.newClerk("CLERK_GRANTS");
        Api clerk = ClerkFixtures.loggedIn(username);
        Reply wrong = clerk.post(CLERK + "/me/password", change("Wrong@2026x", OWN, OWN));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.message()).isEqualTo("原密码不正确，今日还可尝试4次");
        assertThat(clerk.post(CLERK + "/me/password", change(DEMO_PASSWORD, DEMO_PASSWORD, DEMO_PASSWORD)).code())
                .isEqualTo("PASSWORD_UNCHANGED");
        assertThat(clerk.post(CLERK + "/me/password", change(DEMO_PASSWORD, OWN, OWN)).status()).isEqualTo(204);
        assertThat(ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD).code()).isEqualTo("CLERK_LOGIN_FAILED");
        ClerkFixtures.loggedIn(username, OWN);
        assertThat(Api.browser().post(CLERK + "/me/password", change(OWN, DEMO_PASSWORD, DEMO_PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("the configured first administrator must replace his initial password, then manages the province")
    void first_administrator_from_the_configuration() {
        String username = PayaraMicro.FIRST_ADMIN;
        ClerkFixtures.phoneIs(username, PayaraMicro.FIRST_ADMIN_PHONE);
        Api browser = Api.browser();
        Reply started = ClerkFixtures.login(browser, username, PayaraMicro.FIRST_ADMIN_PASSWORD);
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        Reply code = ClerkFixtures.code(browser, username, started);
        assertThat(code.string("status")).as("%s", code).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(replace(browser, code.string("flowToken"), OWN, OWN).status()).isEqualTo(204);
        Api admin = ClerkFixtures.loggedIn(username, OWN);
        assertThat(admin.get(CLERK + "/me").json().getJsonArray("roles").getString(0)).isEqualTo("CLERK_ADMIN");
        assertThat(admin.get(CLERKS).jsonArray()).extracting(v -> v.asJsonObject().getString("username"))
                .as("the province's clerks, the demo ones included").contains("dengji01", "guanli01", username);
    }

    @Test
    @DisplayName("parallel: one username is created once; two administrators demoting each other leave one")
    void races() {
        Api admin = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        String username = newUsername();
        List<CompletableFuture<Reply>> creates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creates.add(admin.postAsync(CLERKS, newClerk(username, "13601020000", Fixtures.newPhone(), INITIAL,
                    "CLERK_GRANTS")));
        }
        List<Reply> created = creates.stream().map(CompletableFuture::join).toList();
        assertThat(created).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(created).filteredOn(r -> r.status() != 200).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.code()).as("told what the first took, as a moment later").isEqualTo("CLERK_USERNAME_TAKEN");
            assertThat(r.message()).isNotBlank();
        });

        String a = ClerkFixtures.newClerkOf("14401000000", "国家税务总局广东省税务局", "CLERK_ADMIN");
        String b = ClerkFixtures.newClerkOf("14401000000", "国家税务总局广东省税务局", "CLERK_ADMIN");
        Api adminA = ClerkFixtures.loggedIn(a);
        Api adminB = ClerkFixtures.loggedIn(b);
        CompletableFuture<Reply> aDemotesB = adminA.sendAsync("PUT", CLERKS + "/" + idOf(b) + "/roles",
                roles("CLERK_GRANTS"), Map.of());
        CompletableFuture<Reply> bDemotesA = adminB.sendAsync("PUT", CLERKS + "/" + idOf(a) + "/roles",
                roles("CLERK_GRANTS"), Map.of());
        List<Reply> both = List.of(aDemotesB.join(), bDemotesA.join());
        assertThat(both).as("%s", both).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(ClerkFixtures.rolesOf(a) + " " + ClerkFixtures.rolesOf(b)).as("the province keeps one")
                .containsOnlyOnce("CLERK_ADMIN");
    }

    @Test
    @DisplayName("his own password change ends his other sessions, not the one he changed it in")
    void own_change_ends_other_sessions() {
        String username = ClerkFixtures.newClerk("CLERK_REGISTRATION");
        Api here = ClerkFixtures.loggedIn(username);
        Api elsewhere = ClerkFixtures.loggedIn(username);
        assertThat(here.post(CLERK + "/me/password", change(DEMO_PASSWORD, OWN, OWN)).status()).isEqualTo(204);
        assertThat(here.get(CLERK + "/me").status()).isEqualTo(200);
        assertThat(here.get(CLERK + "/non-resident-applications").status()).isEqualTo(200);
        assertThat(elsewhere.get(CLERK + "/me").status()).as("the other browser").isEqualTo(401);
    }

    @Test
    @DisplayName("RULE-LOCK: the fifth wrong old password locks him and ends the guessing session with his others")
    void wrong_old_passwords_end_his_sessions() {
        String username = ClerkFixtures.newClerk("CLERK_REGISTRATION");
        Api here = ClerkFixtures.loggedIn(username);
        Api elsewhere = ClerkFixtures.loggedIn(username);
        for (int i = 0; i < 4; i++) {
            assertThat(here.post(CLERK + "/me/password", change("Wrong@2026x" + i, OWN, OWN)).code())
                    .isEqualTo("OLD_PASSWORD_WRONG");
        }
        assertThat(here.get(CLERK + "/me").status()).as("four wrong: still his session").isEqualTo(200);
        Reply fifth = here.post(CLERK + "/me/password", change("Wrong@2026y", OWN, OWN));
        assertThat(fifth.status()).as("%s", fifth).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("CLERK_ACCOUNT_LOCKED");
        assertThat(here.get(CLERK + "/me").status()).as("the session that guessed").isEqualTo(401);
        assertThat(elsewhere.get(CLERK + "/me").status()).as("his other session").isEqualTo(401);
        assertThat(ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD).code())
                .isEqualTo("CLERK_ACCOUNT_LOCKED");
    }

    @Test
    @DisplayName("a login begun before a stop or a password reset ends in nothing: the old password opens no session")
    void flows_begun_before_a_change_end() {
        Api admin = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        String username = ClerkFixtures.newClerk("CLERK_GRANTS");
        long id = idOf(username);
        Api browser = Api.browser();
        Reply begun = ClerkFixtures.login(browser, username, DEMO_PASSWORD);
        assertThat(begun.status()).isEqualTo(200);
        admin.post(CLERKS + "/" + id + "/deactivate", JsonValue.EMPTY_JSON_OBJECT);
        Reply code = browser.post(CLERK + "/login/sms-code", Json.createObjectBuilder()
                .add("flowToken", begun.string("flowToken")).build());
        assertThat(code.code()).as("stopped meanwhile: %s", code).isEqualTo("FLOW_INVALID");
        admin.post(CLERKS + "/" + id + "/activate", JsonValue.EMPTY_JSON_OBJECT);

        Reply again = ClerkFixtures.login(browser, username, DEMO_PASSWORD);
        assertThat(browser.post(CLERK + "/login/sms-code", Json.createObjectBuilder()
                .add("flowToken", again.string("flowToken")).build()).status()).isEqualTo(204);
        admin.post(CLERKS + "/" + id + "/password-reset", Json.createObjectBuilder().add("password", INITIAL).build());
        Reply stale = browser.post(CLERK + "/login/sms", Json.createObjectBuilder()
                .add("flowToken", again.string("flowToken")).add("code", Sim.latestCode(ClerkFixtures.phoneOf(username)))
                .build());
        assertThat(stale.code()).as("reset meanwhile: %s", stale).isEqualTo("FLOW_INVALID");
        assertThat(stale.header("Set-Cookie")).isEmpty();
        assertThat(browser.get(CLERK + "/me").status()).isEqualTo(401);
    }

    private static void lockOut(String username) {
        for (int i = 1; i <= 5; i++) {
            ClerkFixtures.login(Api.browser(), username, "Wrong@2026x" + i);
        }
    }

    private static Reply replace(Api browser, String flow, String password, String confirmation) {
        return browser.post(CLERK + "/login/password", Json.createObjectBuilder().add("flowToken", flow)
                .add("newPassword", password).add("confirmation", confirmation).build());
    }

    private static JsonObject change(String old, String password, String confirmation) {
        return Json.createObjectBuilder().add("oldPassword", old).add("newPassword", password)
                .add("confirmation", confirmation).build();
    }

    static JsonObject newClerk(String username, String officeCode, String phone, String password, String... roles) {
        return Json.createObjectBuilder().add("username", username).add("name", "新科员")
                .add("taxOfficeCode", officeCode).add("taxOfficeName", "国家税务总局南昌市东湖区税务局")
                .add("roles", Json.createArrayBuilder(java.util.List.of(roles))).add("phone", phone)
                .add("password", password).build();
    }

    private static JsonObject roles(String... roles) {
        return Json.createObjectBuilder().add("roles", Json.createArrayBuilder(java.util.List.of(roles))).build();
    }

    static String newUsername() {
        return "ad" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    static long idOf(String username) {
        return ClerkFixtures.idOf(username);
    }
}
