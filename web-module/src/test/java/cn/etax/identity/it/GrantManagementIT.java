package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.etax.identity.it.GrantFixtures.act;
import static cn.etax.identity.it.GrantFixtures.add;
import static cn.etax.identity.it.GrantFixtures.confirm;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.find;
import static cn.etax.identity.it.GrantFixtures.offer;
import static cn.etax.identity.it.GrantFixtures.pendingIdFor;
import static cn.etax.identity.it.GrantFixtures.personAct;
import static cn.etax.identity.it.GrantFixtures.staffMember;
import static cn.etax.identity.it.GrantFixtures.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** ENT-2..ENT-5 and PER-2..PER-5 black-box: both sides of the two-way confirmation, as a user would check them. */
@DisplayName("Grant management: enterprise staff and the person's authorisations")
class GrantManagementIT {

    @Test
    @DisplayName("ENT-2, PER-3: the legal representative adds a tax officer, who confirms with a QR face check")
    void tax_officer_added_and_confirmed_with_face() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api staff = AccountFixtures.loggedIn(officer);

        long id = offer(boss, e, officer, null);
        JsonObject pending = find(boss.get(e.staff() + "/pending"), id).orElseThrow();
        assertThat(pending.getString("state")).isEqualTo("PENDING");
        assertThat(pending.getString("holderName")).isEqualTo(Fixtures.maskedName(officer.name()));
        assertThat(boss.get(e.staff() + "/pending").body()).as("RULE-MASK")
                .doesNotContain(officer.name(), officer.idNumber());
        assertThat(find(boss.get(e.staff()), id)).as("not staff before he confirms").isEmpty();

        JsonObject mine = find(staff.get(GrantFixtures.GRANTS + "/pending"), id).orElseThrow();
        assertThat(mine.getString("creditCode")).isEqualTo(e.creditCode());
        assertThat(mine.getString("initiator")).isEqualTo("ENTERPRISE");

        Reply withoutFace = confirm(staff, GrantFixtures.beginConfirmation(staff, id).string("flowToken"), id);
        assertThat(withoutFace.status()).as("%s", withoutFace).isEqualTo(403);
        assertThat(withoutFace.code()).isEqualTo("QR_NOT_CONFIRMED");

