package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etax.identity.it.EnterpriseCenterFixtures.CENTER;
import static cn.etax.identity.it.EnterpriseCenterFixtures.STAFF;
import static cn.etax.identity.it.EnterpriseCenterFixtures.confirmedTaxOfficer;
import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENT-2 "Permission sets can be saved as named templates (权限身份) and reused": the legal representative or finance
 * officer of the session's current identity saves ticked permissions under a name, finds them after the presets for
 * both staff identity types, adds staff with one and deletes it — decided in the EJB layer, every change audited.
 */
@DisplayName("ENT-2: the enterprise's own permission templates (权限身份)")
class PermissionTemplatesIT {

    private static final String TEMPLATES = CENTER + "/permission-templates";

    @Test
    @DisplayName("ENT-2: saved, listed after the presets for both identity types with what each may hold, applied "
            + "when adding staff, deleted; save and delete audited")
    void save_list_apply_delete() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        long bossId = GrantFixtures.personId(boss);

        Reply saved = save(boss, " 开票专岗 ", "INVOICE_ISSUE", "INVOICE_SELECTION", "TAX_QUERY");
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.string("name")).isEqualTo("开票专岗");
        assertThat(saved.json().getBoolean("preset")).isFalse();
        long id = saved.json().getJsonNumber("id").longValue();
        assertThat(saved.string("key")).isEqualTo("saved-" + id);
        assertThat(AccountIT.auditActions(bossId, "PERMISSION_TEMPLATE_SAVED")).singleElement().asString()
                .startsWith("template:" + id + " ").contains("INVOICE_ISSUE", "INVOICE_SELECTION", "TAX_QUERY");

        Reply officerTemplates = boss.get(TEMPLATES + "?identityType=TAX_OFFICER");
        assertThat(officerTemplates.status()).as("%s", officerTemplates).isEqualTo(200);
        List<JsonObject> forOfficer = objects(officerTemplates.jsonArray());
        assertThat(forOfficer.stream().map(t -> t.getString("key")))
                .containsExactly("FULL", "DECLARATION", "INVOICE", "QUERY_ONLY", "saved-" + id);
        assertThat(forOfficer.subList(0, 4)).allSatisfy(t -> assertThat(t.getBoolean("preset")).isTrue());
        assertThat(strings(forOfficer.get(4).getJsonArray("permissions")))
                .containsExactlyInAnyOrder("INVOICE_ISSUE", "INVOICE_SELECTION", "TAX_QUERY");
        JsonObject forInvoicer = objects(boss.get(TEMPLATES + "?identityType=INVOICER").jsonArray()).stream()
                .filter(t -> !t.getBoolean("preset")).findFirst().orElseThrow();
        assertThat(forInvoicer.getString("name")).isEqualTo("开票专岗");
        assertThat(strings(forInvoicer.getJsonArray("permissions"))).as("an invoicer may not select invoices")
                .containsExactlyInAnyOrder("INVOICE_ISSUE", "TAX_QUERY");

        TestPerson invoicer = Fixtures.quickPerson();
        Reply added = boss.post(STAFF, GrantFixtures.addBody(invoicer, "INVOICER", null,
                strings(forInvoicer.getJsonArray("permissions")).toArray(String[]::new)));
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        long grant = added.json().getJsonNumber("id").longValue();
        JsonObject pending = GrantFixtures.find(boss.get(STAFF + "/pending"), grant).orElseThrow();
        assertThat(strings(pending.getJsonArray("permissions"))).containsExactlyInAnyOrder("INVOICE_ISSUE", "TAX_QUERY");

        Reply deleted = GrantFixtures.delete(boss, TEMPLATES + "/" + id);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(boss.get(TEMPLATES + "?identityType=TAX_OFFICER").jsonArray().stream()
                .map(t -> t.asJsonObject().getString("key"))).containsExactly("FULL", "DECLARATION", "INVOICE",
                "QUERY_ONLY");
        assertThat(AccountIT.auditActions(bossId, "PERMISSION_TEMPLATE_DELETED")).containsExactly(
                "template:" + id + " 开票专岗");
        Reply again = GrantFixtures.delete(boss, TEMPLATES + "/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.message()).isEqualTo("该权限身份不存在或已被删除");
        assertThat(GrantFixtures.find(boss.get(STAFF + "/pending"), grant)).as("the grant keeps its permissions")
                .get().satisfies(g -> assertThat(strings(g.getJsonArray("permissions"))).hasSize(2));
    }

    @Test
    @DisplayName("ENT-2: an empty, too long or taken name and no or a manager's permission are refused with the "
            + "message; only the first of two same-named templates is kept")
    void refusals_with_messages() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        Reply empty = save(boss, "   ", "TAX_QUERY");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("PERMISSION_TEMPLATE_NAME_REQUIRED");
        assertThat(empty.message()).isEqualTo("请填写权限身份名称");
        Reply tooLong = save(boss, "申".repeat(21), "TAX_QUERY");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("PERMISSION_TEMPLATE_NAME_TOO_LONG");
        assertThat(tooLong.message()).isEqualTo("权限身份名称不能超过20个字符");
        Reply none = save(boss, "空模板");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).isEqualTo("请至少选择一项人员权限");
        Reply unknown = save(boss, "未知权限", "TAX_QUERY", "NO_SUCH_PERMISSION");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        Reply managers = save(boss, "退税", "TAX_REFUND", "TAX_QUERY");
        assertThat(managers.status()).isEqualTo(400);
        assertThat(managers.code()).isEqualTo("PERMISSION_NOT_ALLOWED");

        assertThat(save(boss, "申".repeat(20), "TAX_QUERY").status()).isEqualTo(200);
        Api secondSession = enterpriseLoggedIn(e.creditCode(), e.legal());
        Reply taken = save(secondSession, " " + "申".repeat(20), "TAX_INFO_QUERY");
        assertThat(taken.status()).as("%s", taken).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("PERMISSION_TEMPLATE_NAME_TAKEN");
        assertThat(taken.message()).isEqualTo("权限身份名称“" + "申".repeat(20) + "”已存在，请更换名称");

        List<JsonObject> own = saved(boss, "TAX_OFFICER");
        assertThat(own).singleElement().satisfies(t -> {
            assertThat(t.getString("name")).isEqualTo("申".repeat(20));
            assertThat(strings(t.getJsonArray("permissions"))).containsExactly("TAX_QUERY");
        });
    }

    @Test
    @DisplayName("ENT-2: a tax officer may neither list, save nor delete templates (403, audited) and another "
            + "enterprise's template id is refused (404, audited) and stays")
    void tax_officer_and_other_enterprise_refused() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        Reply mine = save(boss, "申报专岗", "TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        long id = mine.json().getJsonNumber("id").longValue();

        TestPerson officer = Fixtures.quickPerson();
        confirmedTaxOfficer(GrantFixtures.manager(e), e, officer);
        Api clerk = enterpriseLoggedIn(e.creditCode(), officer);
        long officerId = GrantFixtures.personId(clerk);
        int before = AccountIT.auditActions(officerId, "GRANT_ACTION_REFUSED").size();
        List<Reply> refused = List.of(clerk.get(TEMPLATES + "?identityType=INVOICER"),
                save(clerk, "越权模板", "TAX_QUERY"), GrantFixtures.delete(clerk, TEMPLATES + "/" + id));
        for (Reply r : refused) {
            assertThat(r.status()).as("%s", r).isEqualTo(403);
            assertThat(r.code()).isEqualTo("ENTERPRISE_MANAGER_REQUIRED");
            assertThat(r.message()).isEqualTo("仅法定代表人、财务负责人有权限通过账户中心管理本企业办税人员");
        }
        assertThat(AccountIT.auditActions(officerId, "GRANT_ACTION_REFUSED")).hasSize(before + refused.size());

        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        Api otherBoss = enterpriseLoggedIn(other.creditCode(), other.legal());
        long otherBossId = GrantFixtures.personId(otherBoss);
        assertThat(saved(otherBoss, "TAX_OFFICER")).as("another enterprise's templates are not listed").isEmpty();
        Reply idor = GrantFixtures.delete(otherBoss, TEMPLATES + "/" + id);
        assertThat(idor.status()).as("%s", idor).isEqualTo(404);
        assertThat(idor.code()).isEqualTo("PERMISSION_TEMPLATE_NOT_FOUND");
        assertThat(AccountIT.auditActions(otherBossId, "ENTERPRISE_ACTION_REFUSED"))
                .contains("PERMISSION_TEMPLATE_NOT_FOUND");
        assertThat(save(otherBoss, "申报专岗", "TAX_QUERY").status()).as("names are per enterprise").isEqualTo(200);
        assertThat(saved(boss, "TAX_OFFICER")).singleElement()
                .satisfies(t -> assertThat(t.getJsonNumber("id").longValue()).isEqualTo(id));
        assertThat(saved(otherBoss, "TAX_OFFICER")).singleElement()
                .satisfies(t -> assertThat(t.getJsonNumber("id").longValue()).isNotEqualTo(id));
    }

    @Test
    @DisplayName("API-1: /openapi documents listing, saving and deleting permission templates")
    void documented() {
        Reply r = Api.browser().get("/openapi");
        assertThat(r.status()).isEqualTo(200);
        JsonObject paths = r.json().getJsonObject("paths");
        assertThat(paths.getJsonObject(TEMPLATES).keySet()).contains("get", "post");
        assertThat(paths.getJsonObject(TEMPLATES + "/{id}").keySet()).contains("delete");
    }

    // ----

    private static Reply save(Api browser, String name, String... permissions) {
        JsonArrayBuilder perms = Json.createArrayBuilder();
        for (String p : permissions) {
            perms.add(p);
        }
        return browser.post(TEMPLATES, Json.createObjectBuilder().add("name", name).add("permissions", perms).build());
    }

    private static List<JsonObject> saved(Api browser, String type) {
        Reply r = browser.get(TEMPLATES + "?identityType=" + type);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return objects(r.jsonArray()).stream().filter(t -> !t.getBoolean("preset")).toList();
    }

    private static List<JsonObject> objects(JsonArray a) {
        return a.stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
