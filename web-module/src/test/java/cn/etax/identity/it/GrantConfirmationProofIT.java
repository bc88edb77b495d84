package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static cn.etax.identity.it.GrantFixtures.GRANTS;
import static cn.etax.identity.it.GrantFixtures.beginConfirmation;
import static cn.etax.identity.it.GrantFixtures.confirm;
import static cn.etax.identity.it.GrantFixtures.confirmWithFace;
import static cn.etax.identity.it.GrantFixtures.faceProof;
import static cn.etax.identity.it.GrantFixtures.find;
import static cn.etax.identity.it.GrantFixtures.offer;
import static cn.etax.identity.it.GrantFixtures.personAct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PER-3 (刷脸确认): every confirmation of an enterprise authorisation is proven by a face check made for this person
 * and exactly these grants, used once — unless the login itself was by face; PER-3/PER-4 filters; PER-4 同步数据.
 * Black-box over REST as an integrator or the pages' own calls would make them; the state a user would then see is
 * read back from the lists.
 */
@DisplayName("PER-3 face-check proof of confirmations, filters and 同步数据")
class GrantConfirmationProofIT {

    @Test
    @DisplayName("without a proof, with a failed face check, or with a proof of another kind the grant stays pending")
    void confirmation_without_proof_is_refused() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api me = AccountFixtures.loggedIn(p);
        long id = offer(boss, e, p, null);

        Reply none = confirm(me, null, id);
        assertThat(none.status()).as("%s", none).isEqualTo(403);
        assertThat(none.code()).isEqualTo("GRANT_FACE_CHECK_REQUIRED");
        assertThat(none.message()).isEqualTo("确认授权需完成扫码刷脸验证（通过人脸认证方式登录的无需重复刷脸确认）");

