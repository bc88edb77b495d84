package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENT-8 over REST: a tax-agent institution files a mandate for a client (被代理信息查看), the client's legal
 * representative sees the agency and its agents' permissions cut to the mandate (我的代理机构, 权限查看), recognises
 * it (代理机构认定), and either side cancels it. Who may do what is decided in the EJB layer.
 */
@DisplayName("ENT-8: agency mandates, recognised by the client")
class AgencyMandatesIT {

    static final String AGENCIES = "/api/v1/me/enterprise/agencies";
    static final String CLIENTS = "/api/v1/me/enterprise/agency/clients";
    static final String AGENTS = "/api/v1/me/enterprise/agency/agents";

    /** The server's business day (tests elsewhere move its clock). */
    static LocalDate today() {
        return Sim.today();
    }

    static JsonObject filing(String clientCode, LocalDate from, LocalDate until, String... scope) {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        for (String p : scope) {
            permissions.add(p);
        }
        var b = Json.createObjectBuilder().add("clientCreditCode", clientCode).add("scope", permissions);
        if (from != null) {
            b.add("validFrom", from.toString());
        }
        if (until != null) {
            b.add("validUntil", until.toString());
        }
        return b.build();
    }

    static long file(Api agency, String clientCode, String... scope) {
        Reply r = agency.post(CLIENTS, filing(clientCode, today(), today().plusYears(1), scope));
        assertThat(r.status()).as("file: %s", r).isEqualTo(200);
        return r.json().getJsonNumber("id").longValue();
    }

    static Reply act(Api browser, String base, long id, String verb) {
        return browser.post(base + "/" + id + "/" + verb, Json.createObjectBuilder().build());
    }

    static JsonObject mandate(Reply list, long id) {
        assertThat(list.status()).as("list: %s", list).isEqualTo(200);
        return list.jsonArray().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("filed → seen by the client with its agents' permissions cut to the scope → recognised → in force; "
            + "the agency cancels it and both sides see it cancelled")
    void file_recognise_cancel() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        // the agency's own tax officer holds TAX_FILING_AND_PAYMENT and TAX_QUERY there
        EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(agencyFirm), agencyFirm, officer);

