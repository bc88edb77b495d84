package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static cn.etax.identity.it.ClerkFixtures.CLERK;
import static cn.etax.identity.it.ClerkFixtures.DEMO_PASSWORD;
import static cn.etax.identity.it.ClerkFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tax-office staff console over REST (SPEC §8): clerk login with RULE-LOCK, the console closed to persons and
 * anonymous callers, counter registration (REG-8), key-personnel change, offline grants that the account centers
 * cannot end (ENT-3), two clerks racing on one grant, audit records naming clerk and office.
 */
@DisplayName("§8 tax-office staff console")
class ClerkConsoleIT {

    @Test
    @DisplayName("RULE-2FA, RULE-LOCK: a clerk logs in with username and password, then the code to his phone; "
            + "five wrong passwords lock him until midnight even with the right one; an unknown username gets the same "
            + "answer as a wrong password; calls without the slider are refused before the password and lock nobody")
    void login_and_lockout() {
        String username = ClerkFixtures.newClerk("CLERK_GRANTS");
        Api browser = Api.browser();
        Reply ok = ClerkFixtures.login(browser, username, DEMO_PASSWORD);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        String phone = ClerkFixtures.phoneOf(username);
        assertThat(ok.string("phoneMasked")).isEqualTo(Fixtures.maskedPhone(phone));
        assertThat(browser.get(CLERK + "/me").status()).as("the password alone opens nothing").isEqualTo(401);
        String flow = ok.string("flowToken");
        assertThat(browser.post(CLERK + "/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build())
                .status()).isEqualTo(204);
        String code = Sim.latestCode(phone);
        Reply wrongCode = browser.post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code.equals("000000") ? "111111" : "000000").build());
        assertThat(wrongCode.status()).as("%s", wrongCode).isEqualTo(401);
        assertThat(wrongCode.message()).isEqualTo("短信验证码错误，今日还可尝试4次");
        Reply in = browser.post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build());
        assertThat(in.status()).as("%s", in).isEqualTo(200);
        assertThat(in.string("taxOfficeName")).isEqualTo("国家税务总局南昌市东湖区税务局");
        assertThat(in.json().getJsonArray("roles").getString(0)).isEqualTo("CLERK_GRANTS");
        assertThat(browser.get(CLERK + "/me").string("username")).isEqualTo(username);
        Reply again = Api.browser().post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build());
        assertThat(again.status()).as("one code, one session: %s", again).isEqualTo(401);

        Reply unknown = ClerkFixtures.login(Api.browser(), username + "x", DEMO_PASSWORD);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("CLERK_LOGIN_FAILED");
        assertThat(unknown.message()).isEqualTo("用户名或密码错误");

        for (int i = 1; i <= 6; i++) {
            Reply scripted = Api.browser().post(CLERK + "/login", Json.createObjectBuilder()
                    .add("username", username).add("password", "Wrong@2026s" + i).build());
            assertThat(scripted.status()).as("scripted call %d: %s", i, scripted).isEqualTo(401);
            assertThat(scripted.code()).isEqualTo("HUMAN_CHECK_FAILED");
        }
        for (int i = 1; i <= 4; i++) {
            Reply wrong = ClerkFixtures.login(Api.browser(), username, "Wrong@2026x" + i);
            assertThat(wrong.status()).as("attempt %d: %s", i, wrong).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("CLERK_LOGIN_FAILED");
            assertThat(wrong.message()).isEqualTo(unknown.message());
        }
        Reply fifth = ClerkFixtures.login(Api.browser(), username, "Wrong@2026x5");
        assertThat(fifth.code()).as("%s", fifth).isEqualTo("CLERK_ACCOUNT_LOCKED");
        Reply right = ClerkFixtures.login(Api.browser(), username, DEMO_PASSWORD);
        assertThat(right.code()).as("%s", right).isEqualTo("CLERK_ACCOUNT_LOCKED");
        assertThat(right.message()).as("no 忘记密码 for clerks")
                .isEqualTo("连续5次密码或短信验证码错误，账号已被锁定，将于" + Sim.today().plusDays(1) + " 00:00自动解锁。");
        assertThat(ClerkFixtures.auditOfClerk(username))
                .anyMatch(a -> a.startsWith("CLERK_LOGIN|" + OFFICE.formatted(username)))
                .anyMatch(a -> a.startsWith("CLERK_LOGIN_FAILED|"))
                .anyMatch(a -> a.startsWith("CLERK_LOGIN_LOCKED|"));
    }

    @Test
    @DisplayName("RULE-2FA, RULE-LOCK: five wrong codes lock the clerk until midnight, told as such; no code is sent "
            + "while he is locked")
    void wrong_codes_lock() {
        String username = ClerkFixtures.newClerk("CLERK_GRANTS");
        Api browser = Api.browser();
        String flow = ClerkFixtures.login(browser, username, DEMO_PASSWORD).string("flowToken");
        JsonObject flowBody = Json.createObjectBuilder().add("flowToken", flow).build();
        assertThat(browser.post(CLERK + "/login/sms-code", flowBody).status()).isEqualTo(204);
        String code = Sim.latestCode(ClerkFixtures.phoneOf(username));
        String wrong = code.equals("000000") ? "111111" : "000000";
        Reply last = null;
        for (int i = 0; i < 5; i++) {
            last = browser.post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                    .add("code", wrong).build());
        }
        String locked = "连续5次密码或短信验证码错误，账号已被锁定，将于" + Sim.today().plusDays(1) + " 00:00自动解锁。";
        assertThat(last.code()).as("%s", last).isEqualTo("CLERK_ACCOUNT_LOCKED");
        assertThat(last.message()).isEqualTo(locked);
        Reply right = browser.post(CLERK + "/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code).build());
        assertThat(right.message()).as("the right code, too late").isEqualTo(locked);
        int sent = Sim.messagesTo(ClerkFixtures.phoneOf(username));
        Reply noCode = browser.post(CLERK + "/login/sms-code", flowBody);
        assertThat(noCode.message()).as("no 忘记密码 for clerks").isEqualTo(locked);
        assertThat(Sim.messagesTo(ClerkFixtures.phoneOf(username))).isEqualTo(sent);
    }

    @Test
    @DisplayName("the console is for clerks only: anonymous → 401 / the clerk login page, a logged-in person → 403; "
            + "a clerk is no person (the account center refuses him) and acts only within his duty")
    void console_for_clerks_only() {
        Enterprise e = GrantFixtures.registerEnterprise();
        String path = CLERK + "/taxpayers/" + e.creditCode();
        assertThat(Api.browser().get(path).code()).isEqualTo("NOT_LOGGED_IN");
        Reply page = Api.browser().get("/clerk/index.xhtml");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/clerk/login.xhtml"));
        assertThat(Api.browser().get("/clerk/login.xhtml").status()).isEqualTo(200);

        Api person = AccountFixtures.loggedIn(e.legal());
        assertThat(person.get(path).status()).isEqualTo(403);
        assertThat(person.get("/clerk/index.xhtml").status()).isEqualTo(403);
        assertThat(ClerkFixtures.register(person, TaxpayerSyncIT.newCreditCode(), e.legal(), null).status())
                .isEqualTo(403);

        Api grants = ClerkFixtures.loggedIn("shouquan01");
        assertThat(grants.get(path).status()).isEqualTo(200);
        assertThat(grants.get(AccountFixtures.ME).status()).as("a clerk is no person").isIn(401, 403);
        assertThat(grants.get(GrantFixtures.GRANTS).status()).isIn(401, 403);
        Reply notHisDuty = ClerkFixtures.register(grants, TaxpayerSyncIT.newCreditCode(), Fixtures.quickPerson(), null);
        assertThat(notHisDuty.status()).as("%s", notHisDuty).isEqualTo(403);
        assertThat(notHisDuty.code()).isEqualTo("CLERK_DUTY_REQUIRED");
        Reply registration = ClerkFixtures.loggedIn("dengji01").post(path + "/grants",
                Json.createObjectBuilder().build());
        assertThat(registration.code()).isEqualTo("CLERK_DUTY_REQUIRED");
    }

    @Test
    @DisplayName("REG-8 at the counter: the legal representative logs in through the enterprise entry at once, the "
            + "finance officer has a pending grant; the same credit code again is refused")
    void register_taxpayer() {
        TestPerson legal = Fixtures.quickPerson();
        TestPerson finance = Fixtures.quickPerson();
        String code = TaxpayerSyncIT.newCreditCode();
        Api clerk = ClerkFixtures.loggedIn("dengji01");

        Reply r = ClerkFixtures.register(clerk, code, legal, finance);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.string("taxAuthorityName")).as("the clerk's own office by default")
                .isEqualTo("国家税务总局南昌市东湖区税务局");
        JsonObject lr = ClerkFixtures.grantOf(r, "LEGAL_REPRESENTATIVE", "ACTIVE");
        assertThat(lr.getString("initiator")).isEqualTo("SYSTEM");
        JsonObject fo = ClerkFixtures.grantOf(r, "FINANCE_OFFICER", "PENDING");
        assertThat(r.body()).doesNotContain(legal.idNumber(), finance.idNumber());

        Reply login = EnterpriseLogins.login(Api.browser(), code, legal);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.string("status")).isEqualTo("LOGGED_IN");
        Api financeBrowser = AccountFixtures.loggedIn(finance);
        assertThat(GrantFixtures.pendingIdFor(financeBrowser, code, "FINANCE_OFFICER"))
                .isEqualTo(fo.getJsonNumber("id").longValue());

        Reply again = ClerkFixtures.register(clerk, code, Fixtures.quickPerson(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TAXPAYER_ALREADY_REGISTERED");
        assertThat(again.message()).isEqualTo("该纳税人已登记");
        Reply bad = ClerkFixtures.register(clerk, code.substring(0, 17) + (code.endsWith("0") ? "1" : "0"),
                legal, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("CREDIT_CODE_INVALID");
        assertThat(clerk.get(CLERK + "/taxpayers/" + code).json().getJsonArray("grants")).hasSize(2);

        assertThat(ClerkFixtures.audit("taxpayer:" + code))
                .anyMatch(a -> a.startsWith("CLERK_TAXPAYER_REGISTERED|" + OFFICE.formatted("dengji01") + ": ORDINARY"))
                .anyMatch(a -> a.startsWith("CLERK_ACTION_REFUSED|" + OFFICE.formatted("dengji01")
                        + ": TAXPAYER_ALREADY_REGISTERED"));
    }

    @Test
    @DisplayName("key-personnel change: the old legal representative's binding ends, the new one logs in at once; "
            + "the same person again changes nothing")
    void key_personnel_change() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson successor = Fixtures.quickPerson();
        Api clerk = ClerkFixtures.loggedIn("dengji01");

        Reply changed = clerk.post(CLERK + "/taxpayers/" + e.creditCode() + "/key-personnel",
                ClerkFixtures.person(successor).add("role", "LEGAL_REPRESENTATIVE").build());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.string("legalRepresentative")).isEqualTo(Fixtures.maskedName(successor.name()));
        JsonObject ended = ClerkFixtures.grantOf(changed, "LEGAL_REPRESENTATIVE", "DELETED");
        assertThat(ended.getString("holderName")).isEqualTo(Fixtures.maskedName(e.legal().name()));
        assertThat(ClerkFixtures.grantOf(changed, "LEGAL_REPRESENTATIVE", "ACTIVE").getString("holderName"))
                .isEqualTo(Fixtures.maskedName(successor.name()));

        assertThat(EnterpriseLogins.login(Api.browser(), e.creditCode(), successor).string("status"))
                .isEqualTo("LOGGED_IN");
        assertThat(EnterpriseLogins.login(Api.browser(), e.creditCode(), e.legal()).code())
                .isEqualTo("ENTERPRISE_RELATION_NOT_FOUND");

        Reply same = clerk.post(CLERK + "/taxpayers/" + e.creditCode() + "/key-personnel",
                ClerkFixtures.person(successor).add("role", "LEGAL_REPRESENTATIVE").build());
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.code()).isEqualTo("KEY_PERSON_UNCHANGED");
        assertThat(ClerkFixtures.audit("taxpayer:" + e.creditCode()))
                .anyMatch(a -> a.startsWith("CLERK_KEY_PERSON_CHANGED|" + OFFICE.formatted("dengji01")
                        + ": LEGAL_REPRESENTATIVE -> " + Fixtures.maskedName(successor.name())));
    }

    @Test
    @DisplayName("ENT-3: an offline grant waits for the person's confirmation, cannot be withdrawn online but at the "
            + "counter; confirmed, the enterprise deletes it like any staff")
    void offline_grant_waits_for_the_person() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        Api clerk = ClerkFixtures.loggedIn("shouquan01");

        Reply added = ClerkFixtures.addOffline(clerk, e.creditCode(), officer, "TAX_OFFICER",
                "TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(added.string("state")).isEqualTo("PENDING");
        assertThat(added.string("initiator")).isEqualTo("TAX_OFFICE");
        long id = added.json().getJsonNumber("id").longValue();

        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Reply bossWithdraw = GrantFixtures.act(boss, e, id, "withdraw");
        assertThat(bossWithdraw.status()).isEqualTo(403);
        assertThat(bossWithdraw.code()).isEqualTo("GRANT_WITHDRAW_OFFLINE_ONLY");
        Reply twice = ClerkFixtures.addOffline(clerk, e.creditCode(), officer, "TAX_OFFICER", "TAX_QUERY");
        assertThat(twice.code()).isEqualTo("GRANT_DUPLICATE");
        Reply keyPerson = ClerkFixtures.remove(clerk, e.creditCode(),
                ClerkFixtures.grantOf(clerk.get(CLERK + "/taxpayers/" + e.creditCode()), "LEGAL_REPRESENTATIVE",
                        "ACTIVE").getJsonNumber("id").longValue());
        assertThat(keyPerson.code()).isEqualTo("GRANT_KEY_PERSON_BY_PERSONNEL_CHANGE");

        // withdrawn at the counter; a second offline addition is confirmed by the person and is then ordinary staff
        Reply withdrawn = ClerkFixtures.remove(clerk, e.creditCode(), id);
        assertThat(withdrawn.string("state")).as("%s", withdrawn).isEqualTo("WITHDRAWN");
        long again = ClerkFixtures.addOffline(clerk, e.creditCode(), officer, "TAX_OFFICER", "TAX_QUERY").json()
                .getJsonNumber("id").longValue();
        Api self = AccountFixtures.loggedIn(officer);
        String flow = GrantFixtures.beginConfirmation(self, again).string("flowToken");
        Reply qr = self.post(GrantFixtures.GRANTS + "/confirmations/" + flow + "/face-check",
                Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        assertThat(GrantFixtures.confirm(self, flow, again).status()).isEqualTo(200);
        Reply login = EnterpriseLogins.login(Api.browser(), e.creditCode(), officer);
        assertThat(login.string("status")).as("%s", login).isEqualTo("LOGGED_IN");

        Reply bossDelete = GrantFixtures.delete(boss, e.staff() + "/" + again);
        assertThat(bossDelete.status()).as("a departed staff member is deleted online: %s", bossDelete)
                .isEqualTo(200);
        assertThat(GrantFixtures.transitions(bossDelete.json()))
                .containsExactly("->PENDING", "PENDING>ACTIVE", "ACTIVE>DELETED");
        assertThat(ClerkFixtures.audit("grant:" + id))
                .anyMatch(a -> a.startsWith("CLERK_GRANT_ADDED|" + OFFICE.formatted("shouquan01") + ": "
                        + e.creditCode() + " TAX_OFFICER " + Fixtures.maskedName(officer.name())))
                .anyMatch(a -> a.startsWith("GRANT_ACTION_REFUSED|GRANT_WITHDRAW_OFFLINE_ONLY"))
                .anyMatch(a -> a.startsWith("CLERK_GRANT_REMOVED|" + OFFICE.formatted("shouquan01")));
    }

    @Test
    @DisplayName("§8, LOGIN-4: a cross-region matter registered at the counter lets its handler enter it as a special "
            + "subject; registered again as closed (核销), it is gone")
    void cross_region_matter_registered_at_the_counter() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson handler = Fixtures.quickPerson();
        String number = SpecialLoginIT.newNumber();
        JsonObject form = Json.createObjectBuilder().add("kind", "INSPECTION")
                .add("number", number).add("province", "江西省").add("city", "南昌市").add("district", "东湖区")
                .add("handlerName", handler.name()).add("handlerPhone", handler.phone())
                .add("validFrom", Sim.today().minusDays(1).toString()).build();
        String path = CLERK + "/taxpayers/" + e.creditCode() + "/cross-region-subjects";

        Reply notHisDuty = ClerkFixtures.loggedIn("shouquan01").post(path, form);
        assertThat(notHisDuty.code()).isEqualTo("CLERK_DUTY_REQUIRED");
        Api clerk = ClerkFixtures.loggedIn("dengji01");
        Reply noHandler = clerk.post(path, Json.createObjectBuilder(form).remove("handlerName").build());
        assertThat(noHandler.code()).isEqualTo("HANDLER_NAME_REQUIRED");
        Reply registered = clerk.post(path, form);
        assertThat(registered.status()).as("%s", registered).isEqualTo(200);
        assertThat(registered.string("outcome")).isEqualTo("APPLIED");

        List<jakarta.json.JsonObject> subjects = SpecialLoginIT.subjects(SpecialLoginIT.special(Api.browser(),
                "INSPECTION", e.creditCode(), handler).reply());
        assertThat(subjects).anyMatch(x -> x.getString("number").equals(number)
                && x.getString("taxAuthority").equals("国家税务总局南昌市东湖区税务局"));

        Reply closed = clerk.post(path, Json.createObjectBuilder(form).add("closed", true).build());
        assertThat(closed.string("outcome")).isEqualTo("APPLIED");
        Reply after = SpecialLoginIT.special(Api.browser(), "INSPECTION", e.creditCode(), handler).reply();
        assertThat(after.json().toString()).doesNotContain(number);
        assertThat(ClerkFixtures.auditOfClerk("dengji01"))
                .anyMatch(a -> a.startsWith("CLERK_CROSS_REGION_REGISTERED|") && a.contains(number + " closed"));
    }

    @Test
    @DisplayName("§8: a clerk serves the taxpayers of his own province (全省通办): another province's taxpayer is "
            + "neither shown, given staff, nor registered at his counter")
    void own_province_only() {
        Enterprise elsewhere = GrantFixtures.registerEnterprise("43");
        Api clerk = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_GRANTS", "CLERK_REGISTRATION"));

        Reply shown = clerk.get(CLERK + "/taxpayers/" + elsewhere.creditCode());
        assertThat(shown.status()).as("%s", shown).isEqualTo(403);
        assertThat(shown.code()).isEqualTo("TAXPAYER_OUTSIDE_JURISDICTION");
        assertThat(shown.message()).isEqualTo("该纳税人不属于本省税务机关管辖，请到其主管税务机关所在省份的办税服务厅办理");
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(elsewhere.creditCode(), elsewhere.legal());
        String staffBefore = boss.get(elsewhere.staff()).body();
        Reply added = ClerkFixtures.addOffline(clerk, elsewhere.creditCode(), Fixtures.quickPerson(), "TAX_OFFICER",
                "TAX_QUERY");
        assertThat(added.code()).as("%s", added).isEqualTo("TAXPAYER_OUTSIDE_JURISDICTION");
        assertThat(boss.get(elsewhere.staff()).body()).as("nothing added").isEqualTo(staffBefore);

        String code = TaxpayerSyncIT.newCreditCode();
        JsonObject registration = Json.createObjectBuilder(ClerkFixtures.registration(code, Fixtures.quickPerson(),
                null)).add("provinceCode", "44").add("provinceName", "广东省").build();
        Reply registered = clerk.post(CLERK + "/taxpayers", registration);
        assertThat(registered.code()).as("%s", registered).isEqualTo("TAXPAYER_OUTSIDE_JURISDICTION");
        assertThat(clerk.get(CLERK + "/taxpayers/" + code).code()).as("nothing registered")
                .isEqualTo("TAXPAYER_NOT_FOUND");
    }

    @Test
    @DisplayName("REG-8 at the counter: a key person named for a registered account under another name is refused, at "
            + "registration and at a key-personnel change")
    void key_person_under_another_name() {
        Api clerk = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        TestPerson legal = Fixtures.quickPerson();
        String code = TaxpayerSyncIT.newCreditCode();
        JsonObject wrongName = Json.createObjectBuilder(ClerkFixtures.registration(code, legal, null))
                .add("legalRepresentative", ClerkFixtures.person(legal).add("name", "完全不同")).build();
        Reply refused = clerk.post(CLERK + "/taxpayers", wrongName);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("STAFF_NAME_MISMATCH");
        assertThat(clerk.get(CLERK + "/taxpayers/" + code).code()).as("nothing registered")
                .isEqualTo("TAXPAYER_NOT_FOUND");

        assertThat(ClerkFixtures.register(clerk, code, legal, null).status()).isEqualTo(200);
        TestPerson finance = Fixtures.quickPerson();
        Reply change = clerk.post(CLERK + "/taxpayers/" + code + "/key-personnel", ClerkFixtures.person(finance)
                .add("role", "FINANCE_OFFICER").add("name", "错名字").build());
        assertThat(change.code()).as("%s", change).isEqualTo("STAFF_NAME_MISMATCH");
    }

    @Test
    @DisplayName("two clerks end the same grant at once: one wins, the other gets a clear message, the history "
            + "shows one transition")
    void two_clerks_race() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api first = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_GRANTS"));
        Api second = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_GRANTS"));
        for (int round = 0; round < 6; round++) {
            Reply added = ClerkFixtures.addOffline(first, e.creditCode(), Fixtures.quickPerson(), "INVOICER",
                    "INVOICE_ISSUE");
            assertThat(added.status()).as("%s", added).isEqualTo(200);
            long id = added.json().getJsonNumber("id").longValue();
            String path = CLERK + "/taxpayers/" + e.creditCode() + "/grants/" + id;

            CompletableFuture<Reply> a = first.sendAsync("DELETE", path, null, Map.of());
            CompletableFuture<Reply> b = second.sendAsync("DELETE", path, null, Map.of());
            List<Reply> replies = List.of(a.join(), b.join());

            assertThat(replies).extracting(Reply::status).as("round %d: %s", round, replies).containsExactlyInAnyOrder(200, 409);
            Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.code()).isIn("CONCURRENT_CHANGE", "GRANT_NOT_PENDING", "GRANT_NOT_ACTIVE");
            assertThat(loser.message()).isIn("该信息刚被其他操作修改，请刷新后重试", "该授权已不是待确认状态，请刷新后查看",
                    "该授权当前不是有效状态，请刷新后查看");
            JsonObject grant = ClerkFixtures.grant(first.get(CLERK + "/taxpayers/" + e.creditCode()), id);
            assertThat(grant.getString("state")).isEqualTo("WITHDRAWN");
            assertThat(GrantFixtures.transitions(grant)).containsExactly("->PENDING", "PENDING>WITHDRAWN");
            assertThat(ClerkFixtures.audit("grant:" + id)).filteredOn(x -> x.startsWith("CLERK_GRANT_REMOVED|"))
                    .hasSize(1);
        }
    }

    @Test
    @DisplayName("LOGIN-9: logged-in sessions keep their roles when two clerks, or two persons, send requests at the "
            + "same moment (no stray 403)")
    void sessions_keep_their_roles_under_concurrent_requests() {
        Api first = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_GRANTS"));
        Api second = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        Api one = AccountFixtures.loggedIn(Fixtures.quickPerson());
        Api other = AccountFixtures.loggedIn(Fixtures.quickPerson());
        for (int i = 0; i < 25; i++) {
            CompletableFuture<Reply> a = first.sendAsync("GET", CLERK + "/me", null, Map.of());
            CompletableFuture<Reply> b = second.sendAsync("GET", CLERK + "/me", null, Map.of());
            CompletableFuture<Reply> c = one.sendAsync("GET", AccountFixtures.ME + "/identity", null, Map.of());
            CompletableFuture<Reply> d = other.sendAsync("GET", AccountFixtures.ME + "/identity", null, Map.of());
            assertThat(List.of(a.join(), b.join(), c.join(), d.join())).as("round %d", i)
                    .extracting(Reply::status).containsOnly(200);
        }
    }
}