        Reply confirmed = confirmWithFace(staff, id);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        JsonObject member = staffMember(boss, e, id);
        assertThat(member.getString("state")).isEqualTo("ACTIVE");
        assertThat(member.getJsonArray("permissions").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"TAX_FILING_AND_PAYMENT\"", "\"TAX_QUERY\"");
        assertThat(transitions(member)).containsExactly("->PENDING", "PENDING>ACTIVE");
        assertThat(find(staff.get(GrantFixtures.GRANTS), id).orElseThrow().getString("state")).isEqualTo("ACTIVE");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(staff), "GRANT_CONFIRMED")).hasSize(1);
    }

    @Test
    @DisplayName("ENT-2: not registered, wrong type, permissions beyond the type, duplicates are refused")
    void adding_staff_is_checked() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson stranger = Fixtures.newCitizen();
        Reply unknown = add(boss, e, stranger, "TAX_OFFICER", null, "TAX_QUERY");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("STAFF_NOT_REGISTERED");
        assertThat(unknown.message()).isEqualTo("该办税人员尚未注册");

        TestPerson p = Fixtures.quickPerson();
        TestPerson wrongName = new TestPerson("王" + p.name(), p.idNumber(), p.phone(), null, p.password());
        assertThat(add(boss, e, wrongName, "TAX_OFFICER", null, "TAX_QUERY").code()).isEqualTo("STAFF_NOT_REGISTERED");
        assertThat(add(boss, e, p, "FINANCE_OFFICER", null, "TAX_QUERY").code())
                .isEqualTo("STAFF_IDENTITY_TYPE_INVALID");
        Reply escalation = add(boss, e, p, "INVOICER", null, "INVOICE_ISSUE", "TAX_REFUND");
        assertThat(escalation.status()).isEqualTo(400);
        assertThat(escalation.code()).isEqualTo("PERMISSION_NOT_ALLOWED");
        assertThat(add(boss, e, p, "INVOICER", Sim.today().minusDays(1), "INVOICE_ISSUE").code())
                .isEqualTo("GRANT_VALIDITY_IN_PAST");

        // the risk warning (风险提示) must have been read, over REST as on the page; nothing is offered without it
        JsonObject unread = Json.createObjectBuilder(GrantFixtures.addBody(p, "TAX_OFFICER", null, "TAX_QUERY"))
                .remove("riskAcknowledged").build();
        Reply notAcknowledged = boss.post(e.staff(), unread);
        assertThat(notAcknowledged.status()).isEqualTo(400);
        assertThat(notAcknowledged.code()).isEqualTo("RISK_NOT_ACKNOWLEDGED");
        assertThat(notAcknowledged.message()).isEqualTo("请阅读风险提示并勾选“我已阅读并知晓上述风险”后再提交");
        Reply declined = boss.post(e.staff(), Json.createObjectBuilder(unread).add("riskAcknowledged", false).build());
        assertThat(declined.code()).isEqualTo("RISK_NOT_ACKNOWLEDGED");
        assertThat(boss.get(e.staff() + "/pending").jsonArray()).as("only the FO offer").hasSize(1);

        offer(boss, e, p, Sim.today().plusDays(30));
        Reply twice = add(boss, e, p, "TAX_OFFICER", null, "TAX_QUERY");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("GRANT_DUPLICATE");
        assertThat(boss.get(e.staff() + "/pending").jsonArray()).as("FO offer + one tax officer").hasSize(2);
    }

    @Test
    @DisplayName("PER-2, ENT-3: a person applies, the finance officer (after confirming his own role) confirms")
    void application_confirmed_by_the_finance_officer() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api finance = AccountFixtures.loggedIn(e.finance());
        Api applicantBrowser = AccountFixtures.loggedIn(Fixtures.quickPerson());

        Reply applied = applicantBrowser.post(GrantFixtures.GRANTS, Json.createObjectBuilder()
                .add("creditCode", e.creditCode()).add("identityType", "INVOICER").build());
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        long id = applied.json().getJsonNumber("id").longValue();
        assertThat(applied.string("state")).isEqualTo("PENDING");
        assertThat(personAct(applicantBrowser, id, "reject").code()).as("he cannot answer his own application")
                .isEqualTo("GRANT_OTHER_SIDE_ANSWERS");

        assertThat(act(finance, e, id, "confirm").code()).as("staff are managed from the enterprise entry")
                .isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
        long foGrant = pendingIdFor(finance, e.creditCode(), "FINANCE_OFFICER");
        assertThat(confirmWithFace(finance, foGrant).status()).isEqualTo(200);
        assertThat(act(finance, e, id, "confirm").code()).as("not from personal business, even as manager")
                .isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
        finance = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.finance());

        assertThat(act(finance, e, id, "withdraw").code()).as("not the enterprise's offer")
                .isEqualTo("GRANT_WITHDRAW_OWN_ONLY");
        Reply confirmed = act(finance, e, id, "confirm");
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.string("state")).isEqualTo("ACTIVE");
        assertThat(find(applicantBrowser.get(GrantFixtures.GRANTS), id).orElseThrow().getString("identityType"))
                .isEqualTo("INVOICER");
    }

    @Test
    @DisplayName("PER-2, PER-3, PER-5: a person withdraws his own unanswered application, sees it as 已撤回 and may "
            + "apply again; the enterprise's offers are his to reject, not to withdraw")
    void applicant_withdraws_his_application() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson applicant = Fixtures.quickPerson();
        Api me = AccountFixtures.loggedIn(applicant);
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        JsonObject application = Json.createObjectBuilder().add("creditCode", e.creditCode())
                .add("identityType", "INVOICER").build();
        long id = me.post(GrantFixtures.GRANTS, application).json().getJsonNumber("id").longValue();
        assertThat(find(boss.get(e.staff() + "/pending"), id)).as("the enterprise sees it").isPresent();

        Reply withdrawn = personAct(me, id, "withdraw");
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.string("state")).isEqualTo("WITHDRAWN");
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending"), id)).isEmpty();
        assertThat(find(me.get(GrantFixtures.GRANTS + "/history"), id).orElseThrow().getString("state"))
                .isEqualTo("WITHDRAWN");
        assertThat(find(boss.get(e.staff() + "/pending"), id)).as("gone from the enterprise's list").isEmpty();
        assertThat(act(boss, e, id, "confirm").code()).as("nothing left to confirm").isEqualTo("GRANT_NOT_PENDING");
        assertThat(personAct(me, id, "withdraw").code()).isEqualTo("GRANT_NOT_PENDING");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_WITHDRAWN")).hasSize(1);

        Reply again = me.post(GrantFixtures.GRANTS, application);
        assertThat(again.status()).as("a withdrawn application blocks no new one: %s", again).isEqualTo(200);
        Reply ownEnterprise = boss.post(GrantFixtures.GRANTS, application);
        assertThat(ownEnterprise.code()).as("the legal representative holds everything there already: %s",
                ownEnterprise).isEqualTo("GRANT_ALREADY_KEY_PERSON");

        TestPerson officer = Fixtures.quickPerson();
        long offered = offer(boss, e, officer, null);
        Reply notHis = personAct(AccountFixtures.loggedIn(officer), offered, "withdraw");
        assertThat(notHis.status()).isEqualTo(403);
        assertThat(notHis.code()).isEqualTo("GRANT_WITHDRAW_OWN_ONLY");
        assertThat(personAct(me, offered, "withdraw").code()).as("another person's grant").isEqualTo("GRANT_NOT_YOURS");
    }

    @Test
    @DisplayName("ENT-4, ENT-5: permissions, freeze/unfreeze, delete; history with filters and clear record per side")
    void staff_lifecycle_and_history() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api staff = AccountFixtures.loggedIn(officer);
        long id = offer(boss, e, officer, null);
        confirmWithFace(staff, id);

        Reply changed = boss.send("PUT", e.staff() + "/" + id + "/permissions", Json.createObjectBuilder()
                .add("permissions", Json.createArrayBuilder().add("INVOICE_ISSUE")).build(), Map.of());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        Reply beyond = boss.send("PUT", e.staff() + "/" + id + "/permissions", Json.createObjectBuilder()
                .add("permissions", Json.createArrayBuilder().add("ACCOUNT_MANAGEMENT")).build(), Map.of());
        assertThat(beyond.code()).as("re-checked on update").isEqualTo("PERMISSION_NOT_ALLOWED");

        assertThat(act(boss, e, id, "freeze").string("state")).isEqualTo("FROZEN");
        assertThat(act(boss, e, id, "freeze").code()).isEqualTo("GRANT_NOT_ACTIVE");
        assertThat(act(boss, e, id, "unfreeze").string("state")).isEqualTo("ACTIVE");

        long legalGrant = pendingOrStaff(boss, e, "LEGAL_REPRESENTATIVE");
        Reply keyPerson = GrantFixtures.delete(boss, e.staff() + "/" + legalGrant);
        assertThat(keyPerson.status()).isEqualTo(403);
        assertThat(keyPerson.message()).isEqualTo("企业法定代表人和财务负责人无法被删除。");
        assertThat(act(boss, e, legalGrant, "freeze").message()).isEqualTo("企业法定代表人和财务负责人无法被冻结。");

        assertThat(act(boss, e, id, "clear-record").code()).as("still running").isEqualTo("GRANT_NOT_ENDED");
        Reply deleted = GrantFixtures.delete(boss, e.staff() + "/" + id);
        assertThat(deleted.string("state")).isEqualTo("DELETED");
        assertThat(find(boss.get(e.staff()), id)).isEmpty();
        assertThat(find(staff.get(GrantFixtures.GRANTS), id)).isEmpty();

        String history = e.staff() + "/history";
        JsonObject row = find(boss.get(history), id).orElseThrow();
        assertThat(transitions(row)).containsExactly("->PENDING", "PENDING>ACTIVE", "ACTIVE>ACTIVE", "ACTIVE>FROZEN",
                "FROZEN>ACTIVE", "ACTIVE>DELETED");
        assertThat(find(boss.get(history + "?identityType=INVOICER"), id)).isEmpty();
        assertThat(find(boss.get(history + "?identityType=TAX_OFFICER"), id)).isPresent();
        String fragment = officer.name().substring(1);
        assertThat(find(boss.get(history + "?name=" + java.net.URLEncoder.encode(fragment,
                java.nio.charset.StandardCharsets.UTF_8)), id)).as("fuzzy name").isPresent();
        assertThat(find(boss.get(history + "?name=%E6%97%A0%E6%AD%A4%E4%BA%BA"), id)).isEmpty();

        assertThat(act(boss, e, id, "clear-record").status()).isIn(200, 204);
        assertThat(find(boss.get(history), id)).as("hidden for the enterprise").isEmpty();
        assertThat(find(staff.get(GrantFixtures.GRANTS + "/history"), id)).as("still in the person's history")
                .isPresent();
        assertThat(personAct(staff, id, "clear-record").status()).isIn(200, 204);
        assertThat(find(staff.get(GrantFixtures.GRANTS + "/history"), id)).isEmpty();
    }

    @Test
    @DisplayName("ENT-3, PER-3..PER-5: withdraw, reject, batch confirm, sync, delete (not the legal representative's)")
    void person_side_answers_and_ends() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Enterprise elsewhere = GrantFixtures.registerEnterprise("43");
        TestPerson p = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api other = EnterpriseCenterFixtures.enterpriseLoggedIn(elsewhere.creditCode(), elsewhere.legal());
        Api me = AccountFixtures.loggedIn(p);

        long withdrawn = offer(boss, e, p, null);
        assertThat(act(boss, e, withdrawn, "withdraw").string("state")).isEqualTo("WITHDRAWN");
        long rejected = offer(boss, e, p, null);
        assertThat(personAct(me, rejected, "reject").string("state")).isEqualTo("REJECTED");
        assertThat(find(boss.get(e.staff() + "/history"), rejected).orElseThrow().getString("state"))
                .isEqualTo("REJECTED");

        long here = offer(boss, e, p, null);
        long there = offer(other, elsewhere, p, null);
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending?scope=PROVINCE"), there)).as("本省 only").isEmpty();
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending?scope=PROVINCE"), here)).isPresent();
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending?scope=NATIONWIDE"), there)).isPresent();
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending?creditCode=" + e.creditCode()), there)).isEmpty();
        assertThat(find(me.get(GrantFixtures.GRANTS + "/pending?identityType=INVOICER"), here)).isEmpty();

        Reply batch = confirmWithFace(me, here, there);
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        assertThat(batch.jsonArray()).hasSize(2);

        // PER-4 同步数据: the relationship reaches the core tax system (masked in its simulator); when the core system
        // does not take it, the person is told and nothing is recorded as synchronised
        setCoreTaxSystemDown(true);
        try {
            Reply busy = personAct(me, here, "sync");
            assertThat(busy.status()).as("%s", busy).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("CORE_TAX_SYSTEM_BUSY");
            assertThat(busy.message()).isEqualTo("核心征管系统繁忙，数据同步未完成，请稍后重试");
        } finally {
            setCoreTaxSystemDown(false);
        }
        assertThat(absent(find(me.get(GrantFixtures.GRANTS), here).orElseThrow(), "syncedAt")).isTrue();
        assertThat(pushes(e).jsonArray()).isEmpty();
        Reply synced = personAct(me, here, "sync");
        assertThat(synced.status()).as("%s", synced).isEqualTo(200);
        assertThat(absent(synced.json(), "syncedAt")).isFalse();
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_SYNC_REQUESTED")).hasSize(1);
        JsonObject pushed = pushes(e).jsonArray().getJsonObject(0);
        assertThat(pushed.getJsonNumber("grantId").longValue()).isEqualTo(here);
        assertThat(pushed.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(pushed.getString("state")).isEqualTo("ACTIVE");
        assertThat(pushed.getString("holder")).isEqualTo(Fixtures.maskedName(p.name()));
        assertThat(pushed.getString("idNumber")).contains("*").doesNotContain(p.idNumber());

        Api legal = AccountFixtures.loggedIn(e.legal());
        long legalGrant = find(legal.get(GrantFixtures.GRANTS), pendingOrStaff(boss, e, "LEGAL_REPRESENTATIVE"))
                .orElseThrow().getJsonNumber("id").longValue();
        Reply ownBinding = GrantFixtures.delete(legal, GrantFixtures.GRANTS + "/" + legalGrant);
        assertThat(ownBinding.status()).isEqualTo(403);
        assertThat(ownBinding.code()).isEqualTo("GRANT_LEGAL_REPRESENTATIVE_NOT_DELETABLE");

        Reply ended = GrantFixtures.delete(me, GrantFixtures.GRANTS + "/" + there);
        assertThat(ended.string("state")).isEqualTo("DELETED");
        assertThat(find(other.get(elsewhere.staff() + "/history"), there)).isPresent();
        assertThat(me.get(GrantFixtures.GRANTS + "/history").jsonArray().stream().map(JsonValue::asJsonObject)
                .map(g -> g.getString("state"))).containsExactlyInAnyOrder("WITHDRAWN", "REJECTED", "DELETED");
    }

    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }

    private static Reply pushes(Enterprise e) {
        Reply r = Api.browser().get("/api/sim/core-tax/pushes?creditCode=" + e.creditCode());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r;
    }

    private static void setCoreTaxSystemDown(boolean down) {
        Reply r = Api.browser().post("/api/sim/switches", Json.createObjectBuilder().add("coreTaxSystemDown", down)
                .build());
        assertThat(r.status()).as("%s", r).isIn(200, 204);
    }

    private static long pendingOrStaff(Api boss, Enterprise e, String type) {
        return boss.get(e.staff()).jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("identityType").equals(type)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }
}