        Reply begun = beginConfirmation(me, id);
        assertThat(begun.json().getBoolean("faceCheckRequired")).as("login by SMS").isTrue();
        String flow = begun.string("flowToken");
        Reply qr = me.post(GRANTS + "/confirmations/" + flow + "/face-check", Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), false);
        assertThat(me.get(GRANTS + "/confirmations/" + flow + "/face-check").string("state")).isEqualTo("FAILED");
        Reply failed = confirm(me, flow, id);
        assertThat(failed.status()).as("%s", failed).isEqualTo(403);
        assertThat(failed.code()).isEqualTo("QR_NOT_CONFIRMED");

        // a face check passed for a password or phone change proves nothing about an authorisation
        String change = AccountFixtures.beginChange(me);
        Reply changeQr = me.post(AccountFixtures.ME + "/changes/" + change + "/face-check",
                Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(changeQr.string("qrToken"), true);
        Reply otherKind = confirm(me, change, id);
        assertThat(otherKind.status()).as("%s", otherKind).isEqualTo(403);
        assertThat(otherKind.code()).isEqualTo("FLOW_INVALID");

        assertThat(find(me.get(GRANTS + "/pending"), id).orElseThrow().getString("state")).isEqualTo("PENDING");
        assertThat(find(me.get(GRANTS), id)).isEmpty();
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_CONFIRMED")).isEmpty();
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_ACTION_REFUSED"))
                .contains("GRANT_FACE_CHECK_REQUIRED", "QR_NOT_CONFIRMED", "FLOW_INVALID");
    }

    @Test
    @DisplayName("a passed proof confirms the grants it was opened for, once; replayed or used for others it is refused")
    void proof_is_bound_and_single_use() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api me = AccountFixtures.loggedIn(p);
        long first = offer(boss, e, p, null);
        Reply invoicer = GrantFixtures.add(boss, e, p, "INVOICER", null, "INVOICE_ISSUE");
        long second = invoicer.json().getJsonNumber("id").longValue();

        String proof = faceProof(me, first);
        Reply other = confirm(me, proof, second);
        assertThat(other.status()).as("%s", other).isEqualTo(403);
        assertThat(other.code()).isEqualTo("GRANT_FACE_CHECK_OTHER_GRANTS");
        assertThat(confirm(me, proof, first, second).code()).as("a larger batch").isEqualTo(
                "GRANT_FACE_CHECK_OTHER_GRANTS");

        Reply accepted = confirm(me, proof, first);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.jsonArray().getJsonObject(0).getString("state")).isEqualTo("ACTIVE");

        Reply replay = confirm(me, proof, first);
        assertThat(replay.status()).as("%s", replay).isEqualTo(403);
        assertThat(replay.code()).isEqualTo("FLOW_INVALID");
        Reply replayForOther = confirm(me, proof, second);
        assertThat(replayForOther.status()).isIn(401, 403);
        assertThat(find(me.get(GRANTS + "/pending"), second).orElseThrow().getString("state")).isEqualTo("PENDING");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_CONFIRMED")).hasSize(1)
                .allSatisfy(detail -> assertThat(detail).contains("QR face check in TAX_APP"));
    }

    @Test
    @DisplayName("a proof is the person's own: another person's passed proof, or a proof for his grants, is refused")
    void proof_belongs_to_one_person() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson alice = Fixtures.quickPerson();
        TestPerson bob = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api aliceApi = AccountFixtures.loggedIn(alice);
        Api bobApi = AccountFixtures.loggedIn(bob);
        long alicesOffer = offer(boss, e, alice, null);
        long bobsOffer = offer(boss, e, bob, null);

        Reply foreign = beginConfirmation(bobApi, alicesOffer);
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("GRANT_NOT_YOURS");

        String bobsProof = faceProof(bobApi, bobsOffer);
        Reply stolen = confirm(aliceApi, bobsProof, alicesOffer);
        assertThat(stolen.status()).as("%s", stolen).isEqualTo(403);
        assertThat(stolen.code()).isEqualTo("FLOW_INVALID");
        assertThat(aliceApi.get(GRANTS + "/confirmations/" + bobsProof + "/face-check").status())
                .as("nor may she watch his face check").isEqualTo(403);
        assertThat(find(aliceApi.get(GRANTS + "/pending"), alicesOffer)).isPresent();
        assertThat(confirm(bobApi, bobsProof, bobsOffer).status()).as("still his").isEqualTo(200);
    }

    @Test
    @DisplayName("one face check confirms a batch (本省 and 全国) in any order; an active grant cannot be proven again")
    void batch_confirmation_with_one_proof() {
        Enterprise here = GrantFixtures.registerEnterprise();
        Enterprise there = GrantFixtures.registerEnterprise("43");
        TestPerson p = Fixtures.quickPerson();
        Api me = AccountFixtures.loggedIn(p);
        long a = offer(GrantFixtures.manager(here), here, p, null);
        long b = offer(GrantFixtures.manager(there), there, p, null);

        Reply batch = confirm(me, faceProof(me, a, b), b, a);
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        assertThat(batch.jsonArray()).hasSize(2).allSatisfy(g -> assertThat(g.asJsonObject().getString("state"))
                .isEqualTo("ACTIVE"));
        assertThat(me.get(GRANTS + "/pending?scope=NATIONWIDE").jsonArray()).isEmpty();
        assertThat(find(me.get(GRANTS + "?scope=PROVINCE"), a)).isPresent();
        assertThat(find(me.get(GRANTS + "?scope=PROVINCE"), b)).as("湖南 is not 本省").isEmpty();
        assertThat(find(me.get(GRANTS + "?scope=NATIONWIDE"), b)).isPresent();

        Reply again = beginConfirmation(me, a);
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.code()).isEqualTo("GRANT_NOT_PENDING");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_CONFIRMED")).hasSize(2);
    }

    @Test
    @DisplayName("a person who logged in by face confirms without another face check; by SMS he needs one")
    void login_by_face_needs_no_extra_proof() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        long first = offer(GrantFixtures.manager(e), e, p, null);
        Api byFace = loggedInByFace(p);
        Api bySms = AccountFixtures.loggedIn(p);

        assertThat(beginConfirmation(byFace, first).json().getBoolean("faceCheckRequired")).isFalse();
        assertThat(confirm(bySms, null, first).code()).isEqualTo("GRANT_FACE_CHECK_REQUIRED");
        Reply confirmed = confirm(byFace, null, first);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(find(bySms.get(GRANTS), first).orElseThrow().getString("state")).isEqualTo("ACTIVE");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(bySms), "GRANT_CONFIRMED")).hasSize(1)
                .allSatisfy(detail -> assertThat(detail).contains("login by face"));
    }

    @Test
    @DisplayName("PER-3/PER-4 filters: credit code and name fragments, identity type, scope; history keeps them too")
    void filters() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Enterprise other = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        Api me = AccountFixtures.loggedIn(p);
        long officer = offer(GrantFixtures.manager(e), e, p, null);
        long invoicer = GrantFixtures.add(GrantFixtures.manager(other), other, p, "INVOICER", null,
                "INVOICE_ISSUE").json().getJsonNumber("id").longValue();

        String name = me.get(GRANTS + "/pending").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getJsonNumber("id").longValue() == officer).findFirst().orElseThrow()
                .getString("taxpayerName");
        String fragment = URLEncoder.encode(name.substring(name.length() - 5), StandardCharsets.UTF_8);
        assertThat(ids(me.get(GRANTS + "/pending?name=" + fragment))).containsExactly(officer);
        assertThat(ids(me.get(GRANTS + "/pending?creditCode=" + other.creditCode().substring(2, 12).toLowerCase())))
                .as("a fragment, any case").containsExactly(invoicer);
        assertThat(ids(me.get(GRANTS + "/pending?identityType=INVOICER"))).containsExactly(invoicer);
        assertThat(ids(me.get(GRANTS + "/pending?identityType=TAX_OFFICER&creditCode=" + other.creditCode())))
                .isEmpty();

        confirm(me, faceProof(me, officer, invoicer), officer, invoicer);
        assertThat(ids(me.get(GRANTS + "?scope=PROVINCE&identityType=TAX_OFFICER"))).containsExactly(officer);
        assertThat(ids(me.get(GRANTS + "?name=" + fragment))).containsExactly(officer);

        GrantFixtures.delete(me, GRANTS + "/" + invoicer);
        assertThat(ids(me.get(GRANTS + "/history?identityType=INVOICER"))).containsExactly(invoicer);
        assertThat(ids(me.get(GRANTS + "/history?creditCode=" + e.creditCode()))).isEmpty();
    }

    @Test
    @DisplayName("同步数据 checks a relationship in force against the registry, records when, and refuses others")
    void sync_data() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        Api me = AccountFixtures.loggedIn(p);
        long id = offer(boss, e, p, null);

        Reply pending = personAct(me, id, "sync");
        assertThat(pending.status()).as("%s", pending).isEqualTo(409);
        assertThat(pending.code()).isEqualTo("GRANT_NOT_ACTIVE");

        confirmWithFace(me, id);
        JsonObject before = find(me.get(GRANTS), id).orElseThrow();
        assertThat(!before.containsKey("syncedAt") || before.isNull("syncedAt")).as("never synced yet").isTrue();
        Reply synced = personAct(me, id, "sync");
        assertThat(synced.status()).as("%s", synced).isEqualTo(200);
        assertThat(synced.string("creditCode")).isEqualTo(e.creditCode());
        JsonObject row = find(me.get(GRANTS), id).orElseThrow();
        assertThat(row.getString("syncedAt")).as("the list shows when").isNotBlank();
        assertThat(row.getString("state")).isEqualTo("ACTIVE");

        long own = boss.get(GRANTS).jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getString("identityType").equals("LEGAL_REPRESENTATIVE")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        assertThat(personAct(boss, own, "sync").status()).as("the registry names him legal representative")
                .isEqualTo(200);

        GrantFixtures.delete(me, GRANTS + "/" + id);
        assertThat(personAct(me, id, "sync").code()).isEqualTo("GRANT_NOT_ACTIVE");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(me), "GRANT_SYNC_REQUESTED")).hasSize(1);
    }

    // ----

    /** A browser logged in by password and a QR face check in the tax app (LOGIN-1, RULE-2FA). */
    private static Api loggedInByFace(TestPerson p) {
        Api browser = Api.browser();
        String flow = browser.startLogin(p.phone(), p.password());
        Reply qr = browser.post("/api/v1/login/qr", Json.createObjectBuilder().add("flowToken", flow)
                .add("app", "TAX_APP").build());
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply done = browser.post("/api/v1/login/qr/complete", Json.createObjectBuilder().add("flowToken", flow)
                .build());
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        return browser;
    }

    private static java.util.List<Long> ids(Reply list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.jsonArray().stream().map(g -> g.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
