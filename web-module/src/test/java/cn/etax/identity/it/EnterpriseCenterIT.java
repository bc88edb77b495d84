package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etax.identity.it.EnterpriseCenterFixtures.ADDRESS;
import static cn.etax.identity.it.EnterpriseCenterFixtures.CENTER;
import static cn.etax.identity.it.EnterpriseCenterFixtures.COMPANY_INVESTOR;
import static cn.etax.identity.it.EnterpriseCenterFixtures.PERSON_INVESTOR;
import static cn.etax.identity.it.EnterpriseCenterFixtures.STAFF;
import static cn.etax.identity.it.EnterpriseCenterFixtures.companyName;
import static cn.etax.identity.it.EnterpriseCenterFixtures.confirmedTaxOfficer;
import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise account center over REST for the session's current identity (ENT-1, ENT-2..ENT-5, ENT-10,
 * RULE-MASK): what a legal representative and a tax officer see and may do, decided in the EJB layer; every refusal
 * audited; the taxpayer never named by the caller.
 */
@DisplayName("ENT-1..ENT-10: enterprise account center of the current identity")
class EnterpriseCenterIT {

    @Test
    @DisplayName("ENT-1: the legal representative sees every section masked; the eye reveals a field and is recorded")
    void legal_representative_sees_everything_masked_and_reveals() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        Reply info = boss.get(CENTER);