        Api agency = enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal());
        long id = file(agency, client.creditCode(), "TAX_FILING_AND_PAYMENT", "INVOICE_ISSUE");
        JsonObject filed = mandate(agency.get(CLIENTS), id);
        assertThat(filed.getString("state")).isEqualTo("PENDING");
        assertThat(filed.getBoolean("inForce")).isFalse();
        assertThat(filed.getString("clientCreditCode")).isEqualTo(client.creditCode());
        assertThat(filed.getString("clientName")).contains("*");
        Reply again = agency.post(CLIENTS, filing(client.creditCode(), today(), today().plusMonths(1), "TAX_QUERY"));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MANDATE_EXISTS");
        assertThat(again.message()).isEqualTo("与该企业已有待认定或已认定的委托，无需重复提交");

        // 税务代理人员信息: the agency's legal representative and its tax officer, with their own permissions
        Reply staff = agency.get(AGENTS);
        assertThat(staff.status()).as("%s", staff).isEqualTo(200);
        assertThat(staff.jsonArray().stream().map(v -> v.asJsonObject().getString("identityType")))
                .contains("LEGAL_REPRESENTATIVE", "TAX_OFFICER");
        assertThat(staff.body()).doesNotContain(officer.name(), officer.idNumber());

        Api boss = enterpriseLoggedIn(client.creditCode(), client.legal());
        JsonObject seen = mandate(boss.get(AGENCIES), id);
        assertThat(seen.getString("agencyCreditCode")).isEqualTo(agencyFirm.creditCode());
        assertThat(seen.getString("state")).isEqualTo("PENDING");
        assertThat(seen.getJsonArray("scope").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)).containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT",
                "INVOICE_ISSUE");

        // 代理人员权限 (AGT-4): key personnel act for every client; other agents only as the agency assigns them
        String assignments = CLIENTS + "/" + id + "/agents";
        List<JsonObject> assignable = agency.get(assignments).jsonArray().getValuesAs(JsonObject.class);
        assertThat(assignable).as("the tax officer, not the legal representative").singleElement()
                .satisfies(a -> {
                    assertThat(a.getString("identityType")).isEqualTo("TAX_OFFICER");
                    assertThat(strings(a, "assignable")).containsExactly("TAX_FILING_AND_PAYMENT");
                    assertThat(strings(a, "assigned")).isEmpty();
                });
        long officerGrant = assignable.get(0).getJsonNumber("grantId").longValue();
        assertThat(boss.get(AGENCIES + "/" + id + "/agents").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("identityType"))).as("not assigned: no agent of this client")
                .containsExactly("LEGAL_REPRESENTATIVE");
        Reply notHis = AgentLoginIT.assign(agencyFirm, id, officerGrant, "INVOICE_ISSUE");
        assertThat(notHis.code()).as("in the scope, not his own: %s", notHis).isEqualTo("AGENT_PERMISSION_NOT_ALLOWED");
        long legalGrant = agency.get(AGENTS).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("identityType").equals("LEGAL_REPRESENTATIVE")).findFirst().orElseThrow()
                .getJsonNumber("grantId").longValue();
        assertThat(AgentLoginIT.assign(agencyFirm, id, legalGrant, "TAX_FILING_AND_PAYMENT").code())
                .isEqualTo("AGENT_KEY_PERSON_NOT_ASSIGNED");
        Reply noList = agency.send("PUT", assignments + "/" + officerGrant, Json.createObjectBuilder().build(),
                java.util.Map.of());
        assertThat(noList.code()).as("a missing list takes nobody off: %s", noList).isEqualTo("REQUEST_BODY_REQUIRED");
        assertThat(AgentLoginIT.assign(agencyFirm, id, officerGrant, "TAX_FILING_AND_PAYMENT").status())
                .isEqualTo(200);
        assertThat(strings(agency.get(assignments).jsonArray().getJsonObject(0), "assigned"))
                .containsExactly("TAX_FILING_AND_PAYMENT");
        assertThat(boss.get(CLIENTS + "/" + id + "/agents").status()).as("the agency's own view").isIn(403, 404);

        // 权限查看: each agent acts with what the agency gave him for this client, within the scope
        Reply agents = boss.get(AGENCIES + "/" + id + "/agents");
        assertThat(agents.status()).as("%s", agents).isEqualTo(200);
        List<JsonObject> rows = agents.jsonArray().stream().map(v -> v.asJsonObject()).toList();
        JsonObject legal = rows.stream().filter(r -> r.getString("identityType").equals("LEGAL_REPRESENTATIVE"))
                .findFirst().orElseThrow();
        assertThat(legal.getString("name")).isEqualTo(Fixtures.maskedName(agencyFirm.legal().name()));
        assertThat(strings(legal, "permissions")).containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "INVOICE_ISSUE");
        JsonObject taxOfficer = rows.stream().filter(r -> r.getString("identityType").equals("TAX_OFFICER"))
                .findFirst().orElseThrow();
        assertThat(strings(taxOfficer, "permissions")).containsExactly("TAX_FILING_AND_PAYMENT");

        // his own permissions in the agency narrowed: the assignment counts only within them, on every view
        Reply narrowed = agency.send("PUT", "/api/v1/me/enterprise/staff/" + officerGrant + "/permissions",
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add("TAX_QUERY")).build(),
                java.util.Map.of());
        assertThat(narrowed.status()).as("%s", narrowed).isEqualTo(200);
        JsonObject afterNarrowing = agency.get(assignments).jsonArray().getJsonObject(0);
        assertThat(strings(afterNarrowing, "assigned")).as("%s", afterNarrowing).isEmpty();
        assertThat(boss.get(AGENCIES + "/" + id + "/agents").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("identityType"))).containsExactly("LEGAL_REPRESENTATIVE");

        Reply recognised = act(boss, AGENCIES, id, "recognise");
        assertThat(recognised.status()).as("%s", recognised).isEqualTo(200);
        assertThat(recognised.json().getString("state")).isEqualTo("RECOGNISED");
        assertThat(recognised.json().getBoolean("inForce")).isTrue();
        Reply twice = act(boss, AGENCIES, id, "recognise");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("MANDATE_NOT_PENDING");
        assertThat(mandate(agency.get(CLIENTS), id).getString("state")).isEqualTo("RECOGNISED");

        Reply cancelled = act(agency, CLIENTS, id, "cancel");
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("CANCELLED");
        JsonObject after = mandate(boss.get(AGENCIES), id);
        assertThat(after.getString("state")).isEqualTo("CANCELLED");
        assertThat(after.getBoolean("inForce")).isFalse();
        // a new mandate may be filed once the old one has ended
        assertThat(agency.post(CLIENTS, filing(client.creditCode(), today(), today(), "TAX_QUERY")).status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("the client declines or cancels, the agency withdraws; each only its own steps and its own mandates")
    void sides_and_refusals() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise stranger = EnterpriseCenterFixtures.registerEnterprise();
        Api agency = enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal());
        Api boss = enterpriseLoggedIn(client.creditCode(), client.legal());
        Api other = enterpriseLoggedIn(stranger.creditCode(), stranger.legal());

        long declined = file(agency, client.creditCode(), "TAX_QUERY");
        Reply notYours = act(other, AGENCIES, declined, "recognise");
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.code()).isEqualTo("MANDATE_NOT_FOUND");
        assertThat(other.get(AGENCIES + "/" + declined + "/agents").status()).isEqualTo(404);
        assertThat(act(boss, AGENCIES, declined, "decline").json().getString("state")).isEqualTo("DECLINED");

        long withdrawn = file(agency, client.creditCode(), "TAX_QUERY");
        Reply clientWithdraws = act(boss, CLIENTS, withdrawn, "withdraw");
        assertThat(clientWithdraws.status()).isEqualTo(403);
        assertThat(clientWithdraws.code()).isEqualTo("TAX_AGENT_INSTITUTION_REQUIRED");
        Reply agencyRecognises = act(agency, AGENCIES, withdrawn, "recognise");
        assertThat(agencyRecognises.status()).isEqualTo(403);
        assertThat(agencyRecognises.code()).isEqualTo("ORDINARY_TAXPAYER_REQUIRED");
        assertThat(act(agency, CLIENTS, withdrawn, "withdraw").json().getString("state")).isEqualTo("WITHDRAWN");
        assertThat(act(boss, AGENCIES, withdrawn, "recognise").code()).isEqualTo("MANDATE_NOT_PENDING");

        long cancelled = file(agency, client.creditCode(), "TAX_QUERY");
        assertThat(act(agency, CLIENTS, cancelled, "cancel").code()).as("not yet recognised")
                .isEqualTo("MANDATE_NOT_RECOGNISED");
        assertThat(act(boss, AGENCIES, cancelled, "recognise").status()).isEqualTo(200);
        assertThat(act(boss, AGENCIES, cancelled, "cancel").json().getString("state")).isEqualTo("CANCELLED");
        assertThat(mandate(agency.get(CLIENTS), cancelled).getString("state")).isEqualTo("CANCELLED");

        // only managers: the client's own tax officer, logged in as such, is refused
        TestPerson officer = Fixtures.quickPerson();
        EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(client), client, officer);
        Reply staffMember = enterpriseLoggedIn(client.creditCode(), officer).get(AGENCIES);
        assertThat(staffMember.status()).isEqualTo(403);
        assertThat(staffMember.code()).isEqualTo("AGENCY_MANAGER_REQUIRED");
        assertThat(staffMember.message()).isEqualTo("仅法定代表人、财务负责人可以管理本企业的代理机构和委托");
        assertThat(AccountFixtures.loggedIn(client.legal()).get(AGENCIES).status())
                .as("a natural-person session has no enterprise").isEqualTo(403);
    }

    @Test
    @DisplayName("parallel: eight filings for one client at once leave one mandate; eight answers to it, one change")
    void parallel_filings_and_answers() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        Api agency = enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal());
        JsonObject body = filing(client.creditCode(), today(), today().plusMonths(3), "TAX_QUERY");
        List<Reply> filed = java.util.stream.IntStream.range(0, 8).mapToObj(i -> agency.postAsync(CLIENTS, body))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(filed.stream().filter(r -> r.status() == 200)).as("%s", filed).hasSize(1);
        assertThat(filed.stream().filter(r -> r.status() != 200).map(Reply::code)).containsOnly("MANDATE_EXISTS");
        assertThat(agency.get(CLIENTS).jsonArray()).hasSize(1);

        long id = filed.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json()
                .getJsonNumber("id").longValue();
        Api boss = enterpriseLoggedIn(client.creditCode(), client.legal());
        JsonObject none = Json.createObjectBuilder().build();
        List<Reply> answers = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> boss.postAsync(AGENCIES + "/" + id + "/" + (i % 2 == 0 ? "recognise" : "decline"), none))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(answers.stream().filter(r -> r.status() == 200)).as("%s", answers).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() != 200).map(Reply::code))
                .allMatch(c -> c.equals("MANDATE_NOT_PENDING") || c.equals("CONCURRENT_CHANGE"));
        String state = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json()
                .getString("state");
        assertThat(mandate(boss.get(AGENCIES), id).getString("state")).isEqualTo(state);
    }

    @Test
    @DisplayName("同步代理机构信息: the core tax system's agreement waits for the client's recognition; copies and a second "
            + "agreement for the pair change nothing; an ordinary taxpayer is no agency")
    void synced_agreement() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        String messageId = "agreement-" + client.creditCode();
        Reply applied = agreement(messageId, agencyFirm.creditCode(), client.creditCode());
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.string("outcome")).isEqualTo("APPLIED");
        assertThat(agreement(messageId, agencyFirm.creditCode(), client.creditCode()).string("outcome"))
                .as("a copy gets the first answer").isEqualTo("APPLIED");
        assertThat(agreement(messageId + "-2", agencyFirm.creditCode(), client.creditCode()).string("outcome"))
                .as("the pair has a pending mandate already").isEqualTo("UNCHANGED");

        Api boss = enterpriseLoggedIn(client.creditCode(), client.legal());
        List<JsonObject> mandates = boss.get(AGENCIES).jsonArray().getValuesAs(JsonObject.class);
        assertThat(mandates).hasSize(1);
        assertThat(mandates.get(0).getBoolean("synced")).isTrue();
        assertThat(mandates.get(0).getString("state")).isEqualTo("PENDING");
        Reply recognised = act(boss, AGENCIES, mandates.get(0).getJsonNumber("id").longValue(), "recognise");
        assertThat(recognised.json().getBoolean("inForce")).isTrue();

        Reply notAgency = agreement(messageId + "-3", client.creditCode(), agencyFirm.creditCode());
        assertThat(notAgency.status()).isEqualTo(400);
        assertThat(notAgency.code()).isEqualTo("NOT_TAX_AGENT_INSTITUTION");
        Reply forged = Api.browser().send("POST", "/api/v1/sync/agency-agreements", agreementBody(messageId + "-4",
                agencyFirm.creditCode(), client.creditCode()), java.util.Map.of("X-Sync-Token", "forged"));
        assertThat(forged.status()).isEqualTo(403);
    }

    private static Reply agreement(String messageId, String agencyCode, String clientCode) {
        return Api.browser().send("POST", "/api/v1/sync/agency-agreements", agreementBody(messageId, agencyCode,
                clientCode), java.util.Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN));
    }

    private static JsonObject agreementBody(String messageId, String agencyCode, String clientCode) {
        return Json.createObjectBuilder().add("messageId", messageId).add("agencyCreditCode", agencyCode)
                .add("clientCreditCode", clientCode).add("scope", Json.createArrayBuilder().add("TAX_QUERY"))
                .add("validFrom", today().toString()).add("validUntil", today().plusYears(1).toString()).build();
    }

    @Test
    @DisplayName("bad filings: unknown or malformed client, another agency, itself, undelegable scope, bad period")
    void bad_filings() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise otherAgency = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        Api agency = enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal());
        LocalDate until = today().plusMonths(6);

        assertRefused(agency.post(CLIENTS, filing(TaxpayerSyncIT.newCreditCode(), today(), until, "TAX_QUERY")), 404,
                "TAXPAYER_NOT_FOUND");
        assertRefused(agency.post(CLIENTS, filing("91360100ABC", today(), until, "TAX_QUERY")), 400,
                "CREDIT_CODE_INVALID");
        assertRefused(agency.post(CLIENTS, filing(otherAgency.creditCode(), today(), until, "TAX_QUERY")), 400,
                "MANDATE_CLIENT_IS_AGENCY");
        assertRefused(agency.post(CLIENTS, filing(agencyFirm.creditCode(), today(), until, "TAX_QUERY")), 400,
                "MANDATE_CLIENT_SELF");
        assertRefused(agency.post(CLIENTS, filing(client.creditCode(), today(), until, "ACCOUNT_MANAGEMENT")), 400,
                "MANDATE_PERMISSION_NOT_DELEGABLE");
        assertRefused(agency.post(CLIENTS, filing(client.creditCode(), today(), until)), 400, "MANDATE_SCOPE_REQUIRED");
        assertRefused(agency.post(CLIENTS, filing(client.creditCode(), null, until, "TAX_QUERY")), 400,
                "MANDATE_PERIOD_REQUIRED");
        assertRefused(agency.post(CLIENTS, filing(client.creditCode(), until, today(), "TAX_QUERY")), 400,
                "MANDATE_PERIOD_INVALID");
        assertRefused(agency.post(CLIENTS, filing(client.creditCode(), today().minusDays(30), today().minusDays(1),
                "TAX_QUERY")), 400, "MANDATE_PERIOD_IN_PAST");
        assertThat(agency.get(CLIENTS).jsonArray()).as("nothing half-written").isEmpty();
    }

    private static void assertRefused(Reply r, int status, String code) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isNotBlank().doesNotContain("error.");
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
