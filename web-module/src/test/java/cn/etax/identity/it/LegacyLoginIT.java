package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import cn.etax.identity.transition.application.LegacyPasswordDigest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-11 双轨运行 over REST, with the old entry open (the test server's last day lies far ahead): the old system's
 * enterprise password carried over (API-3), 旧版登录 with it, the staff identity, that person's second factor and the
 * enterprise session; the shared password's own lockout; 停用旧版登录 by the enterprise's manager, after which nothing
 * of the password is left and the old system cannot bring it back. The switch-off at the end of the period is
 * exercised in the container (TransitionInContainerIT), where the business clock may jump past the last day.
 */
@DisplayName("LOGIN-11: the old entry during the transition")
class LegacyLoginIT {

    static final String LEGACY = "/api/v1/login/legacy";
    static final String CENTER = "/api/v1/me/enterprise/legacy-password";
    private static final Map<String, String> TOKEN = Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN);

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
    }

    static String newEnterprisePassword() {
        return "Qiye@" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    static Reply migrate(String creditCode, String digest) {
        return Api.browser().send("POST", "/api/v1/sync/legacy-enterprise-passwords", Json.createObjectBuilder()
                .add("creditCode", creditCode).add("digest", digest).build(), TOKEN);
    }

    static String digest(String password) {
        byte[] salt = new byte[16];
        ThreadLocalRandom.current().nextBytes(salt);
        return LegacyPasswordDigest.sm3(salt, password);
    }

    /** An enterprise whose old password the old system carried over; answers the password. */
    static String migrated(Enterprise e) {
        String password = newEnterprisePassword();
        Reply r = migrate(e.creditCode(), digest(password));
        assertThat(r.status()).as("migrate: %s", r).isEqualTo(200);
        assertThat(r.string("outcome")).isEqualTo("APPLIED");
        return password;
    }

    static Reply passwordStep(Api browser, String creditCode, String password) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        return browser.post(LEGACY + "/password", Json.createObjectBuilder().add("creditCode", creditCode)
                .add("password", password).add("sliderToken", slider.token()).add("sliderPosition", slider.gap())
                .build());
    }

    static long staffGrant(Reply accepted, String identityType) {
        return accepted.json().getJsonArray("staff").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("identityType").equals(identityType)).findFirst().orElseThrow()
                .getJsonNumber("grantId").longValue();
    }

    @Test
    @DisplayName("旧版登录: credit code and the old enterprise password, the legal representative chosen, his SMS "
            + "code; the session acts as the legal representative and says how it came in")
    void old_entry_logs_the_chosen_person_in() {
        Reply status = Api.browser().get(LEGACY);
        assertThat(status.json().getBoolean("open")).isTrue();
        assertThat(status.string("lastDay")).isEqualTo(PayaraMicro.LEGACY_LAST_DAY.toString());

        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String password = migrated(e);
        Api browser = Api.browser();
        Reply accepted = passwordStep(browser, e.creditCode(), password);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.string("creditCode")).isEqualTo(e.creditCode());
        List<JsonObject> staff = accepted.json().getJsonArray("staff").getValuesAs(JsonObject.class);
        assertThat(staff).extracting(s -> s.getString("identityType")).containsExactly("LEGAL_REPRESENTATIVE");
        assertThat(staff.get(0).getString("name")).isEqualTo(Fixtures.maskedName(e.legal().name()));
        assertThat(browser.get("/api/v1/me/identity").status()).as("the shared password alone is nothing")
                .isEqualTo(401);

        String flow = accepted.string("flowToken");
        Reply chosen = browser.post(LEGACY + "/staff", Json.createObjectBuilder().add("flowToken", flow)
                .add("grantId", staffGrant(accepted, "LEGAL_REPRESENTATIVE")).build());
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
        assertThat(chosen.string("phone")).isEqualTo(Fixtures.maskedPhone(e.legal().phone()));
        assertThat(browser.get("/api/v1/me/identity").status()).as("RULE-2FA: the person's factor still due")
                .isEqualTo(401);
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        Reply done = browser.smsStep(flow, Sim.latestCode(e.legal().phone()));
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");

        JsonObject me = browser.get("/api/v1/me/identity").json();
        assertThat(me.getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
        JsonObject claims = CertificateLoginIT.claims(browser.get("/api/v1/me/assertion").string("assertion"));
        assertThat(claims.getJsonArray("amr").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("ENTERPRISE_PASSWORD", "SMS_CODE");
        JsonObject last = browser.get("/api/v1/me/enterprise/login-log").jsonArray().getJsonObject(0)
                .getJsonObject("login");
        assertThat(last.getString("method")).isEqualTo("ENTERPRISE_PASSWORD");
        assertThat(last.getString("outcome")).isEqualTo("SUCCESS");
        assertThat(browser.post(LEGACY + "/staff", Json.createObjectBuilder().add("flowToken", flow)
                .add("grantId", staffGrant(accepted, "LEGAL_REPRESENTATIVE")).build()).code())
                .as("the flow is spent").isEqualTo("FLOW_INVALID");
    }

    @Test
    @DisplayName("refusals: unknown taxpayer, no old password, a wrong one with the tries left, a malformed digest "
            + "from the migration; the same digest twice is one")
    void refusals() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        assertThat(passwordStep(Api.browser(), e.creditCode(), "Qiye@2019").code())
                .isEqualTo("LEGACY_PASSWORD_NOT_AVAILABLE");
        assertThat(passwordStep(Api.browser(), TaxpayerSyncIT.newCreditCode(), "Qiye@2019").code())
                .isEqualTo("TAXPAYER_NOT_FOUND");
        String password = newEnterprisePassword();
        String digest = digest(password);
        assertThat(migrate(e.creditCode(), digest).string("outcome")).isEqualTo("APPLIED");
        assertThat(migrate(e.creditCode(), digest).string("outcome")).isEqualTo("UNCHANGED");
        Reply wrong = passwordStep(Api.browser(), e.creditCode(), password + "x");
        assertThat(wrong.code()).isEqualTo("LEGACY_PASSWORD_WRONG");
        assertThat(wrong.message()).isEqualTo("企业密码错误，今日还可尝试4次");
        assertThat(passwordStep(Api.browser(), e.creditCode(), password).status()).as("then the right one")
                .isEqualTo(200);

        Reply clear = migrate(e.creditCode(), "Qiye@2019");
        assertThat(clear.status()).as("never a password in clear").isEqualTo(400);
        assertThat(clear.code()).isEqualTo("LEGACY_DIGEST_INVALID");
        assertThat(Api.browser().send("POST", "/api/v1/sync/legacy-enterprise-passwords", Json.createObjectBuilder()
                .add("creditCode", e.creditCode()).add("digest", digest).build(), Map.of("X-Sync-Token", "forged"))
                .status()).isIn(401, 403);
    }

    @Test
    @DisplayName("RULE-LOCK on the shared password: eight parallel wrong guesses give at most five failures; then "
            + "even the right password is refused with the unlock time, while the new entry still works")
    void shared_password_locks() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String password = migrated(e);
        int n = 8;
        List<Api> browsers = IntStream.range(0, n).mapToObj(i -> Api.browser()).toList();
        List<Api.Slider> sliders = browsers.stream().map(Api::slider).toList();
        sliders.get(n - 1).awaitHumanTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<String> codes;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
                start.await();
                return browsers.get(i).post(LEGACY + "/password", Json.createObjectBuilder()
                        .add("creditCode", e.creditCode()).add("password", "Wrong@" + i)
                        .add("sliderToken", sliders.get(i).token()).add("sliderPosition", sliders.get(i).gap())
                        .build());
            })).toList();
            start.countDown();
            codes = replies.stream().map(f -> {
                try {
                    return f.get(60, TimeUnit.SECONDS).code();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
        assertThat(codes).filteredOn("LEGACY_PASSWORD_WRONG"::equals).as("four failures leave tries").hasSize(4);
        assertThat(codes).filteredOn("LEGACY_PASSWORD_LOCKED"::equals).as("the fifth locks, the rest find it locked")
                .hasSize(4);
        Reply locked = passwordStep(Api.browser(), e.creditCode(), password);
        assertThat(locked.code()).isEqualTo("LEGACY_PASSWORD_LOCKED");
        assertThat(locked.message()).contains("自动解锁").contains("请使用新版登录");
        assertThat(EnterpriseLogins.login(Api.browser(), e.creditCode(), e.legal()).string("status"))
                .as("the person's own login is not affected").isEqualTo("LOGGED_IN");

        // ENT-10: the managers see the attempts on the enterprise's shared password in its login log
        List<JsonObject> log = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal())
                .get("/api/v1/me/enterprise/login-log?scope=all").jsonArray().getValuesAs(JsonObject.class);
        List<JsonObject> shared = log.stream().map(entry -> entry.getJsonObject("login"))
                .filter(l -> "ENTERPRISE_PASSWORD".equals(l.getString("method", ""))).toList();
        assertThat(shared).as("%s", log).hasSize(n + 1);
        assertThat(shared).filteredOn(l -> l.getString("outcome").equals("FAILURE")).hasSize(4)
                .allSatisfy(l -> assertThat(l.getString("reasonText")).isEqualTo("企业密码错误"));
        assertThat(shared).filteredOn(l -> l.getString("outcome").equals("LOCKED")).hasSize(5)
                .allSatisfy(l -> assertThat(l.getString("reasonText")).isEqualTo("企业密码连续错误5次，旧版登录已锁定"));
    }

    @Test
    @DisplayName("旧版代理登录: the agency's code and old password, one of its agents, his SMS code, then the client "
            + "of a mandate in force; a taxpayer that is no agency is refused there")
    void old_agent_entry_enters_a_client() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        long[] mandates = AgentLoginIT.recognisedMandates(agencyFirm, client);
        String password = migrated(agencyFirm);
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply accepted = browser.post(LEGACY + "/password?entry=agent", Json.createObjectBuilder()
                .add("creditCode", agencyFirm.creditCode()).add("password", password)
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        String flow = accepted.string("flowToken");
        assertThat(browser.post(LEGACY + "/staff", Json.createObjectBuilder().add("flowToken", flow)
                .add("grantId", staffGrant(accepted, "LEGAL_REPRESENTATIVE")).build()).status()).isEqualTo(200);
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        Reply choose = browser.smsStep(flow, Sim.latestCode(agencyFirm.legal().phone()));
        assertThat(choose.string("status")).as("%s", choose).isEqualTo("CHOOSE_CLIENT");
        assertThat(choose.json().getJsonArray("clients").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("creditCode")).containsExactly(client.creditCode());
        Reply entered = AgentLoginIT.enter(browser, new AgentLoginIT.SecondFactor(flow, choose), mandates[0]);
        assertThat(entered.string("status")).as("%s", entered).isEqualTo("LOGGED_IN");
        assertThat(entered.json().getJsonObject("agent").getString("clientCreditCode")).isEqualTo(client.creditCode());
        JsonObject claims = CertificateLoginIT.claims(browser.get("/api/v1/me/assertion").string("assertion"));
        assertThat(claims.getString("identity_kind")).isEqualTo("AGENT");
        assertThat(claims.getJsonArray("amr").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("ENTERPRISE_PASSWORD", "SMS_CODE");

        Enterprise ordinary = EnterpriseCenterFixtures.registerEnterprise();
        String ordinaryPassword = migrated(ordinary);
        Api other = Api.browser();
        Api.Slider s2 = other.slider();
        s2.awaitHumanTime();
        assertThat(other.post(LEGACY + "/password?entry=agent", Json.createObjectBuilder()
                .add("creditCode", ordinary.creditCode()).add("password", ordinaryPassword)
                .add("sliderToken", s2.token()).add("sliderPosition", s2.gap()).build()).code())
                .isEqualTo("NOT_TAX_AGENT_INSTITUTION");
    }

    @Test
    @DisplayName("a login that passed the old password before 停用旧版登录 cannot go on to a staff identity")
    void stop_ends_logins_under_way() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String password = migrated(e);
        Api early = Api.browser();
        Reply accepted = passwordStep(early, e.creditCode(), password);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        assertThat(boss.send("DELETE", CENTER, null, Map.of()).status()).isEqualTo(200);
        Reply chosen = early.post(LEGACY + "/staff", Json.createObjectBuilder()
                .add("flowToken", accepted.string("flowToken"))
                .add("grantId", staffGrant(accepted, "LEGAL_REPRESENTATIVE")).build());
        assertThat(chosen.code()).isEqualTo("FLOW_INVALID");
    }

    @Test
    @DisplayName("停用旧版登录: a tax officer may not; the legal representative erases the old password at once, and a "
            + "later message of the old system does not bring it back")
    void manager_stops_the_old_entry() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String password = migrated(e);
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        JsonObject before = boss.get(CENTER).json();
        assertThat(before.getBoolean("available")).isTrue();
        assertThat(before.getString("lastDay")).isEqualTo(PayaraMicro.LEGACY_LAST_DAY.toString());

        TestPerson officer = Fixtures.quickPerson();
        EnterpriseCenterFixtures.confirmedTaxOfficer(boss, e, officer);
        Api officerSession = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), officer);
        assertThat(officerSession.get(CENTER).json().getBoolean("available")).as("every identity sees it").isTrue();
        Reply refused = officerSession.send("DELETE", CENTER, null, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ENTERPRISE_MANAGER_REQUIRED");

        Reply stopped = boss.send("DELETE", CENTER, null, Map.of());
        assertThat(stopped.status()).as("%s", stopped).isEqualTo(200);
        assertThat(stopped.json().getBoolean("available")).isFalse();
        assertThat(stopped.json().getBoolean("stopped")).isTrue();
        assertThat(passwordStep(Api.browser(), e.creditCode(), password).code())
                .isEqualTo("LEGACY_PASSWORD_NOT_AVAILABLE");
        assertThat(migrate(e.creditCode(), digest(password)).string("outcome")).as("stays stopped")
                .isEqualTo("UNCHANGED");
        assertThat(passwordStep(Api.browser(), e.creditCode(), password).code())
                .isEqualTo("LEGACY_PASSWORD_NOT_AVAILABLE");
        assertThat(boss.send("DELETE", CENTER, null, Map.of()).code()).isEqualTo("LEGACY_PASSWORD_NOT_AVAILABLE");
    }
}
