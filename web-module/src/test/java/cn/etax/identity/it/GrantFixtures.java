package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Taxpayers registered through the sync API, and the grant-management calls of both sides (ENT-2..5, PER-2..5). */
final class GrantFixtures {

    static final String GRANTS = "/api/v1/me/grants";
    private static final Map<String, String> TOKEN = Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN);

    private GrantFixtures() {
    }

    /** A registered taxpayer: its legal representative (bound at once) and finance officer (offered). */
    record Enterprise(String creditCode, TestPerson legal, TestPerson finance) {

        String staff() {
            return "/api/v1/me/enterprises/" + creditCode + "/staff";
        }
    }

    static Enterprise registerEnterprise(String provinceCode) {
        TestPerson legal = Fixtures.quickPerson();
        TestPerson finance = Fixtures.quickPerson();
        String code = TaxpayerSyncIT.newCreditCode();
        Instant at = Instant.now();
        JsonObject message = Json.createObjectBuilder().add("messageId", "reg-" + code).add("creditCode", code)
                .add("name", "授权测试企业" + code.substring(10)).add("kind", "ORDINARY")
                .add("taxAuthorityCode", "13601000000").add("taxAuthorityName", "国家税务总局南昌市税务局")
                .add("provinceCode", provinceCode).add("provinceName", "36".equals(provinceCode) ? "江西省" : "湖南省")
                .add("registrationType", "有限责任公司").add("industry", "软件和信息技术服务业")
                .add("vatQualification", "SMALL_SCALE").add("registeredOn", at.toString().substring(0, 10))
                .add("occurredAt", at.toString())
                .add("legalRepresentative", person(legal)).add("financeOfficer", person(finance))
                .add("investors", Json.createArrayBuilder()).build();
        Reply r = Api.browser().send("POST", "/api/v1/sync/taxpayer-registrations", message, TOKEN);
        assertThat(r.status()).as("register taxpayer: %s", r).isEqualTo(200);
        return new Enterprise(code, legal, finance);
    }

    static Enterprise registerEnterprise() {
        return registerEnterprise("36");
    }

    private static JsonObjectBuilder person(TestPerson p) {
        return Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber());
    }

    /**
     * The legal representative's session through the enterprise entry: staff are managed there (ENT-2; seeds [001]
     * "法定代表人、财务负责人从企业业务入口登录…添加"), not from personal business.
     */
    static Api manager(Enterprise e) {
        return EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
    }

    static long personId(Api browser) {
        return AccountFixtures.profile(browser).getJsonNumber("personId").longValue();
    }

    // ---- enterprise side

    static Reply add(Api browser, Enterprise e, TestPerson p, String type, LocalDate validUntil, String... permissions) {
        return browser.post(e.staff(), addBody(p, type, validUntil, permissions));
    }

    static JsonObject addBody(TestPerson p, String type, LocalDate validUntil, String... permissions) {
        JsonArrayBuilder perms = Json.createArrayBuilder();
        for (String perm : permissions) {
            perms.add(perm);
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber()).add("identityType", type).add("permissions", perms)
                .add("riskAcknowledged", true);
        b.add("validUntil", validUntil == null ? JsonValue.NULL : Json.createValue(validUntil.toString()));
        return b.build();
    }

    /** Adds a tax officer and answers the new grant's id. */
    static long offer(Api browser, Enterprise e, TestPerson p, LocalDate validUntil) {
        Reply r = add(browser, e, p, "TAX_OFFICER", validUntil, "TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(r.status()).as("add staff: %s", r).isEqualTo(200);
        return r.json().getJsonNumber("id").longValue();
    }

    static Reply act(Api browser, Enterprise e, long grantId, String verb) {
        return browser.post(e.staff() + "/" + grantId + "/" + verb, Json.createObjectBuilder().build());
    }

    static Reply delete(Api browser, String path) {
        return browser.send("DELETE", path, null, Map.of());
    }

    static Optional<JsonObject> find(Reply list, long grantId) {
        assertThat(list.status()).as("list: %s", list).isEqualTo(200);
        return list.jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getJsonNumber("id").longValue() == grantId).findFirst();
    }

    static JsonObject staffMember(Api browser, Enterprise e, long grantId) {
        return find(browser.get(e.staff()), grantId).orElseThrow(() -> new AssertionError("no staff " + grantId));
    }

    static List<String> transitions(JsonObject grant) {
        return grant.getJsonArray("history").stream().map(JsonValue::asJsonObject)
                .map(h -> (!h.containsKey("from") || h.isNull("from") ? "-" : h.getString("from")) + ">"
                        + h.getString("to")).toList();
    }

    // ---- person side

    /** Confirms offers with a QR face check, opened for exactly these grants, passed in the tax app simulator. */
    static Reply confirmWithFace(Api browser, long... grantIds) {
        return confirm(browser, faceProof(browser, grantIds), grantIds);
    }

    /** PER-3: opens the face-check proof of a confirmation of these grants; answers the raw reply. */
    static Reply beginConfirmation(Api browser, long... grantIds) {
        return browser.post(GRANTS + "/confirmations", Json.createObjectBuilder().add("grantIds", ids(grantIds))
                .build());
    }

    /** A proof for these grants with its face check passed in the tax app simulator; answers its flow token. */
    static String faceProof(Api browser, long... grantIds) {
        Reply begun = beginConfirmation(browser, grantIds);
        assertThat(begun.status()).as("begin confirmation: %s", begun).isEqualTo(200);
        String flow = begun.string("flowToken");
        Reply qr = browser.post(GRANTS + "/confirmations/" + flow + "/face-check", Json.createObjectBuilder().build());
        assertThat(qr.status()).as("face check: %s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        return flow;
    }

    static Reply confirm(Api browser, String flow, long... grantIds) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("grantIds", ids(grantIds));
        if (flow != null) {
            b.add("flowToken", flow);
        }
        return browser.post(GRANTS + "/confirm", b.build());
    }

    private static JsonArrayBuilder ids(long... grantIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (long id : grantIds) {
            ids.add(id);
        }
        return ids;
    }

    static Reply personAct(Api browser, long grantId, String verb) {
        return browser.post(GRANTS + "/" + grantId + "/" + verb, Json.createObjectBuilder().build());
    }

    static long pendingIdFor(Api browser, String creditCode, String type) {
        return browser.get(GRANTS + "/pending?creditCode=" + creditCode).jsonArray().stream()
                .map(JsonValue::asJsonObject).filter(g -> g.getString("identityType").equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no pending " + type + " of " + creditCode))
                .getJsonNumber("id").longValue();
    }
}