        assertThat(info.status()).as("%s", info).isEqualTo(200);
        JsonObject basic = info.json().getJsonObject("basic");
        assertThat(basic.getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(basic.getString("nameMasked")).contains("*").isNotEqualTo(companyName(e.creditCode()));
        assertThat(basic.getString("businessAddressMasked")).startsWith("江西省南昌市").contains("*");
        assertThat(info.body()).doesNotContain(companyName(e.creditCode()), ADDRESS, e.legal().name(),
                PERSON_INVESTOR, COMPANY_INVESTOR);
        JsonArray keyPersons = info.json().getJsonArray("keyPersonnel");
        assertThat(keyPersons.stream().map(k -> k.asJsonObject().getString("role")))
                .containsExactly("LEGAL_REPRESENTATIVE", "FINANCE_OFFICER");
        assertThat(keyPersons.getJsonObject(0).getString("nameMasked")).isEqualTo(Fixtures.maskedName(e.legal().name()));
        assertThat(info.json().getJsonObject("taxData").getString("industry")).isEqualTo("软件和信息技术服务业");
        JsonArray investors = info.json().getJsonArray("investors");
        assertThat(investors.stream().map(i -> i.asJsonObject().getString("nameMasked")))
                .containsExactly("欧***", "江西赣江****有限公司");
        JsonObject viewer = info.json().getJsonObject("viewer");
        assertThat(viewer.getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(viewer.getJsonArray("identities").getJsonObject(0).getBoolean("current")).isTrue();

        long personId = GrantFixtures.personId(boss);
        Reply name = reveal(boss, "TAXPAYER_NAME", null);
        assertThat(name.status()).as("%s", name).isEqualTo(200);
        assertThat(name.string("value")).isEqualTo(companyName(e.creditCode()));
        long investorId = investors.getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(reveal(boss, "INVESTOR_NAME", investorId).string("value")).isEqualTo(PERSON_INVESTOR);
        assertThat(reveal(boss, "BUSINESS_ADDRESS", null).string("value")).isEqualTo(ADDRESS);
        assertThat(AccountIT.auditActions(personId, "FIELD_REVEALED"))
                .containsExactly("TAXPAYER_NAME", "INVESTOR_NAME:" + investorId, "BUSINESS_ADDRESS");
    }

    @Test
    @DisplayName("ENT-1, ENT-2..ENT-5: a tax officer sees basic data and key personnel only and no manager action "
            + "is his: 403, audited, nothing changed")
    void tax_officer_sees_basic_data_and_manages_nothing() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long grant = confirmedTaxOfficer(boss, e, officer);
        Api clerk = enterpriseLoggedIn(e.creditCode(), officer);
        long officerId = GrantFixtures.personId(clerk);

        Reply info = clerk.get(CENTER);
        assertThat(info.status()).as("%s", info).isEqualTo(200);
        assertThat(info.json().getJsonObject("basic").getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(info.json().getJsonArray("keyPersonnel")).hasSize(2);
        assertThat(absent(info.json(), "taxData")).as("tax data hidden").isTrue();
        assertThat(absent(info.json(), "investors")).as("investors hidden").isTrue();
        assertThat(strings(info.json().getJsonObject("viewer").getJsonArray("permissions")))
                .containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(reveal(clerk, "LEGAL_REPRESENTATIVE_NAME", null).string("value")).isEqualTo(e.legal().name());

        int refusedBefore = AccountIT.auditActions(officerId, "ENTERPRISE_ACTION_REFUSED").size();
        Reply investor = reveal(clerk, "INVESTOR_NAME", 1L);
        assertThat(investor.status()).as("%s", investor).isEqualTo(403);
        assertThat(investor.code()).isEqualTo("ENTERPRISE_INFO_FORBIDDEN");
        assertThat(investor.message()).isEqualTo("办税员、开票员仅可查看基本信息和主要人员信息");
        assertThat(AccountIT.auditActions(officerId, "ENTERPRISE_ACTION_REFUSED")).hasSize(refusedBefore + 1);

        int grantRefusals = AccountIT.auditActions(officerId, "GRANT_ACTION_REFUSED").size();
        int pendingBefore = boss.get(e.staff() + "/pending").jsonArray().size();
        TestPerson someone = Fixtures.quickPerson();
        List<Reply> refused = List.of(
                clerk.get(STAFF), clerk.get(STAFF + "/pending"), clerk.get(STAFF + "/history"),
                clerk.post(STAFF, GrantFixtures.addBody(someone, "INVOICER", null, "TAX_QUERY")),
                clerk.post(STAFF + "/" + grant + "/freeze", Json.createObjectBuilder().build()),
                GrantFixtures.delete(clerk, STAFF + "/" + grant),
                clerk.get(CENTER + "/permission-templates?identityType=TAX_OFFICER"));
        for (Reply r : refused) {
            assertThat(r.status()).as("%s", r).isEqualTo(403);
            assertThat(r.code()).isEqualTo("ENTERPRISE_MANAGER_REQUIRED");
            assertThat(r.message()).isEqualTo("仅法定代表人、财务负责人有权限通过账户中心管理本企业办税人员");
        }
        Reply everyonesLogins = clerk.get(CENTER + "/login-log?scope=all");
        assertThat(everyonesLogins.status()).isEqualTo(403);
        assertThat(everyonesLogins.message()).as("says what only a manager may see")
                .isEqualTo("仅法定代表人、财务负责人可以查看本企业全部办税人员的登录日志");
        assertThat(clerk.get(CENTER + "/login-log?scope=everyone").code()).isEqualTo("PARAMETER_INVALID");
        assertThat(AccountIT.auditActions(officerId, "GRANT_ACTION_REFUSED"))
                .hasSize(grantRefusals + refused.size() + 1);
        JsonObject still = GrantFixtures.staffMember(boss, e, grant);
        assertThat(still.getString("state")).isEqualTo("ACTIVE");
        assertThat(boss.get(e.staff() + "/pending").jsonArray()).as("nothing added").hasSize(pendingBefore);
    }

    @Test
    @DisplayName("ENT-2..ENT-5: the legal representative adds a tax officer with a template, sees him pending, "
            + "withdraws, finds him in the history and clears the record — all for the session's taxpayer")
    void templates_add_pending_withdraw_history() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        Reply templates = boss.get(CENTER + "/permission-templates?identityType=INVOICER");
        assertThat(templates.status()).as("%s", templates).isEqualTo(200);
        assertThat(templates.jsonArray().stream().map(t -> t.asJsonObject().getString("template")))
                .containsExactly("FULL", "DECLARATION", "INVOICE", "QUERY_ONLY");
        JsonObject invoice = templates.jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("template").equals("INVOICE")).findFirst().orElseThrow();
        assertThat(strings(invoice.getJsonArray("permissions")))
                .containsExactlyInAnyOrder("INVOICE_USE", "INVOICE_ISSUE", "TAX_QUERY");
        Reply badType = boss.get(CENTER + "/permission-templates?identityType=LEGAL_REPRESENTATIVE");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.code()).isEqualTo("STAFF_IDENTITY_TYPE_INVALID");

        TestPerson invoicer = Fixtures.quickPerson();
        Reply added = boss.post(STAFF, GrantFixtures.addBody(invoicer, "INVOICER", null,
                strings(invoice.getJsonArray("permissions")).toArray(String[]::new)));
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        long grant = added.json().getJsonNumber("id").longValue();
        assertThat(GrantFixtures.find(boss.get(STAFF + "/pending"), grant)).get()
                .satisfies(g -> assertThat(g.getString("state")).isEqualTo("PENDING"));
        assertThat(GrantFixtures.find(boss.get(e.staff() + "/pending"), grant)).as("same taxpayer").isPresent();

        TestPerson stranger = new TestPerson("未注册", Fixtures.newIdNumber(), null, null, null);
        Reply unregistered = boss.post(STAFF, GrantFixtures.addBody(stranger, "TAX_OFFICER", null, "TAX_QUERY"));
        assertThat(unregistered.status()).isEqualTo(404);
        assertThat(unregistered.message()).isEqualTo("该办税人员尚未注册");

        Reply withdrawn = boss.post(STAFF + "/" + grant + "/withdraw", Json.createObjectBuilder().build());
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.string("state")).isEqualTo("WITHDRAWN");
        String fragment = invoicer.name().substring(1);
        assertThat(GrantFixtures.find(boss.get(STAFF + "/history?identityType=INVOICER&name="
                + java.net.URLEncoder.encode(fragment, java.nio.charset.StandardCharsets.UTF_8)), grant)).isPresent();
        assertThat(GrantFixtures.find(boss.get(STAFF + "/history?identityType=TAX_OFFICER"), grant)).isEmpty();
        Reply cleared = boss.post(STAFF + "/" + grant + "/clear-record", Json.createObjectBuilder().build());
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(204);
        assertThat(GrantFixtures.find(boss.get(STAFF + "/history"), grant)).isEmpty();
    }

    @Test
    @DisplayName("ENT-4: the legal representative cannot be frozen or deleted; the service's message comes back")
    void key_personnel_refusals_surface() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        long own = boss.get(STAFF).jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("identityType").equals("LEGAL_REPRESENTATIVE")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();

        Reply freeze = boss.post(STAFF + "/" + own + "/freeze", Json.createObjectBuilder().build());
        assertThat(freeze.status()).isEqualTo(403);
        assertThat(freeze.message()).isEqualTo("企业法定代表人和财务负责人无法被冻结。");
        Reply delete = GrantFixtures.delete(boss, STAFF + "/" + own);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.message()).isEqualTo("企业法定代表人和财务负责人无法被删除。");
    }

    @Test
    @DisplayName("ENT-3, ENT-4: the current identity sees who applied (the eye, recorded), confirms and rejects "
            + "persons' applications, changes a member's permissions within his type, freezes, unfreezes and deletes him")
    void applications_and_existing_staff() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson applicantPerson = Fixtures.quickPerson();
        Api applicant = AccountFixtures.loggedIn(applicantPerson);
        Api other = AccountFixtures.loggedIn(Fixtures.quickPerson());
        long application = apply(applicant, e, "INVOICER");
        long refused = apply(other, e, "TAX_OFFICER");

        // RULE-MASK: the list masks the applicant; the eye shows whom the manager confirms, and is recorded
        assertThat(boss.get(STAFF + "/pending").body()).doesNotContain(applicantPerson.name(),
                applicantPerson.idNumber());
        for (String[] field : new String[][] {{"NAME", applicantPerson.name()},
                {"ID_NUMBER", applicantPerson.idNumber()}}) {
            Reply shown = boss.post(STAFF + "/" + application + "/reveal",
                    Json.createObjectBuilder().add("field", field[0]).build());
            assertThat(shown.status()).as("%s", shown).isEqualTo(200);
            assertThat(shown.string("value")).isEqualTo(field[1]);
        }
        assertThat(AccountIT.auditActions(GrantFixtures.personId(boss), "FIELD_REVEALED"))
                .contains("staff NAME as manager of " + e.creditCode(), "staff ID_NUMBER as manager of "
                        + e.creditCode());
        Enterprise elsewhere = EnterpriseCenterFixtures.registerEnterprise();
        long foreign = apply(AccountFixtures.loggedIn(Fixtures.quickPerson()), elsewhere, "INVOICER");
        Reply notOurs = boss.post(STAFF + "/" + foreign + "/reveal",
                Json.createObjectBuilder().add("field", "NAME").build());
        assertThat(notOurs.status()).isEqualTo(403);
        assertThat(notOurs.code()).isEqualTo("GRANT_NOT_OF_THIS_TAXPAYER");

        Reply notOwn = boss.post(STAFF + "/" + application + "/withdraw", Json.createObjectBuilder().build());
        assertThat(notOwn.code()).isEqualTo("GRANT_WITHDRAW_OWN_ONLY");
        assertThat(notOwn.message()).isEqualTo("只能撤回本方发起的授权");
        Reply confirmed = boss.post(STAFF + "/" + application + "/confirm", Json.createObjectBuilder().build());
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.string("state")).isEqualTo("ACTIVE");
        assertThat(boss.post(STAFF + "/" + application + "/reveal", Json.createObjectBuilder().add("field", "NAME")
                .build()).code()).as("the eye is for pending rows").isEqualTo("GRANT_NOT_PENDING");
        Reply rejected = boss.post(STAFF + "/" + refused + "/reject", Json.createObjectBuilder().build());
        assertThat(rejected.string("state")).isEqualTo("REJECTED");

        Reply notAllowed = boss.send("PUT", STAFF + "/" + application + "/permissions",
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add("TAX_FILING_AND_PAYMENT"))
                        .build(), java.util.Map.of());
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(notAllowed.message()).isEqualTo("权限须匹配人员身份类型，仅可勾选允许勾选的权限类型");
        Reply changed = boss.send("PUT", STAFF + "/" + application + "/permissions",
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add("INVOICE_ISSUE")
                        .add("TAX_QUERY")).build(), java.util.Map.of());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(strings(changed.json().getJsonArray("permissions")))
                .containsExactlyInAnyOrder("INVOICE_ISSUE", "TAX_QUERY");

        assertThat(boss.post(STAFF + "/" + application + "/freeze", Json.createObjectBuilder().build())
                .string("state")).isEqualTo("FROZEN");
        assertThat(boss.post(STAFF + "/" + application + "/unfreeze", Json.createObjectBuilder().build())
                .string("state")).isEqualTo("ACTIVE");
        assertThat(GrantFixtures.delete(boss, STAFF + "/" + application).string("state")).isEqualTo("DELETED");
        assertThat(GrantFixtures.find(boss.get(STAFF), application)).isEmpty();
        assertThat(boss.get(STAFF + "/history").jsonArray().stream()
                .map(g -> g.asJsonObject().getString("state"))).containsExactlyInAnyOrder("DELETED", "REJECTED");
    }

    @Test
    @DisplayName("ENT-10: each sees his own enterprise logins of this taxpayer; the legal representative may see "
            + "every staff member's; person-entry logins and other taxpayers are not there")
    void enterprise_login_log_scope() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        AccountFixtures.loggedIn(e.legal()); // a person-entry login is not an enterprise record
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        confirmedTaxOfficer(boss, e, officer);
        Api clerk = enterpriseLoggedIn(e.creditCode(), officer);
        enterpriseLoggedIn(other.creditCode(), other.legal());

        JsonArray mine = boss.get(CENTER + "/login-log").jsonArray();
        assertThat(mine).isNotEmpty();
        assertThat(mine.stream().map(JsonValue::asJsonObject)).allSatisfy(r -> {
            assertThat(r.getBoolean("own")).isTrue();
            assertThat(r.getJsonObject("login").getString("entry")).isEqualTo("ENTERPRISE");
        });
        assertThat(mine).hasSize(1);

        JsonArray all = boss.get(CENTER + "/login-log?scope=all").jsonArray();
        assertThat(all.stream().map(r -> r.asJsonObject().getString("person")))
                .containsExactlyInAnyOrder(Fixtures.maskedName(officer.name()), Fixtures.maskedName(e.legal().name()));
        assertThat(all.stream().map(r -> r.asJsonObject().getJsonObject("login").getString("outcome")))
                .containsOnly("SUCCESS");

        JsonArray officerOwn = clerk.get(CENTER + "/login-log").jsonArray();
        assertThat(officerOwn).hasSize(1);
        assertThat(officerOwn.getJsonObject(0).getString("person")).isEqualTo(Fixtures.maskedName(officer.name()));

        Reply badDate = boss.get(CENTER + "/login-log?from=2026-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.code()).isEqualTo("LOGIN_LOG_FROM_INVALID");
    }

    @Test
    @DisplayName("ENT-10: a wrong password and a wrong SMS code at the enterprise entry are in the enterprise's log "
            + "as failures of that person; person-entry failures are not")
    void enterprise_login_failures_are_in_the_enterprise_log() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();

        Api attempt = Api.browser();
        Api.Slider slider = attempt.slider();
        slider.awaitHumanTime();
        Reply wrongPassword = attempt.post("/api/v1/login/enterprise/password", Json.createObjectBuilder()
                .add("creditCode", e.creditCode()).add("account", e.legal().phone()).add("password", "Wrong@2026pw")
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(wrongPassword.code()).as("%s", wrongPassword).isEqualTo("PASSWORD_WRONG");

        slider = attempt.slider();
        slider.awaitHumanTime();
        Reply started = attempt.post("/api/v1/login/enterprise/password", Json.createObjectBuilder()
                .add("creditCode", e.creditCode()).add("account", e.legal().phone()).add("password", e.legal().password())
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(attempt.sendCode(flow).status()).isEqualTo(204);
        String code = Sim.latestCode(e.legal().phone());
        Reply wrongCode = attempt.smsStep(flow, code.equals("000000") ? "111111" : "000000");
        assertThat(wrongCode.code()).as("%s", wrongCode).isEqualTo("SMS_CODE_WRONG");

        AccountFixtures.loggedIn(e.legal()); // a person-entry login is not an enterprise record
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        JsonArray mine = boss.get(CENTER + "/login-log").jsonArray();
        assertThat(mine.stream().map(r -> r.asJsonObject().getJsonObject("login")))
                .allSatisfy(l -> assertThat(l.getString("entry")).isEqualTo("ENTERPRISE"))
                .extracting(l -> l.getString("outcome") + ":" + (!l.containsKey("reason") || l.isNull("reason") ? ""
                        : l.getString("reason")))
                .containsExactlyInAnyOrder("SUCCESS:", "FAILURE:PASSWORD_WRONG", "FAILURE:SMS_CODE_WRONG");
    }

    @Test
    @DisplayName("the current identity is checked at every call: after a person-entry login there is none, and a "
            + "tax officer frozen since his login is refused")
    void current_identity_required_and_rechecked() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api personEntry = AccountFixtures.loggedIn(e.legal());
        Reply none = personEntry.get(CENTER);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
        assertThat(personEntry.get(STAFF).code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
        // ENT-2: the same by credit code — the manager's personal business manages no staff
        Reply byCode = personEntry.post(e.staff(), GrantFixtures.addBody(Fixtures.quickPerson(), "INVOICER", null,
                "TAX_QUERY"));
        assertThat(byCode.status()).as("%s", byCode).isEqualTo(403);
        assertThat(byCode.code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");

        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long grant = confirmedTaxOfficer(boss, e, officer);
        Api clerk = enterpriseLoggedIn(e.creditCode(), officer);
        assertThat(clerk.get(CENTER).status()).isEqualTo(200);
        assertThat(GrantFixtures.act(boss, e, grant, "freeze").status()).isEqualTo(200);

        Reply frozen = clerk.get(CENTER);
        assertThat(frozen.status()).as("%s", frozen).isEqualTo(403);
        assertThat(frozen.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        assertThat(frozen.message()).isEqualTo("您当前的身份已失效（授权或代理委托已被冻结、删除、取消或已过期），请重新登录");

        // every call of the enterprise account center asks again, reads and writes alike, and changes nothing
        int pendingBefore = boss.get(e.staff() + "/pending").jsonArray().size();
        List<Reply> calls = List.of(
                reveal(clerk, "LEGAL_REPRESENTATIVE_NAME", null),
                clerk.get(STAFF), clerk.get(STAFF + "/pending"), clerk.get(STAFF + "/history"),
                clerk.post(STAFF, GrantFixtures.addBody(Fixtures.quickPerson(), "INVOICER", null, "TAX_QUERY")),
                clerk.post(STAFF + "/" + grant + "/unfreeze", Json.createObjectBuilder().build()),
                clerk.get(CENTER + "/permission-templates?identityType=TAX_OFFICER"),
                clerk.post(CENTER + "/permission-templates", Json.createObjectBuilder().add("name", "全量办税")
                        .add("permissions", Json.createArrayBuilder().add("TAX_QUERY")).build()),
                clerk.get(CENTER + "/login-log"),
                clerk.get(CENTER + "/certificates"));
        for (Reply r : calls) {
            assertThat(r.status()).as("%s", r).isEqualTo(403);
            assertThat(r.code()).as("%s", r).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        }
        assertThat(GrantFixtures.staffMember(boss, e, grant).getString("state")).isEqualTo("FROZEN");
        assertThat(boss.get(e.staff() + "/pending").jsonArray()).as("nothing added").hasSize(pendingBefore);
    }

    // ----

    private static Reply reveal(Api browser, String field, Long investorId) {
        var b = Json.createObjectBuilder().add("field", field);
        if (investorId != null) {
            b.add("investorId", investorId);
        }
        return browser.post(CENTER + "/reveal", b.build());
    }

    private static long apply(Api person, Enterprise e, String type) {
        Reply applied = person.post(GrantFixtures.GRANTS, Json.createObjectBuilder().add("creditCode", e.creditCode())
                .add("identityType", type).build());
        assertThat(applied.status()).as("apply: %s", applied).isEqualTo(200);
        return applied.json().getJsonNumber("id").longValue();
    }

    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
