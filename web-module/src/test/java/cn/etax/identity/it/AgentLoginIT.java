package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etax.identity.it.AgencyMandatesIT.AGENCIES;
import static cn.etax.identity.it.AgencyMandatesIT.act;
import static cn.etax.identity.it.AgencyMandatesIT.file;
import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-3 and the agent account center (AGT-1..AGT-4) over REST: an agent logs in at his agency with password and
 * SMS code, chooses among the clients of the agency's mandates in force, acts with the mandate's scope cut to his
 * own permissions, switches client and to personal business, and is stopped at once when a client cancels.
 */
@DisplayName("LOGIN-3, AGT-1..AGT-4: the agent entry and the agent account center")
class AgentLoginIT {

    static final String AGENT = "/api/v1/me/agent";

    /** An agency with a recognised mandate for each client; answers the mandate ids in the clients' order. */
    static long[] recognisedMandates(Enterprise agencyFirm, Enterprise... clients) {
        Api agency = enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal());
        long[] ids = new long[clients.length];
        for (int i = 0; i < clients.length; i++) {
            ids[i] = file(agency, clients[i].creditCode(), "TAX_FILING_AND_PAYMENT", "TAX_QUERY", "INVOICE_ISSUE");
            Reply r = act(enterpriseLoggedIn(clients[i].creditCode(), clients[i].legal()), AGENCIES, ids[i],
                    "recognise");
            assertThat(r.status()).as("recognise: %s", r).isEqualTo(200);
        }
        return ids;
    }

    /** 代理人员权限: the agency's manager gives one of its agents permissions for the client of a mandate. */
    static Reply assign(Enterprise agencyFirm, long mandateId, long agentGrantId, String... permissions) {
        jakarta.json.JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String p : permissions) {
            granted.add(p);
        }
        return enterpriseLoggedIn(agencyFirm.creditCode(), agencyFirm.legal()).send("PUT",
                "/api/v1/me/enterprise/agency/clients/" + mandateId + "/agents/" + agentGrantId,
                Json.createObjectBuilder().add("permissions", granted).build(), java.util.Map.of());
    }

    /** The login flow and the second factor's reply. */
    record SecondFactor(String flowToken, Reply reply) {
    }

    /** Password, slider and SMS code at the agent entry. */
    static SecondFactor secondFactor(Api browser, String agencyCode, TestPerson p) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply started = browser.post("/api/v1/login/agent/password", Json.createObjectBuilder()
                .add("agencyCreditCode", agencyCode).add("account", p.phone()).add("password", p.password())
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(started.status()).as("agent password step: %s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        return new SecondFactor(flow, browser.smsStep(flow, Sim.latestCode(p.phone())));
    }

    static Reply enter(Api browser, SecondFactor chooseClient, long mandateId) {
        return browser.post("/api/v1/login/agent/client", Json.createObjectBuilder()
                .add("flowToken", chooseClient.flowToken()).add("mandateId", mandateId).build());
    }

    @Test
    @DisplayName("an agent chooses among the clients the agency gave him permissions for, sees one masked with his "
            + "permissions cut to the mandate, switches to another client and to personal business; the enterprise "
            + "center is not his")
    void agent_logs_in_acts_and_switches() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise first = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise second = EnterpriseCenterFixtures.registerEnterprise();
        long[] mandates = recognisedMandates(agencyFirm, first, second);
        TestPerson officer = Fixtures.quickPerson();
        // the agency's tax officer holds TAX_FILING_AND_PAYMENT and TAX_QUERY there, not INVOICE_ISSUE
        long officerGrant = EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(agencyFirm),
                agencyFirm, officer);
        // AGT-4 代理人员权限: no client before the agency gives him permissions for it
        SecondFactor none = secondFactor(Api.browser(), agencyFirm.creditCode(), officer);
        assertThat(none.reply().code()).as("%s", none.reply()).isEqualTo("AGENT_NO_CLIENTS");
        for (long mandate : mandates) {
            Reply assigned = assign(agencyFirm, mandate, officerGrant, "TAX_FILING_AND_PAYMENT", "TAX_QUERY");
            assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        }

        Api agent = Api.browser();
        SecondFactor choose = secondFactor(agent, agencyFirm.creditCode(), officer);
        assertThat(choose.reply().status()).as("%s", choose.reply()).isEqualTo(200);
        assertThat(choose.reply().string("status")).isEqualTo("CHOOSE_CLIENT");
        List<JsonObject> clients = choose.reply().json().getJsonArray("clients").getValuesAs(JsonObject.class);
        assertThat(clients.stream().map(c -> c.getString("creditCode")))
                .containsExactlyInAnyOrder(first.creditCode(), second.creditCode());
        assertThat(clients.get(0).getString("nameMasked")).contains("*");
        assertThat(strings(clients.get(0), "permissions"))
                .containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(agent.get(AGENT).status()).as("no session before the client is entered").isIn(401, 403);

        Reply entered = enter(agent, choose, mandates[0]);
        assertThat(entered.status()).as("%s", entered).isEqualTo(200);
        assertThat(entered.string("status")).isEqualTo("LOGGED_IN");
        assertThat(entered.json().getJsonObject("agent").getString("clientCreditCode")).isEqualTo(first.creditCode());

        // AGT-1, AGT-2
        Reply info = agent.get(AGENT);
        assertThat(info.status()).as("%s", info).isEqualTo(200);
        assertThat(info.json().getJsonObject("client").getString("creditCode")).isEqualTo(first.creditCode());
        assertThat(info.json().getJsonObject("client").getString("nameMasked")).contains("*");
        assertThat(info.body()).doesNotContain(EnterpriseCenterFixtures.companyName(first.creditCode()),
                first.legal().name(), officer.name());
        assertThat(info.json().getJsonArray("keyPersonnel").getJsonObject(0).getString("nameMasked"))
                .isEqualTo(Fixtures.maskedName(first.legal().name()));
        JsonObject me = info.json().getJsonObject("agent");
        assertThat(me.getString("agencyCreditCode")).isEqualTo(agencyFirm.creditCode());
        assertThat(me.getString("identityInAgency")).isEqualTo("TAX_OFFICER");
        assertThat(me.getInt("realNameLevel")).isEqualTo(4);
        JsonObject mandate = info.json().getJsonObject("mandate");
        assertThat(strings(mandate, "scope")).containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY",
                "INVOICE_ISSUE");
        assertThat(strings(mandate, "permissions")).containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY");

        Reply identity = agent.get("/api/v1/me/identity");
        assertThat(identity.json().getJsonObject("taxpayer").getString("creditCode")).isEqualTo(first.creditCode());
        assertThat(identity.json().getJsonObject("agency").getString("creditCode"))
                .isEqualTo(agencyFirm.creditCode());
        Reply identities = agent.get("/api/v1/me/identities");
        assertThat(identities.status()).as("%s", identities).isEqualTo(200);
        assertThat(identities.jsonArray().getValuesAs(JsonObject.class).stream().filter(i -> i.getBoolean("current")))
                .as("an agent's session is none of his own identities").isEmpty();
        assertThat(identities.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(i -> "PERSONAL".equals(i.getString("kind"))).map(i -> i.getBoolean("switchable")))
                .as("AGT-3: personal business is open to him").containsExactly(true);
        Reply enterpriseCenter = agent.get("/api/v1/me/enterprise");
        assertThat(enterpriseCenter.status()).isEqualTo(403);
        assertThat(enterpriseCenter.code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");

        // AGT-3: another client — only once the agency gave him permissions there — then personal business
        assertThat(assign(agencyFirm, mandates[1], officerGrant).status()).as("taken off the second client")
                .isEqualTo(200);
        Reply notHis = agent.post(AGENT + "/switch", Json.createObjectBuilder().add("mandateId", mandates[1]).build());
        assertThat(notHis.status()).isEqualTo(403);
        assertThat(notHis.code()).as("the mandate stands: not 'no longer valid'").isEqualTo("AGENT_CLIENT_NOT_ASSIGNED");
        assertThat(assign(agencyFirm, mandates[1], officerGrant, "TAX_FILING_AND_PAYMENT", "TAX_QUERY").status())
                .isEqualTo(200);
        String before = agent.sessionId().orElseThrow();
        Reply switched = agent.post(AGENT + "/switch", Json.createObjectBuilder().add("mandateId", mandates[1])
                .build());
        assertThat(switched.status()).as("%s", switched).isEqualTo(200);
        assertThat(switched.json().getJsonObject("taxpayer").getString("creditCode")).isEqualTo(second.creditCode());
        assertThat(agent.sessionId().orElseThrow()).as("a new session id").isNotEqualTo(before);
        assertThat(agent.get(AGENT).json().getJsonObject("client").getString("creditCode"))
                .isEqualTo(second.creditCode());
        // as switchable says: the general switch takes him there as well as the agent center's own
        Reply personal = agent.post("/api/v1/me/identity/switch", Json.createObjectBuilder().add("kind", "PERSONAL")
                .build());
        assertThat(personal.status()).as("%s", personal).isEqualTo(200);
        assertThat(personal.json().containsKey("taxpayer")).isFalse();
        assertThat(AccountIT.auditActions(GrantFixtures.personId(agent), "IDENTITY_SWITCHED"))
                .anyMatch(d -> d.endsWith("-> personal") && d.startsWith("agent of " + agencyFirm.creditCode()));
        Reply gone = agent.get(AGENT);
        assertThat(gone.status()).isEqualTo(403);
        assertThat(gone.code()).isEqualTo("AGENT_LOGIN_REQUIRED");
    }

    @Test
    @DisplayName("AGT-4, API-2: a client that cancels the mandate stops the agent at his next call, assertions "
            + "included; entering it is refused")
    void cancelled_mandate_stops_the_agent() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        long[] mandates = recognisedMandates(agencyFirm, client, other);

        Api agent = Api.browser();
        SecondFactor choose = secondFactor(agent, agencyFirm.creditCode(), agencyFirm.legal());
        assertThat(choose.reply().json().containsKey("realNameLevel")).as("nothing said of the person before the end")
                .isFalse();
        assertThat(enter(agent, choose, mandates[0]).string("status")).isEqualTo("LOGGED_IN");
        assertThat(agent.get(AGENT).status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/me/assertion").status()).as("API-2 while the mandate stands").isEqualTo(200);
        // RULE-MASK: the agent's eye shows the client's name in clear, recorded; investors are not the agent's
        Reply name = agent.post(AGENT + "/reveal", jakarta.json.Json.createObjectBuilder()
                .add("field", "TAXPAYER_NAME").build());
        assertThat(name.string("value")).as("%s", name).isEqualTo(EnterpriseCenterFixtures.companyName(
                client.creditCode()));
        Reply investors = agent.post(AGENT + "/reveal", jakarta.json.Json.createObjectBuilder()
                .add("field", "INVESTOR_NAME").build());
        assertThat(investors.status()).isEqualTo(403);
        assertThat(investors.message()).as("said of agents, not of tax officers")
                .isEqualTo("代理人员仅可查看被代理企业的基本信息和主要人员信息");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(agent), "FIELD_REVEALED"))
                .anyMatch(d -> d.startsWith("TAXPAYER_NAME as agent of " + agencyFirm.creditCode()));

        // AGT-4: the client's managers find the agent's login in their enterprise login log
        Api boss = enterpriseLoggedIn(client.creditCode(), client.legal());
        List<JsonObject> log = boss.get("/api/v1/me/enterprise/login-log?scope=all").jsonArray()
                .getValuesAs(JsonObject.class);
        assertThat(log.stream().map(e -> e.getJsonObject("login")).filter(l -> "AGENT_LOGIN".equals(l.getString(
                "reason", "")))).as("%s", log).singleElement()
                .satisfies(l -> assertThat(l.getString("reasonText")).isEqualTo("代理业务登录"));

        Reply cancelled = act(boss, AGENCIES, mandates[0], "cancel");
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        Reply refused = agent.get(AGENT);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        // API-2: nor does he get an assertion of it for downstream applications, nor is it shown as his identity
        for (String path : List.of("/api/v1/me/assertion", "/api/v1/me/identity")) {
            Reply stated = agent.get(path);
            assertThat(stated.status()).as("%s %s", path, stated).isEqualTo(403);
            assertThat(stated.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        }
        Reply back = agent.post(AGENT + "/switch", Json.createObjectBuilder().add("mandateId", mandates[0]).build());
        assertThat(back.status()).isEqualTo(403);

        Api again = Api.browser();
        SecondFactor list = secondFactor(again, agencyFirm.creditCode(), agencyFirm.legal());
        assertThat(list.reply().json().getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("creditCode"))).containsExactly(other.creditCode());
        Reply stale = enter(again, list, mandates[0]);
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.code()).isEqualTo("AGENT_CLIENT_UNAVAILABLE");
        assertThat(stale.message()).isEqualTo("该企业的代理委托已失效或不在有效期内，请重新选择");
    }

    @Test
    @DisplayName("certificate variant: the agency's key and PIN, one of its agents, his SMS code, then the client; an "
            + "ordinary taxpayer's key is refused at the agent entry")
    void certificate_variant() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        long[] mandates = recognisedMandates(agencyFirm, client);
        String key = CertificateLogins.trustedKey(agencyFirm, "SM2");

        Api agent = Api.browser();
        CertificateLogins.Certified certified = certifyAtAgentEntry(agent, key);
        assertThat(certified.reply().status()).as("%s", certified.reply()).isEqualTo(200);
        long grant = CertificateLogins.listed(certified.reply(), agencyFirm.legal(), "LEGAL_REPRESENTATIVE");
        Reply started = CertificateLogins.chooseStaff(agent, certified.flowToken(), grant);
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        assertThat(agent.sendCode(certified.flowToken()).status()).isEqualTo(204);
        Reply choose = agent.smsStep(certified.flowToken(), Sim.latestCode(agencyFirm.legal().phone()));
        assertThat(choose.string("status")).as("%s", choose).isEqualTo("CHOOSE_CLIENT");
        Reply entered = enter(agent, new SecondFactor(certified.flowToken(), choose), mandates[0]);
        assertThat(entered.string("status")).as("%s", entered).isEqualTo("LOGGED_IN");
        assertThat(agent.get(AGENT).json().getJsonObject("client").getString("creditCode"))
                .isEqualTo(client.creditCode());

        Reply ordinary = certifyAtAgentEntry(Api.browser(), CertificateLogins.trustedKey(client, "SM2")).reply();
        assertThat(ordinary.status()).isEqualTo(400);
        assertThat(ordinary.code()).isEqualTo("NOT_TAX_AGENT_INSTITUTION");
    }

    /** Steps 1 and 2 of the certificate login, started at the agent entry. */
    private static CertificateLogins.Certified certifyAtAgentEntry(Api browser, String key) {
        Reply challenge = browser.post(CertificateLogins.CHALLENGE + "?entry=agent", Json.createObjectBuilder().build());
        assertThat(challenge.status()).as("challenge: %s", challenge).isEqualTo(200);
        Reply signed = CertificateLogins.sign(key, CertificateLogins.PIN, challenge.string("challenge"));
        assertThat(signed.status()).as("sign: %s", signed).isEqualTo(200);
        String flow = challenge.string("flowToken");
        return new CertificateLogins.Certified(flow, CertificateLogins.present(browser, flow,
                signed.string("certificate"), signed.string("signature")));
    }

    @Test
    @DisplayName("refusals: an ordinary taxpayer's code, a person who is no agent there, an agency without clients")
    void refusals() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise ordinary = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson stranger = Fixtures.quickPerson();

        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply notAgency = browser.post("/api/v1/login/agent/password", Json.createObjectBuilder()
                .add("agencyCreditCode", ordinary.creditCode()).add("account", ordinary.legal().phone())
                .add("password", ordinary.legal().password()).add("sliderToken", slider.token())
                .add("sliderPosition", slider.gap()).build());
        assertThat(notAgency.status()).isEqualTo(400);
        assertThat(notAgency.code()).isEqualTo("NOT_TAX_AGENT_INSTITUTION");
        assertThat(notAgency.message()).isEqualTo("该纳税人不是涉税专业服务机构，请从企业业务入口登录");

        Reply noRelation = secondFactor(Api.browser(), agencyFirm.creditCode(), stranger).reply();
        assertThat(noRelation.status()).isIn(401, 403);
        assertThat(noRelation.code()).isEqualTo("AGENT_RELATION_NOT_FOUND");
        assertThat(noRelation.message()).isEqualTo("未查询到您与该代理机构的关联关系");

        Reply noClients = secondFactor(Api.browser(), agencyFirm.creditCode(), agencyFirm.legal()).reply();
        assertThat(noClients.status()).isIn(401, 403);
        assertThat(noClients.code()).isEqualTo("AGENT_NO_CLIENTS");
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
