package cn.etax.identity.it;

import cn.etax.identity.it.SwitchFixtures.TwoEnterprises;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.etax.identity.it.SwitchFixtures.IDENTITIES;
import static cn.etax.identity.it.SwitchFixtures.IDENTITY;
import static cn.etax.identity.it.SwitchFixtures.objects;
import static cn.etax.identity.it.SwitchFixtures.strings;
import static cn.etax.identity.it.SwitchFixtures.switchTo;
import static cn.etax.identity.it.SwitchFixtures.switchToPersonal;
import static org.assertj.core.api.Assertions.assertThat;

/** ENT-9 identity switch over REST, against PostgreSQL. */
class IdentitySwitchIT {

    @Test
    @DisplayName("ENT-9: within the enterprise, to another enterprise, then to personal business — each with a new "
            + "session id and a login-log entry; no way back from personal")
    void switches_within_and_across_enterprises_then_one_way_to_personal() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());

        List<JsonObject> all = objects(browser.get(IDENTITIES));
        assertThat(all).hasSize(4);
        JsonObject current = all.stream().filter(i -> i.getBoolean("current")).findFirst().orElseThrow();
        assertThat(current.getJsonNumber("grantId").longValue()).isEqualTo(t.officerA());
        assertThat(current.getBoolean("switchable")).isFalse();
        assertThat(all.stream().filter(i -> i.getBoolean("switchable")).map(i -> i.getString("kind")
                + (i.containsKey("grantId") && !i.isNull("grantId") ? ":" + i.getJsonNumber("grantId") : "")))
                .containsExactlyInAnyOrder("ENTERPRISE:" + t.invoicerA(), "ENTERPRISE:" + t.officerB(), "PERSONAL");
        assertThat(all.stream().filter(i -> "ENTERPRISE".equals(i.getString("kind")))
                .map(i -> i.getString("taxpayerName"))).allMatch(n -> n.contains("*"));

        // within enterprise A: tax officer -> invoicer
        String before = browser.sessionId().orElseThrow();
        Reply within = switchTo(browser, t.invoicerA());
        assertThat(within.status()).as("%s", within).isEqualTo(200);
        assertThat(within.json().getJsonObject("identity").getString("identityType")).isEqualTo("INVOICER");
        assertThat(within.json().containsKey("assertion")).as("signed only when asked for (API-2)").isFalse();
        String afterWithin = browser.sessionId().orElseThrow();
        assertThat(afterWithin).as("the session id changes at a switch").isNotEqualTo(before);
        assertThat(Api.browser().getWithSession(IDENTITY, before).status()).as("the old session id is void")
                .isEqualTo(401);
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getString("identityType")).isEqualTo("INVOICER");
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(t.a().creditCode());
        assertThat(strings(me, "permissions")).containsExactlyInAnyOrder("INVOICE_ISSUE", "TAX_QUERY");

        // to enterprise B
        Reply across = switchTo(browser, t.officerB());
        assertThat(across.status()).as("%s", across).isEqualTo(200);
        me = browser.get(IDENTITY).json();
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(t.b().creditCode());
        assertThat(me.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(browser.sessionId().orElseThrow()).isNotEqualTo(afterWithin);
        JsonObject log = browser.get(AccountFixtures.ME + "/login-log").jsonArray().getJsonObject(0);
        assertThat(log.getString("outcome")).isEqualTo("SWITCH");
        assertThat(log.getString("outcomeText")).isEqualTo("身份切换");
        assertThat(log.getString("entry")).isEqualTo("ENTERPRISE");
        assertThat(log.getString("reason")).isEqualTo("SWITCH_TO_ENTERPRISE");
        // ENT-10: and in enterprise B's own login log, as a login through its entry would be
        List<JsonObject> inB = objects(browser.get("/api/v1/me/enterprise/login-log"));
        assertThat(inB.stream().map(e -> e.getJsonObject("login")).filter(l -> "SWITCH_TO_ENTERPRISE".equals(
                l.getString("reason", "")))).as("%s", inB).hasSize(1);

        // REG-7, PER-7: deregistration and ID documents are the personal account center's, not an enterprise's
        for (Reply refused : List.of(browser.get(AccountFixtures.ME + "/documents"),
                browser.post(AccountFixtures.ME + "/deregistration", Json.createObjectBuilder()
                        .add("flowToken", "x").add("code", "123456").build()))) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("PERSONAL_BUSINESS_REQUIRED");
        }
        assertThat(browser.get("/account/deregister.xhtml").body()).contains("该功能仅在个人办税身份下可用");
        assertThat(browser.get(AccountFixtures.ME + "/profile").status()).as("ENT-6 personal information")
                .isEqualTo(200);

        // to personal business: one way
        Reply personal = switchToPersonal(browser);
        assertThat(personal.status()).as("%s", personal).isEqualTo(200);
        me = browser.get(IDENTITY).json();
        assertThat(absent(me, "taxpayer")).isTrue();
        assertThat(absent(me, "identityType")).isTrue();
        JsonObject personalLog = browser.get(AccountFixtures.ME + "/login-log").jsonArray().getJsonObject(0);
        assertThat(personalLog.getString("entry")).isEqualTo("PERSON");
        assertThat(personalLog.getString("reason")).isEqualTo("SWITCH_TO_PERSONAL");
        assertThat(personalLog.getString("reasonText")).isEqualTo("切换到个人办税");
        List<JsonObject> afterPersonal = objects(browser.get(IDENTITIES));
        assertThat(afterPersonal.stream().filter(i -> i.getBoolean("switchable"))).isEmpty();
        assertThat(afterPersonal.stream().filter(i -> i.getBoolean("current")).map(i -> i.getString("kind")))
                .containsExactly("PERSONAL");
        assertThat(browser.get(AccountFixtures.ME + "/documents").status()).as("personal business again")
                .isEqualTo(200);
        // RULE-LOG: every switch in the audit, from which identity to which (grant ids, never names)
        List<String> audited = AccountIT.auditActions(GrantFixtures.personId(browser), "IDENTITY_SWITCHED");
        assertThat(audited).hasSize(3);
        assertThat(audited.get(0)).contains("grant " + t.officerA(), "grant " + t.invoicerA());
        assertThat(audited.get(2)).endsWith("-> personal");

        Reply back = switchTo(browser, t.officerA());
        assertThat(back.status()).as("%s", back).isEqualTo(403);
        assertThat(back.code()).isEqualTo("IDENTITY_SWITCH_ONE_WAY");
        assertThat(back.message()).isEqualTo("从企业办税身份切换到个人办税身份后，不可从个人切换到企业，请重新登录");
        assertThat(absent(browser.get(IDENTITY).json(), "taxpayer")).isTrue();

        // the natural-person entry has no enterprise identity to leave either
        Api personEntry = AccountFixtures.loggedIn(t.p());
        assertThat(switchTo(personEntry, t.officerA()).code()).isEqualTo("IDENTITY_SWITCH_ONE_WAY");
    }

    @Test
    @DisplayName("ENT-9: a target frozen, deleted or expired since the login is refused with the seeds' messages and "
            + "the session keeps its identity and id")
    void refused_when_the_target_changed_since_login() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api browser = SwitchFixtures.enterpriseLogin(t.b().creditCode(), t.p(), t.officerB());
        String session = browser.sessionId().orElseThrow();

        assertThat(GrantFixtures.act(t.bossA(), t.a(), t.invoicerA(), "freeze").status()).isEqualTo(200);
        Reply frozen = switchTo(browser, t.invoicerA());
        assertThat(frozen.status()).as("%s", frozen).isEqualTo(403);
        assertThat(frozen.code()).isEqualTo("ENTERPRISE_IDENTITY_FROZEN");
        assertThat(frozen.message()).isEqualTo("您选择的办税人已经被锁定，请选择其他办税人");

        SwitchFixtures.validityEnded(t.officerA());
        Reply expired = switchTo(browser, t.officerA());
        assertThat(expired.status()).as("%s", expired).isEqualTo(403);
        assertThat(expired.code()).isEqualTo("ENTERPRISE_IDENTITY_UNAVAILABLE");
        assertThat(expired.message()).isEqualTo("您选择的身份当前不可用，请重新登录或选择其他身份");

        assertThat(GrantFixtures.act(t.bossA(), t.a(), t.invoicerA(), "unfreeze").status()).isEqualTo(200);
        Reply deleted = GrantFixtures.delete(t.bossA(), t.a().staff() + "/" + t.invoicerA());
        assertThat(deleted.status()).as("%s", deleted).isBetween(200, 204);
        Reply gone = switchTo(browser, t.invoicerA());
        assertThat(gone.code()).as("%s", gone).isEqualTo("ENTERPRISE_IDENTITY_UNAVAILABLE");
        assertThat(gone.message()).isEqualTo("您选择的身份当前不可用，请重新登录或选择其他身份");

        // somebody else's grant is not a target either
        Reply foreign = switchTo(browser, bossGrant(t));
        assertThat(foreign.code()).as("%s", foreign).isEqualTo("ENTERPRISE_IDENTITY_UNAVAILABLE");

        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(t.b().creditCode());
        assertThat(me.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(browser.sessionId().orElseThrow()).as("a refused switch keeps the session id").isEqualTo(session);
        assertThat(browser.get(AccountFixtures.ME + "/login-log").jsonArray().getJsonObject(0).getString("outcome"))
                .as("a refused switch is no switch").isEqualTo("SUCCESS");
        // RULE-LOG: each refusal is audited with its reason, none as a switch
        long person = GrantFixtures.personId(browser);
        assertThat(AccountIT.auditActions(person, "IDENTITY_SWITCH_REFUSED")).hasSize(4);
        assertThat(AccountIT.auditActions(person, "IDENTITY_SWITCHED")).isEmpty();
    }

    @Test
    @DisplayName("ENT-9: a stale tab that switches after logout gets nothing")
    void stale_tab_after_logout() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        Api staleTab = Api.browser();
        String session = browser.sessionId().orElseThrow();

        assertThat(browser.post("/api/v1/login/logout", jakarta.json.Json.createObjectBuilder().build()).status())
                .isBetween(200, 204);

        Reply r = staleTab.send("POST", SwitchFixtures.SWITCH, jakarta.json.Json.createObjectBuilder()
                .add("kind", "ENTERPRISE").add("grantId", t.officerB()).build(), java.util.Map.of("Cookie",
                Api.SESSION_COOKIE + "=" + session));
        assertThat(r.status()).as("%s", r).isEqualTo(401);
        assertThat(r.code()).isEqualTo("NOT_LOGGED_IN");
        assertThat(staleTab.getWithSession(IDENTITIES, session).status()).isEqualTo(401);
        assertThat(switchTo(browser, t.officerB()).status()).isEqualTo(401);
    }

    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }

    /** The legal representative's own grant in enterprise A: never a target for the staff member. */
    private static long bossGrant(TwoEnterprises t) {
        return objects(t.bossA().get(t.a().staff())).stream()
                .filter(g -> "LEGAL_REPRESENTATIVE".equals(g.getString("identityType")))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }
}
