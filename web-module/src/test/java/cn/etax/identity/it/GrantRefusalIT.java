package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static cn.etax.identity.it.GrantFixtures.act;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.find;
import static cn.etax.identity.it.GrantFixtures.offer;
import static cn.etax.identity.it.GrantFixtures.personAct;
import static cn.etax.identity.it.GrantFixtures.staffMember;
import static cn.etax.identity.it.GrantFixtures.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * ASVS 4.1.2 / 4.2.1, security notes §2 items 8-10: every grant-management action of enterprise A, tried by a caller
 * who does not manage A in his session (another enterprise's legal representative, A's tax officer, a frozen and an
 * expired staff member, A's legal representative logged in to personal business), and every person-side action on
 * another person's grant: refused with 403, nothing changed; a manager's path naming another taxpayer's grant and a
 * person's action on another's grant are refused in the EJB layer and audited. Plus expired grants and two tabs
 * racing on one grant.
 */
@DisplayName("Grant management refusal matrix (IDOR, privilege escalation, races)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantRefusalIT {

    private Enterprise a;
    private Enterprise b;
    private Api bossA;
    private final Map<String, Api> callers = new java.util.LinkedHashMap<>();
    private final Map<String, Api> enterpriseSessions = new java.util.HashMap<>();
    private final Map<String, Long> callerIds = new java.util.HashMap<>();
    private long pendingOffer;
    private long application;
    private long activeStaff;
    private long frozenStaff;
    private long expiredStaff;
    private long expiredOffer;
    private long ended;
    private TestPerson pendingHolder;
    private TestPerson activeHolder;

    @BeforeAll
    void enterprises_staff_and_callers() {
        a = GrantFixtures.registerEnterprise();
        b = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(a.creditCode(), a.legal());
        TestPerson officer = Fixtures.quickPerson();
        TestPerson frozen = Fixtures.quickPerson();
        TestPerson expired = Fixtures.quickPerson();
        pendingHolder = Fixtures.quickPerson();
        activeHolder = Fixtures.quickPerson();

        confirmWithFace(AccountFixtures.loggedIn(officer), offer(boss, a, officer, null));
        frozenStaff = offer(boss, a, frozen, null);
        confirmWithFace(AccountFixtures.loggedIn(frozen), frozenStaff);
        assertThat(act(boss, a, frozenStaff, "freeze").status()).isEqualTo(200);
        expiredStaff = offer(boss, a, expired, Sim.today());
        confirmWithFace(AccountFixtures.loggedIn(expired), expiredStaff);
        expiredOffer = offer(boss, a, Fixtures.quickPerson(), Sim.today());

        pendingOffer = offer(boss, a, pendingHolder, null);
        activeStaff = offer(boss, a, activeHolder, null);
        confirmWithFace(AccountFixtures.loggedIn(activeHolder), activeStaff);
        Reply applied = AccountFixtures.loggedIn(Fixtures.quickPerson()).post(GrantFixtures.GRANTS,
                Json.createObjectBuilder().add("creditCode", a.creditCode()).add("identityType", "INVOICER").build());
        application = applied.json().getJsonNumber("id").longValue();
        ended = offer(boss, a, Fixtures.quickPerson(), null);
        assertThat(act(boss, a, ended, "withdraw").status()).isEqualTo(200);

        Sim.moveClock(Duration.ofHours(25));
        bossA = EnterpriseCenterFixtures.enterpriseLoggedIn(a.creditCode(), a.legal());
        callers.put("another enterprise's legal representative", AccountFixtures.loggedIn(b.legal()));
        callers.put("a tax officer instead of the legal representative", AccountFixtures.loggedIn(officer));
        callers.put("a frozen staff member", AccountFixtures.loggedIn(frozen));
        callers.put("an expired staff member", AccountFixtures.loggedIn(expired));
        callers.put("the legal representative in personal business", AccountFixtures.loggedIn(a.legal()));
        callers.forEach((name, api) -> callerIds.put(name, GrantFixtures.personId(api)));
        // the staff paths answer the session's current identity: the enterprise entry's, where there is one
        enterpriseSessions.put("another enterprise's legal representative",
                GrantFixtures.manager(b));
        enterpriseSessions.put("a tax officer instead of the legal representative",
                EnterpriseCenterFixtures.enterpriseLoggedIn(a.creditCode(), officer));
        assertThat(staffMember(bossA, a, expiredStaff).getString("state")).isEqualTo("EXPIRED");
        assertThat(staffMember(bossA, a, frozenStaff).getString("state")).isEqualTo("FROZEN");
    }

    Stream<Arguments> enterpriseActions() {
        Map<String, BiFunction<Api, String, Reply>> actions = new StaffActions(pendingOffer, application, activeStaff,
                frozenStaff, ended).all();
        List<String> callerNames = List.of("another enterprise's legal representative",
                "a tax officer instead of the legal representative", "a frozen staff member",
                "an expired staff member", "the legal representative in personal business");
        return actions.entrySet().stream().flatMap(action -> callerNames.stream()
                .map(caller -> arguments(action.getKey(), caller, action.getValue())));
    }

    @ParameterizedTest(name = "{0} by {1}: 403, nothing changed")
    @MethodSource("enterpriseActions")
    @DisplayName("enterprise-side action by a caller who does not manage the taxpayer in this session")
    void enterprise_action_refused(String action, String caller, BiFunction<Api, String, Reply> call) {
        String before = snapshot();
        int audited = refusals(caller);
        Api session = enterpriseSessions.getOrDefault(caller, callers.get(caller));
        Reply r = call.apply(session, a.staff());
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        switch (caller) {
            case "a tax officer instead of the legal representative" -> {
                // A's own enterprise session, as tax officer: the EJB refuses the identity and records it
                assertThat(r.code()).isEqualTo("ENTERPRISE_MANAGER_REQUIRED");
                assertThat(r.message()).isEqualTo("仅法定代表人、财务负责人有权限通过账户中心管理本企业办税人员");
                assertThat(refusals(caller)).as("audited").isEqualTo(audited + 1);
            }
            case "another enterprise's legal representative" -> {
                assertThat(r.code()).isEqualTo("ENTERPRISE_NOT_CURRENT");
                assertThat(r.message()).isEqualTo("该企业不是当前登录的企业，请通过企业业务入口登录该企业后办理");
            }
            // ENT-2, seeds [001]: staff are managed after a login through the enterprise entry, not from personal
            // business — the legal representative's own personal session included
            default -> {
                assertThat(r.code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
                assertThat(r.message()).isEqualTo("请通过企业业务入口登录后办理");
            }
        }
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    Stream<Arguments> foreignGrantActions() {
        return enterpriseActions().filter(args -> StaffActions.namesAGrant((String) args.get()[0]))
                .filter(args -> args.get()[1].equals("another enterprise's legal representative"));
    }

    @ParameterizedTest(name = "{0} of A's grant through B's staff path: 403")
    @MethodSource("foreignGrantActions")
    @DisplayName("IDOR: B's legal representative names A's grant under his own enterprise")
    void foreign_grant_refused(String action, String caller, BiFunction<Api, String, Reply> call) {
        String before = snapshot();
        int audited = refusals(caller);
        Reply r = call.apply(enterpriseSessions.get(caller), b.staff());
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.code()).isEqualTo("GRANT_NOT_OF_THIS_TAXPAYER");
        assertThat(refusals(caller)).as("audited").isEqualTo(audited + 1);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    Stream<Arguments> personActions() {
        Map<String, BiFunction<Api, Long, Reply>> actions = new java.util.LinkedHashMap<>();
        actions.put("open the face check of another person's offer",
                (api, id) -> GrantFixtures.beginConfirmation(api, pendingOffer));
        actions.put("confirm another person's offer", (api, id) -> GrantFixtures.confirm(api, null, pendingOffer));
        actions.put("reject another person's offer", (api, id) -> personAct(api, pendingOffer, "reject"));
        actions.put("delete another person's relationship",
                (api, id) -> GrantFixtures.delete(api, GrantFixtures.GRANTS + "/" + activeStaff));
        actions.put("sync another person's relationship", (api, id) -> personAct(api, activeStaff, "sync"));
        actions.put("clear another person's record", (api, id) -> personAct(api, ended, "clear-record"));
        return actions.entrySet().stream().map(e -> arguments(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}: 403, audited, nothing changed")
    @MethodSource("personActions")
    @DisplayName("person-side action on another person's grant")
    void person_action_refused(String action, BiFunction<Api, Long, Reply> call) {
        String caller = "a tax officer instead of the legal representative";
        String before = snapshot();
        int audited = refusals(caller);
        Reply r = call.apply(callers.get(caller), 0L);
        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.code()).isEqualTo("GRANT_NOT_YOURS");
        assertThat(refusals(caller)).as("audited").isEqualTo(audited + 1);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    @DisplayName("expired grants: shown as expired, transitions refused, delete allowed")
    void expired_grants() {
        assertThat(find(bossA.get(a.staff() + "/pending"), expiredOffer).orElseThrow().getString("state"))
                .isEqualTo("EXPIRED");
        for (String verb : List.of("freeze", "unfreeze")) {
            Reply r = act(bossA, a, expiredStaff, verb);
            assertThat(r.status()).as("%s %s", verb, r).isEqualTo(409);
            assertThat(r.code()).isEqualTo("GRANT_EXPIRED");
        }
        assertThat(act(bossA, a, expiredOffer, "withdraw").code()).isEqualTo("GRANT_EXPIRED");
        Reply deleted = GrantFixtures.delete(bossA, a.staff() + "/" + expiredStaff);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.string("state")).isEqualTo("DELETED");
    }

    @Test
    @DisplayName("two tabs confirm one application at once: one 200, one 409, one transition in the history")
    void parallel_confirms() {
        Api applicant = AccountFixtures.loggedIn(Fixtures.quickPerson());
        long id = applicant.post(GrantFixtures.GRANTS, Json.createObjectBuilder().add("creditCode", a.creditCode())
                .add("identityType", "TAX_OFFICER").build()).json().getJsonNumber("id").longValue();
        List<Reply> replies = race(a.staff() + "/" + id + "/confirm", "POST");
        assertOneWins(replies);
        assertThat(transitions(staffMember(bossA, a, id))).containsExactly("->PENDING", "PENDING>ACTIVE");
    }

    @Test
    @DisplayName("two tabs delete one staff member at once: one 200, one 409, one transition in the history")
    void parallel_deletes() {
        TestPerson p = Fixtures.quickPerson();
        long id = offer(bossA, a, p, null);
        confirmWithFace(AccountFixtures.loggedIn(p), id);
        List<Reply> replies = race(a.staff() + "/" + id, "DELETE");
        assertOneWins(replies);
        JsonObject row = find(bossA.get(a.staff() + "/history"), id).orElseThrow();
        assertThat(transitions(row)).containsExactly("->PENDING", "PENDING>ACTIVE", "ACTIVE>DELETED");
    }

    private List<Reply> race(String path, String method) {
        // two tabs of one browser: a second login of the same person would end the first session (LOGIN-9)
        JsonObject body = "POST".equals(method) ? Json.createObjectBuilder().build() : null;
        CompletableFuture<Reply> one = bossA.sendAsync(method, path, body, Map.of());
        CompletableFuture<Reply> two = bossA.sendAsync(method, path, body, Map.of());
        return List.of(one.join(), two.join());
    }

    private static void assertOneWins(List<Reply> replies) {
        assertThat(replies).extracting(Reply::status).as("%s", replies).containsExactlyInAnyOrder(200, 409);
        Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(lost.code()).isIn("CONCURRENT_CHANGE", "GRANT_NOT_PENDING", "GRANT_NOT_ACTIVE");
        assertThat(lost.message()).isNotBlank();
        if (lost.code().equals("CONCURRENT_CHANGE")) {
            assertThat(lost.message()).isEqualTo("该信息刚被其他操作修改，请刷新后重试");
        }
    }

    /** What A's manager sees of the grants the matrix aims at. */
    private String snapshot() {
        return bossA.get(a.staff()).body() + bossA.get(a.staff() + "/pending").body()
                + bossA.get(a.staff() + "/history").body();
    }

    private int refusals(String caller) {
        return AccountIT.auditActions(callerIds.get(caller), "GRANT_ACTION_REFUSED").size();
    }

    private static Reply post(Api api, String path) {
        return api.post(path, Json.createObjectBuilder().build());
    }
}
