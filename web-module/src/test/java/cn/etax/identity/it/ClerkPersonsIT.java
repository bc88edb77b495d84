package cn.etax.identity.it;

import cn.etax.identity.it.Fixtures.Registration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.etax.identity.it.ClerkFixtures.CLERK;
import static cn.etax.identity.it.ClerkFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * §8 a natural person's business at the counter, and API-3's real-name collections: 实名采集 lets an offline-only
 * document register online (REG-3); 人工解锁 lifts a login lock at once (RULE-LOCK). Black-box over REST.
 */
@DisplayName("§8 / API-3: real-name collection at the counter and by sync, manual unlock")
class ClerkPersonsIT {

    private static final String SYNC = "/api/v1/sync/real-name-collections";

    @Test
    @DisplayName("a foreign passport: refused online until a clerk collects it, then it registers; the same collection "
            + "again changes nothing")
    void collection_at_the_counter_opens_online_registration() {
        String passport = newPassport();
        Reply before = Registration.identityCheck(Api.browser(), "Jane Roe", "FOREIGN_PASSPORT", passport, true);
        assertThat(before.code()).isEqualTo("OFFLINE_COLLECTION_REQUIRED");

        Api clerk = ClerkFixtures.loggedIn("dengji01");
        Reply noNationality = clerk.post(CLERK + "/real-name-collections", collection("Jane Roe", passport)
                .build());
        assertThat(noNationality.status()).isEqualTo(400);
        assertThat(noNationality.message()).isEqualTo("请选择国籍（地区）");

        Reply collected = clerk.post(CLERK + "/real-name-collections", collection("Jane Roe", passport)
                .add("nationality", "GBR").build());
        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        assertThat(collected.string("outcome")).isEqualTo("APPLIED");
        assertThat(collected.string("nameMasked")).isEqualTo("J*******");
        assertThat(collected.json().getBoolean("registered")).isFalse();
        Reply again = clerk.post(CLERK + "/real-name-collections", collection("Jane Roe", passport)
                .add("nationality", "GBR").build());
        assertThat(again.string("outcome")).isEqualTo("UNCHANGED");

        // LOGIN-8: another name is answered as "not collected", so the number alone tells nothing about its holder
        Reply wrongName = Registration.identityCheck(Api.browser(), "Jane Doe", "FOREIGN_PASSPORT", passport, true);
        assertThat(wrongName.code()).isEqualTo("OFFLINE_COLLECTION_REQUIRED");
        Reply after = Registration.identityCheck(Api.browser(), "Jane Roe", "FOREIGN_PASSPORT", passport, true);
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        assertThat(after.json().getBoolean("collectedOffline")).isTrue();
        assertThat(after.string("nationality")).isEqualTo("GBR");
        assertThat(ClerkFixtures.auditOfClerk("dengji01"))
                .anyMatch(a -> a.startsWith("REAL_NAME_COLLECTED|" + OFFICE.formatted("dengji01")
                        + ": FOREIGN_PASSPORT J*******, 国家税务总局南昌市东湖区税务局: APPLIED"))
                .noneMatch(a -> a.contains(passport));
    }

    @Test
    @DisplayName("a resident ID card is collected only under the name the registry holds; a foreign passport only "
            + "with a real, non-Chinese nationality")
    void collections_are_checked_like_registrations() {
        TestPerson citizen = Fixtures.newCitizen();
        Api clerk = ClerkFixtures.loggedIn("dengji01");
        Reply wrongName = clerk.post(CLERK + "/real-name-collections", Json.createObjectBuilder()
                .add("name", citizen.name() + "某").add("idType", "RESIDENT_ID_CARD").add("idNumber", citizen.idNumber())
                .add("phone", citizen.phone()).build());
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(wrongName.code()).isEqualTo("COLLECTION_NAME_MISMATCH");
        Reply unknown = clerk.post(CLERK + "/real-name-collections", Json.createObjectBuilder()
                .add("name", citizen.name()).add("idType", "RESIDENT_ID_CARD").add("idNumber",
                        AccountFixtures.newIdNumber()).add("phone", citizen.phone()).build());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).as("a number the registry does not hold is not a name mismatch")
                .isEqualTo("COLLECTION_DOCUMENT_UNKNOWN");
        assertThat(unknown.message()).isEqualTo("公安部门未登记该证件号码，请核对证件类型和号码后重新采集");
        assertThat(Registration.identityCheck(Api.browser(), citizen.name() + "某", "RESIDENT_ID_CARD",
                citizen.idNumber(), false).code()).as("nothing collected under the wrong name")
                .isEqualTo("ID_CHECK_FAILED");
        Reply rightName = clerk.post(CLERK + "/real-name-collections", Json.createObjectBuilder()
                .add("name", citizen.name()).add("idType", "RESIDENT_ID_CARD").add("idNumber", citizen.idNumber())
                .add("phone", citizen.phone()).build());
        assertThat(rightName.string("outcome")).as("%s", rightName).isEqualTo("APPLIED");

