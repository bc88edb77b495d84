package cn.etax.identity.it;

import jakarta.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every enterprise-side staff action (ENT-2..ENT-5) as a call on a staff path — {@code /api/v1/me/enterprises/{code}/staff}
 * or the current identity's {@code /api/v1/me/enterprise/staff} — aimed at the grants a refusal matrix set up: the
 * rows both matrices run for every caller who must be refused.
 */
record StaffActions(long pendingOffer, long application, long activeStaff, long frozenStaff, long ended) {

    /** Action name → call (caller's session, staff path). */
    Map<String, BiFunction<Api, String, Reply>> all() {
        Map<String, BiFunction<Api, String, Reply>> actions = new LinkedHashMap<>();
        actions.put("add staff", (api, staff) -> api.post(staff, GrantFixtures.addBody(Fixtures.quickPerson(),
                "TAX_OFFICER", null, "TAX_QUERY")));
        actions.put("list staff", (api, staff) -> api.get(staff));
        actions.put("list pending", (api, staff) -> api.get(staff + "/pending"));
        actions.put("history", (api, staff) -> api.get(staff + "/history"));
        actions.put("withdraw", (api, staff) -> post(api, staff + "/" + pendingOffer + "/withdraw"));
        actions.put("confirm application", (api, staff) -> post(api, staff + "/" + application + "/confirm"));
        actions.put("reject application", (api, staff) -> post(api, staff + "/" + application + "/reject"));
        actions.put("change permissions", (api, staff) -> api.send("PUT", staff + "/" + activeStaff + "/permissions",
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add("TAX_REFUND")).build(),
                Map.of()));
        actions.put("freeze", (api, staff) -> post(api, staff + "/" + activeStaff + "/freeze"));
        actions.put("unfreeze", (api, staff) -> post(api, staff + "/" + frozenStaff + "/unfreeze"));
        actions.put("delete", (api, staff) -> GrantFixtures.delete(api, staff + "/" + activeStaff));
        actions.put("clear record", (api, staff) -> post(api, staff + "/" + ended + "/clear-record"));
        return actions;
    }

    /** The actions that name one grant (not the lists, not adding). */
    static boolean namesAGrant(String action) {
        return !action.startsWith("list") && !action.equals("history") && !action.equals("add staff");
    }

    private static Reply post(Api api, String path) {
        return api.post(path, Json.createObjectBuilder().build());
    }
}
