package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static cn.etax.identity.it.EnterpriseCenterFixtures.STAFF;
import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static cn.etax.identity.it.GrantFixtures.act;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The refusal matrix of the path the account-center pages use, {@code /api/v1/me/enterprise/staff…}, where the
 * session's current identity (LOGIN-2) names the taxpayer: every staff action by A's tax officer, by a staff member
 * frozen and by one expired since his login, and A's grants named by B's legal representative under his own
 * identity — refused in the EJB layer, audited, nothing changed. Key personnel are neither frozen, deleted nor given
 * other permissions by their own enterprise (ENT-4), whatever the page offers.
 */
@DisplayName("ENT-2..ENT-5 refusal matrix on the current identity's path")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrentIdentityRefusalIT {

    private static final String OFFICER = "A's tax officer";
    private static final String FROZEN = "a staff member frozen since his login";
    private static final String EXPIRED = "a staff member expired since his login";

    private Enterprise a;
    private Enterprise b;
    private Api bossA;
    private Api bossB;
    private final Map<String, Api> callers = new LinkedHashMap<>();
    private final Map<String, Long> callerIds = new java.util.HashMap<>();
    private long legalGrant;
    private long financeGrant;
    private long pendingOffer;
    private long application;
    private long activeStaff;
    private long frozenStaff;
    private long ended;

    @BeforeAll
    void enterprises_staff_and_sessions() {
        // late in a business day, so that a grant valid until today expires a few minutes after the logins below,
        // long before their sessions reach the absolute limit (LOGIN-9, business clock)
        Sim.moveClockTo(java.time.LocalTime.of(23, 40));
        a = EnterpriseCenterFixtures.registerEnterprise();
        b = EnterpriseCenterFixtures.registerEnterprise();
        Api personBoss = enterpriseLoggedIn(a.creditCode(), a.legal());
        TestPerson officer = Fixtures.quickPerson();
        TestPerson frozen = Fixtures.quickPerson();
        TestPerson expiring = Fixtures.quickPerson();
        TestPerson active = Fixtures.quickPerson();
        long officerGrant = offer(personBoss, a, officer, null);
        confirmWithFace(AccountFixtures.loggedIn(officer), officerGrant);
        long frozenGrant = offer(personBoss, a, frozen, null);
        confirmWithFace(AccountFixtures.loggedIn(frozen), frozenGrant);
        long expiringGrant = offer(personBoss, a, expiring, Sim.today());
        confirmWithFace(AccountFixtures.loggedIn(expiring), expiringGrant);
        activeStaff = offer(personBoss, a, active, null);
        confirmWithFace(AccountFixtures.loggedIn(active), activeStaff);
        frozenStaff = frozenGrant;
        financeGrant = pendingOf(personBoss.get(a.staff() + "/pending"), "FINANCE_OFFICER");
        confirmWithFace(AccountFixtures.loggedIn(a.finance()), financeGrant);
        pendingOffer = offer(personBoss, a, Fixtures.quickPerson(), null);
        ended = offer(personBoss, a, Fixtures.quickPerson(), null);
        assertThat(act(personBoss, a, ended, "withdraw").status()).isEqualTo(200);
        Reply applied = AccountFixtures.loggedIn(Fixtures.quickPerson()).post(GrantFixtures.GRANTS,
                Json.createObjectBuilder().add("creditCode", a.creditCode()).add("identityType", "INVOICER").build());
        application = applied.json().getJsonNumber("id").longValue();

        // the sessions, opened through the enterprise entry while every identity is in force
        callers.put(OFFICER, enterpriseLoggedIn(a.creditCode(), officer));
        callers.put(FROZEN, enterpriseLoggedIn(a.creditCode(), frozen));
        callers.put(EXPIRED, enterpriseLoggedIn(a.creditCode(), expiring));
        callers.forEach((name, api) -> callerIds.put(name, GrantFixtures.personId(api)));
        bossA = enterpriseLoggedIn(a.creditCode(), a.legal());
        bossB = enterpriseLoggedIn(b.creditCode(), b.legal());
        callerIds.put("B", GrantFixtures.personId(bossB));
        legalGrant = grantOf(bossA, "LEGAL_REPRESENTATIVE");
        assertThat(post(bossA, STAFF + "/" + frozenGrant + "/freeze").status()).isEqualTo(200);
        Sim.moveClockPastMidnight();
    }

    Stream<Arguments> actions() {
        Map<String, BiFunction<Api, String, Reply>> actions = new StaffActions(pendingOffer, application, activeStaff,
                frozenStaff, ended).all();
        return actions.entrySet().stream().flatMap(action -> Stream.of(OFFICER, FROZEN, EXPIRED)
                .map(caller -> arguments(action.getKey(), caller, action.getValue())));
    }

    @ParameterizedTest(name = "{0} by {1}: 403, audited, nothing changed")
    @MethodSource("actions")
    @DisplayName("staff action by an identity that does not manage the taxpayer (any more)")
    void refused(String action, String caller, BiFunction<Api, String, Reply> call) {
        String before = snapshot();
        int audited = refusals(caller);
        Reply r = call.apply(callers.get(caller), STAFF);
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        if (caller.equals(OFFICER)) {
            assertThat(r.code()).isEqualTo("ENTERPRISE_MANAGER_REQUIRED");
            assertThat(r.message()).isEqualTo("仅法定代表人、财务负责人有权限通过账户中心管理本企业办税人员");
        } else {
            assertThat(r.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
            assertThat(r.message()).isNotBlank();
        }
        assertThat(refusals(caller)).as("audited").isEqualTo(audited + 1);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    Stream<Arguments> foreignGrantActions() {
        return actions().filter(args -> args.get()[1].equals(OFFICER))
                .filter(args -> StaffActions.namesAGrant((String) args.get()[0]));
    }

    @ParameterizedTest(name = "{0} of A's grant by B's legal representative: 403")
    @MethodSource("foreignGrantActions")
    @DisplayName("IDOR: B's legal representative names A's grant under his own current identity")
    void foreign_grant_refused(String action, String ignored, BiFunction<Api, String, Reply> call) {
        String before = snapshot();
        int audited = refusals("B");
        Reply r = call.apply(bossB, STAFF);
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.code()).isEqualTo("GRANT_NOT_OF_THIS_TAXPAYER");
        assertThat(refusals("B")).as("audited").isEqualTo(audited + 1);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    @DisplayName("ENT-4: the legal representative cannot freeze, delete or re-permission key personnel, his own "
            + "grant included")
    void key_personnel_stay() {
        String before = snapshot();
        for (long grant : List.of(legalGrant, financeGrant)) {
            Reply delete = GrantFixtures.delete(bossA, STAFF + "/" + grant);
            assertThat(delete.status()).as("%s", delete).isEqualTo(403);
            assertThat(delete.code()).isEqualTo("GRANT_KEY_PERSON_NOT_DELETABLE");
            assertThat(delete.message()).isEqualTo("企业法定代表人和财务负责人无法被删除。");
            assertThat(post(bossA, STAFF + "/" + grant + "/freeze").code()).isEqualTo("GRANT_KEY_PERSON_NOT_FREEZABLE");
            Reply permissions = bossA.send("PUT", STAFF + "/" + grant + "/permissions", Json.createObjectBuilder()
                    .add("permissions", Json.createArrayBuilder().add("TAX_QUERY")).build(), Map.of());
            assertThat(permissions.code()).as("%s", permissions).isEqualTo("GRANT_KEY_PERSON_PERMISSIONS_FIXED");
        }
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    /** What A's manager sees of A's grants. */
    private String snapshot() {
        return bossA.get(STAFF).body() + bossA.get(STAFF + "/pending").body() + bossA.get(STAFF + "/history").body();
    }

    private int refusals(String caller) {
        long id = callerIds.get(caller);
        return AccountIT.auditActions(id, "GRANT_ACTION_REFUSED").size()
                + AccountIT.auditActions(id, "ENTERPRISE_ACTION_REFUSED").size();
    }

    /** The grant of the taxpayer's key person of this type, from the staff list. */
    private static long grantOf(Api boss, String identityType) {
        Reply list = boss.get(STAFF);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.jsonArray().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("identityType").equals(identityType))
                .findFirst().orElseThrow(() -> new AssertionError("no " + identityType + " in " + list.body()))
                .getJsonNumber("id").longValue();
    }

    private static long pendingOf(Reply pending, String identityType) {
        assertThat(pending.status()).as("%s", pending).isEqualTo(200);
        return pending.jsonArray().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("identityType").equals(identityType)).findFirst()
                .orElseThrow(() -> new AssertionError("no pending " + identityType + " in " + pending.body()))
                .getJsonNumber("id").longValue();
    }

    private static Reply post(Api api, String path) {
        return api.post(path, Json.createObjectBuilder().build());
    }
}