        for (String nationality : new String[] {"ZZZ", "CHN", "US"}) {
            Reply r = clerk.post(CLERK + "/real-name-collections", collection("Ann Lee", newPassport())
                    .add("nationality", nationality).build());
            assertThat(r.code()).as("nationality %s: %s", nationality, r).isEqualTo("NATIONALITY_REQUIRED");
        }
    }

    @Test
    @DisplayName("the core tax system's collection: applied once, the same again UNCHANGED, an older one STALE; "
            + "no token → 403")
    void collection_by_sync_is_idempotent() {
        String passport = newPassport();
        Reply first = sync(collection("Max Muster", passport).add("nationality", "DEU")
                .add("taxOffice", "国家税务总局深圳市南山区税务局").add("collectedAt", "2026-11-02T03:00:00Z").build());
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.string("outcome")).isEqualTo("APPLIED");
        Reply same = sync(collection("Max Muster", passport).add("nationality", "DEU")
                .add("taxOffice", "国家税务总局深圳市南山区税务局").add("collectedAt", "2026-11-02T03:00:00Z").build());
        assertThat(same.string("outcome")).isEqualTo("UNCHANGED");
        Reply older = sync(collection("Max Mustermann", passport).add("nationality", "DEU")
                .add("taxOffice", "国家税务总局深圳市南山区税务局").add("collectedAt", "2026-10-02T03:00:00Z").build());
        assertThat(older.string("outcome")).isEqualTo("STALE");
        Reply noOffice = sync(collection("Max Muster", passport).add("nationality", "DEU")
                .add("collectedAt", "2026-11-03T03:00:00Z").build());
        assertThat(noOffice.code()).isEqualTo("TAX_OFFICE_REQUIRED");
        Reply future = sync(collection("Max Muster", passport).add("nationality", "DEU")
                .add("taxOffice", "国家税务总局深圳市南山区税务局").add("collectedAt", "2099-01-01T00:00:00Z").build());
        assertThat(future.code()).as("would make every real collection after it STALE")
                .isEqualTo("SYNC_TIME_IN_FUTURE");

        assertThat(Registration.identityCheck(Api.browser(), "Max Muster", "FOREIGN_PASSPORT", passport, true)
                .status()).isEqualTo(200);
        Reply forged = Api.browser().send("POST", SYNC, collection("Max Muster", passport).build(),
                Map.of("X-Sync-Token", "forged"));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("人工解锁: five wrong passwords lock; the clerk checks name and number and the person logs in at once")
    void clerk_unlocks_a_locked_login() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = Api.browser();
        for (int i = 0; i < 5; i++) {
            browser.passwordStep(p.idNumber(), "Wrong@2026x");
        }
        assertThat(browser.passwordStep(p.idNumber(), p.password()).code()).isEqualTo("ACCOUNT_LOCKED");

        Api grantsOnly = ClerkFixtures.loggedIn("shouquan01");
        Reply notHisDuty = grantsOnly.post(CLERK + "/unlocks", unlock(p.name(), p.idNumber()));
        assertThat(notHisDuty.status()).isEqualTo(403);
        assertThat(notHisDuty.code()).isEqualTo("CLERK_DUTY_REQUIRED");

        Api clerk = ClerkFixtures.loggedIn("dengji01");
        Reply otherName = clerk.post(CLERK + "/unlocks", unlock(p.name() + "某", p.idNumber()));
        assertThat(otherName.code()).isEqualTo("STAFF_NAME_MISMATCH");
        Reply nobody = clerk.post(CLERK + "/unlocks", unlock(p.name(), Fixtures.newIdNumber()));
        assertThat(nobody.code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(browser.passwordStep(p.idNumber(), p.password()).code()).as("still locked")
                .isEqualTo("ACCOUNT_LOCKED");

        Reply unlocked = clerk.post(CLERK + "/unlocks", unlock(p.name(), p.idNumber()));
        assertThat(unlocked.status()).as("%s", unlocked).isEqualTo(200);
        assertThat(unlocked.json().getBoolean("wasLocked")).isTrue();
        assertThat(unlocked.string("nameMasked")).isEqualTo(Fixtures.maskedName(p.name()));

        Reply login = Api.browser().passwordStep(p.idNumber(), p.password());
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.string("phone")).as("on to the second factor").isEqualTo(Fixtures.maskedPhone(p.phone()));
        Reply again = clerk.post(CLERK + "/unlocks", unlock(p.name(), p.idNumber()));
        assertThat(again.json().getBoolean("wasLocked")).isFalse();
        String masked = unlocked.string("documentMasked");
        assertThat(ClerkFixtures.auditOfClerk("dengji01")).filteredOn(a -> a.startsWith("CLERK_PERSON_UNLOCKED|")
                && a.contains(masked)).extracting(a -> a.substring(a.lastIndexOf(masked) + masked.length()))
                .containsExactly(" locked", " not locked");
    }

    private static Reply sync(JsonObject body) {
        return Api.browser().send("POST", SYNC, body, Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN));
    }

    private static jakarta.json.JsonObjectBuilder collection(String name, String passport) {
        return Json.createObjectBuilder().add("name", name).add("idType", "FOREIGN_PASSPORT")
                .add("idNumber", passport);
    }

    private static JsonObject unlock(String name, String idNumber) {
        return Json.createObjectBuilder().add("name", name).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", idNumber).build();
    }

    private static String newPassport() {
        return "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
