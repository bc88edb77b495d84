package cn.etax.identity.it;

import cn.etax.identity.shared.CreditCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API-3 / REG-8 black-box: the core tax system pushes registrations and key-personnel changes; the grants that
 * result are read back through the sync API with person data masked.
 */
@DisplayName("API-3, REG-8: taxpayer synchronisation from the core tax system")
class TaxpayerSyncIT {

    private static final String REGISTRATIONS = "/api/v1/sync/taxpayer-registrations";
    private static final String CHANGES = "/api/v1/sync/key-personnel-changes";
    private static final Map<String, String> TOKEN = Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN);
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final Api core = Api.browser();

    @Test
    @DisplayName("REG-8: registration binds the legal representative at once and leaves the finance officer pending")
    void registration_binds_the_legal_representative_and_offers_the_finance_officer() {
        TestPerson legal = Fixtures.quickPerson();
        TestPerson finance = Fixtures.quickPerson();
        String code = newCreditCode();

        Reply r = post(REGISTRATIONS, registration("reg-" + code, code, legal, finance));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.string("outcome")).isEqualTo("APPLIED");
        assertThat(r.string("creditCode")).isEqualTo(code);

        Reply view = grants(code);
        assertThat(view.string("name")).isEqualTo("测试企业" + code.substring(10));
        assertThat(view.string("legalRepresentative")).isEqualTo(Fixtures.maskedName(legal.name()));
        JsonObject lr = grantOf(view, "LEGAL_REPRESENTATIVE", "ACTIVE");
        assertThat(lr.getString("holderName")).isEqualTo(Fixtures.maskedName(legal.name()));
        assertThat(lr.getString("initiator")).isEqualTo("SYSTEM");
        assertThat(lr.getBoolean("holderRegistered")).isTrue();
        assertThat(lr.getJsonArray("permissions")).hasSize(13);
        assertThat(!lr.containsKey("validUntil") || lr.isNull("validUntil")).as("long-term").isTrue();
        JsonObject fo = grantOf(view, "FINANCE_OFFICER", "PENDING");
        assertThat(fo.getString("holderName")).isEqualTo(Fixtures.maskedName(finance.name()));
        assertThat(fo.getString("holderIdNumber")).isEqualTo(finance.idNumber().substring(0, 3) + "*".repeat(13)
                + finance.idNumber().substring(16));
        assertThat(view.body()).as("RULE-MASK: no ID number or name in clear")
                .doesNotContain(legal.idNumber(), finance.idNumber(), legal.name(), finance.name());
    }

    @Test
    @DisplayName("the same registration message twice changes nothing and gets the same answer")
    void a_repeated_registration_changes_nothing() {
        String code = newCreditCode();
        JsonObject message = registration("reg-" + code, code, Fixtures.quickPerson(), Fixtures.quickPerson());
        Reply first = post(REGISTRATIONS, message);
        String before = grants(code).body();
        Reply second = post(REGISTRATIONS, message);
        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(grants(code).body()).isEqualTo(before);
        assertThat(grants(code).json().getJsonArray("grants")).hasSize(2);
    }

    @Test
    @DisplayName("a registration under a new message id for a known credit code is refused")
    void a_second_registration_of_the_same_taxpayer_is_a_conflict() {
        String code = newCreditCode();
        TestPerson legal = Fixtures.quickPerson();
        assertThat(post(REGISTRATIONS, registration("reg-" + code, code, legal, null)).status()).isEqualTo(200);
        Reply again = post(REGISTRATIONS, registration("reg2-" + code, code, legal, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TAXPAYER_ALREADY_REGISTERED");
    }

    @Test
    @DisplayName("a change of legal representative ends the old binding and binds the new one")
    void a_new_legal_representative_replaces_the_old_one() {
        TestPerson old = Fixtures.quickPerson();
        TestPerson successor = Fixtures.quickPerson();
        String code = newCreditCode();
        Instant registered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
        post(REGISTRATIONS, registration("reg-" + code, code, old, null, registered));

        Reply changed = post(CHANGES, change("chg-" + code, code, "LEGAL_REPRESENTATIVE", successor,
                registered.plus(1, ChronoUnit.DAYS)));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.string("outcome")).isEqualTo("APPLIED");

        Reply view = grants(code);
        assertThat(view.string("legalRepresentative")).isEqualTo(Fixtures.maskedName(successor.name()));
        JsonObject ended = grantOf(view, "LEGAL_REPRESENTATIVE", "DELETED");
        assertThat(ended.getString("holderName")).isEqualTo(Fixtures.maskedName(old.name()));
        JsonObject last = ended.getJsonArray("history").getJsonObject(ended.getJsonArray("history").size() - 1);
        assertThat(last.getString("from")).isEqualTo("ACTIVE");
        assertThat(last.getString("to")).isEqualTo("DELETED");
        assertThat(last.getString("side")).isEqualTo("SYSTEM");
        JsonObject bound = grantOf(view, "LEGAL_REPRESENTATIVE", "ACTIVE");
        assertThat(bound.getString("holderName")).isEqualTo(Fixtures.maskedName(successor.name()));
    }

    @Test
    @DisplayName("a new finance officer: the old pending offer is withdrawn, the new one is pending")
    void a_new_finance_officer_replaces_a_pending_offer() {
        String code = newCreditCode();
        Instant registered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        TestPerson successor = Fixtures.quickPerson();
        post(REGISTRATIONS, registration("reg-" + code, code, Fixtures.quickPerson(), Fixtures.quickPerson(),
                registered));
        Reply changed = post(CHANGES, change("chg-" + code, code, "FINANCE_OFFICER", successor,
                registered.plusSeconds(60)));
        assertThat(changed.string("outcome")).isEqualTo("APPLIED");
        Reply view = grants(code);
        grantOf(view, "FINANCE_OFFICER", "WITHDRAWN");
        assertThat(grantOf(view, "FINANCE_OFFICER", "PENDING").getString("holderName"))
                .isEqualTo(Fixtures.maskedName(successor.name()));
        grantOf(view, "LEGAL_REPRESENTATIVE", "ACTIVE");
    }

    @Test
    @DisplayName("a registration with a field too long, shares over 100 %, a future date or a province name not the "
            + "code's: told what is wrong, "
            + "nothing registered, and the corrected message under the same id applies")
    void bad_registration_data_is_refused_before_anything_is_written() {
        TestPerson legal = Fixtures.quickPerson();
        String code = newCreditCode();
        JsonObject good = registration("reg-" + code, code, legal, null);
        JsonObject longInvestorDocument = Json.createObjectBuilder(good).add("investors", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "某投资方").add("documentType", "其他")
                        .add("documentNumber", "9".repeat(60)).add("sharePercent", 10))).build();
        JsonObject longAddress = Json.createObjectBuilder(good).add("businessAddress", "址".repeat(300)).build();
        JsonObject overWhole = Json.createObjectBuilder(good).add("investors", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "甲").add("sharePercent", 80))
                .add(Json.createObjectBuilder().add("name", "乙").add("sharePercent", 70))).build();
        JsonObject controlCharacters = Json.createObjectBuilder(good).add("industry", "软件\n业").build();
        JsonObject future = Json.createObjectBuilder(good).add("registeredOn", "2999-01-01")
                .add("occurredAt", "2999-01-01T00:00:00Z").build();
        JsonObject otherProvincesName = Json.createObjectBuilder(good).add("provinceName", "湖南省").build();
        JsonObject noProvince = Json.createObjectBuilder(good).add("provinceCode", "39").build();

        for (JsonObject bad : java.util.List.of(longInvestorDocument, longAddress)) {
            Reply r = post(REGISTRATIONS, bad);
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("TEXT_TOO_LONG");
        }
        assertThat(post(REGISTRATIONS, longAddress).message()).isEqualTo("输入内容过长，最多200个字符");
        assertThat(post(REGISTRATIONS, overWhole).code()).isEqualTo("INVESTOR_SHARES_OVER_100");
        assertThat(post(REGISTRATIONS, controlCharacters).code()).isEqualTo("TEXT_INVALID");
        assertThat(post(REGISTRATIONS, future).code()).isEqualTo("SYNC_TIME_IN_FUTURE");
        Reply mismatch = post(REGISTRATIONS, otherProvincesName);
        assertThat(mismatch.code()).as("%s", mismatch).isEqualTo("PROVINCE_NAME_MISMATCH");
        assertThat(mismatch.message()).isEqualTo("省份代码36对应的省份是江西省，与填写的省份名称不一致");
        assertThat(post(REGISTRATIONS, noProvince).code()).isEqualTo("PROVINCE_UNKNOWN");
        assertThat(core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, TOKEN).status())
                .as("nothing registered").isEqualTo(404);

        Reply applied = post(REGISTRATIONS, good);
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.string("outcome")).isEqualTo("APPLIED");
    }

    @Test
    @DisplayName("a key-personnel change dated in the future is refused and does not block the real ones")
    void a_change_dated_in_the_future_is_refused() {
        TestPerson first = Fixtures.quickPerson();
        TestPerson successor = Fixtures.quickPerson();
        String code = newCreditCode();
        Instant registered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        post(REGISTRATIONS, registration("reg-" + code, code, first, null, registered));

        Reply future = post(CHANGES, change("chgf-" + code, code, "LEGAL_REPRESENTATIVE", successor,
                Instant.parse("2099-01-01T00:00:00Z")));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("SYNC_TIME_IN_FUTURE");
        Reply real = post(CHANGES, change("chg-" + code, code, "LEGAL_REPRESENTATIVE", successor,
                registered.plusSeconds(60)));
        assertThat(real.string("outcome")).isEqualTo("APPLIED");
        assertThat(grants(code).string("legalRepresentative")).isEqualTo(Fixtures.maskedName(successor.name()));
    }

    @Test
    @DisplayName("key-personnel changes arriving twice or out of order change nothing; an id reused for other content "
            + "is refused")
    void duplicate_and_reordered_changes_change_nothing() {
        TestPerson first = Fixtures.quickPerson();
        TestPerson newer = Fixtures.quickPerson();
        TestPerson older = Fixtures.quickPerson();
        String code = newCreditCode();
        Instant registered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        post(REGISTRATIONS, registration("reg-" + code, code, first, null, registered));

        JsonObject later = change("chg2-" + code, code, "LEGAL_REPRESENTATIVE", newer, registered.plusSeconds(7200));
        JsonObject earlier = change("chg1-" + code, code, "LEGAL_REPRESENTATIVE", older, registered.plusSeconds(3600));
        Reply applied = post(CHANGES, later);
        assertThat(applied.string("outcome")).isEqualTo("APPLIED");
        String after = grants(code).body();

        Reply stale = post(CHANGES, earlier);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.string("outcome")).isEqualTo("STALE");
        Reply repeated = post(CHANGES, later);
        assertThat(repeated.body()).isEqualTo(applied.body());
        Reply staleAgain = post(CHANGES, earlier);
        assertThat(staleAgain.body()).isEqualTo(stale.body());
        // the id of an applied message with other content is an integration error, not a repeat to answer as applied
        Reply reused = post(CHANGES, change("chg2-" + code, code, "LEGAL_REPRESENTATIVE", first,
                registered.plusSeconds(9000)));
        assertThat(reused.status()).as("%s", reused).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("SYNC_MESSAGE_ID_REUSED");

        Reply view = grants(code);
        assertThat(view.body()).isEqualTo(after);
        assertThat(view.string("legalRepresentative")).isEqualTo(Fixtures.maskedName(newer.name()));
        assertThat(view.json().getJsonArray("grants")).hasSize(2);
        // the two bindings are the first and the newer legal representative's; the older one was never bound (the
        // masked numbers show only their last two characters, which two random numbers may share)
        assertThat(view.json().getJsonArray("grants").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(g -> g.getString("holderIdNumber")))
                .containsExactlyInAnyOrder(maskedId(first.idNumber()), maskedId(newer.idNumber()));
    }

    private static String maskedId(String idNumber) {
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 5) + idNumber.substring(idNumber.length() - 2);
    }

    @Test
    @DisplayName("a grant for a person who has not registered waits on his document and names him once he registers")
    void a_grant_for_an_unregistered_person_is_attached_when_he_registers() {
        TestPerson notYet = Fixtures.newCitizen();
        String code = newCreditCode();
        post(REGISTRATIONS, registration("reg-" + code, code, Fixtures.quickPerson(), notYet));
        assertThat(grantOf(grants(code), "FINANCE_OFFICER", "PENDING").getBoolean("holderRegistered")).isFalse();

        Reply created = Api.browser().post("/api/sim/persons", Json.createObjectBuilder().add("name", notYet.name())
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", notYet.idNumber()).add("phone", notYet.phone())
                .add("password", notYet.password()).add("migrated", false).build());
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        assertThat(grantOf(grants(code), "FINANCE_OFFICER", "PENDING").getBoolean("holderRegistered")).isTrue();
    }

    @Test
    @DisplayName("API-3: a name longer than the register holds is told as too long, not as missing")
    void a_too_long_name_is_told_as_such() {
        String code = newCreditCode();
        JsonObject message = Json.createObjectBuilder(registration("reg-long-" + code, code, Fixtures.quickPerson(),
                null)).add("name", "长".repeat(100_000)).build();
        Reply r = post(REGISTRATIONS, message);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.code()).isEqualTo("TEXT_TOO_LONG");
        assertThat(r.message()).isEqualTo("输入内容过长，最多200个字符");
    }

    @Test
    @DisplayName("API-3: an empty entry among the investors is refused as malformed, nothing registered")
    void an_empty_investor_is_refused() {
        String code = newCreditCode();
        JsonObject message = Json.createObjectBuilder(registration("reg-inv-" + code, code, Fixtures.quickPerson(),
                null)).add("investors", Json.createArrayBuilder().addNull()).build();
        Reply r = post(REGISTRATIONS, message);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVESTOR_INVALID");
        assertThat(core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, TOKEN).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("RULE-ID: a credit code with a wrong check character is refused with the page's message")
    void a_bad_credit_code_is_refused() {
        String code = newCreditCode();
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(17)) + 1) % 31);
        Reply r = post(REGISTRATIONS, registration("reg-bad-" + code, code.substring(0, 17) + wrong,
                Fixtures.quickPerson(), null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("CREDIT_CODE_INVALID");
        assertThat(r.message()).isEqualTo("统一社会信用代码（纳税人识别号）格式不正确，请核对后重新输入");
        assertThat(core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, TOKEN).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("without the right shared secret the core tax system's endpoints refuse, before reading the message")
    void a_wrong_or_missing_token_is_refused() {
        String code = newCreditCode();
        JsonObject message = registration("reg-" + code, code, Fixtures.quickPerson(), null);
        Reply wrong = core.send("POST", REGISTRATIONS, message, Map.of("X-Sync-Token", "guess"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("SYNC_TOKEN_INVALID");
        Reply missing = core.send("POST", REGISTRATIONS, message, Map.of());
        assertThat(missing.status()).isEqualTo(403);
        Reply malformed = core.sendRaw("POST", REGISTRATIONS, "application/json", "{", Map.of("X-Sync-Token", "guess"));
        assertThat(malformed.status()).as("the token before the body: %s", malformed).isEqualTo(403);
        assertThat(malformed.code()).isEqualTo("SYNC_TOKEN_INVALID");
        Reply unknownKind = core.sendRaw("POST", "/api/v1/sync/key-personnel-changes", "application/json",
                "{\"kind\":\"FOO\"}", Map.of());
        assertThat(unknownKind.code()).as("%s", unknownKind).isEqualTo("SYNC_TOKEN_INVALID");
        assertThat(core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, Map.of()).status())
                .isEqualTo(403);
        assertThat(core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, TOKEN).status())
                .as("nothing registered").isEqualTo(404);
    }

    @Test
    @DisplayName("copies of one message racing each other register exactly one taxpayer and get one answer")
    void parallel_copies_register_one_taxpayer() {
        String code = newCreditCode();
        JsonObject message = registration("reg-" + code, code, Fixtures.quickPerson(), Fixtures.quickPerson());
        List<CompletableFuture<Reply>> copies = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Api.browser().send("POST", REGISTRATIONS, message,
                        TOKEN))).toList();
        List<Reply> replies = copies.stream().map(CompletableFuture::join).toList();
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.string("outcome")).isEqualTo("APPLIED");
        });
        Reply view = grants(code);
        assertThat(view.json().getJsonArray("grants")).hasSize(2);
        grantOf(view, "LEGAL_REPRESENTATIVE", "ACTIVE");
        grantOf(view, "FINANCE_OFFICER", "PENDING");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A fresh, valid unified social credit code (GB 32100 check character computed here). */
    static String newCreditCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder("91360100");
        for (int i = 0; i < 9; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        String first17 = sb.toString();
        return first17 + CreditCode.checkCharacter(first17);
    }

    private Reply post(String path, JsonObject body) {
        return core.send("POST", path, body, TOKEN);
    }

    private Reply grants(String code) {
        Reply r = core.send("GET", "/api/v1/sync/taxpayers/" + code + "/grants", null, TOKEN);
        assertThat(r.status()).as("grants of %s: %s", code, r).isEqualTo(200);
        return r;
    }

    private static JsonObject grantOf(Reply view, String type, String state) {
        List<JsonObject> found = view.json().getJsonArray("grants").getValuesAs(JsonObject.class).stream()
                .filter(g -> type.equals(g.getString("identityType")) && state.equals(g.getString("state"))).toList();
        assertThat(found).as("%s %s grant in %s", type, state, view).hasSize(1);
        return found.get(0);
    }

    private static JsonObject registration(String messageId, String code, TestPerson legal, TestPerson finance) {
        return registration(messageId, code, legal, finance, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static JsonObject registration(String messageId, String code, TestPerson legal, TestPerson finance,
                                           Instant occurredAt) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("messageId", messageId).add("creditCode", code)
                .add("name", "测试企业" + code.substring(10)).add("kind", "ORDINARY")
                .add("taxAuthorityCode", "13601000000").add("taxAuthorityName", "国家税务总局南昌市税务局")
                .add("provinceCode", "36").add("provinceName", "江西省").add("registrationType", "有限责任公司")
                .add("industry", "软件和信息技术服务业").add("vatQualification", "SMALL_SCALE")
                .add("registeredOn", occurredAt.toString().substring(0, 10)).add("occurredAt", occurredAt.toString())
                .add("legalRepresentative", person(legal))
                .add("investors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", legal.name())
                        .add("documentType", "居民身份证").add("documentNumber", legal.idNumber())
                        .add("sharePercent", 100)));
        if (finance != null) {
            b.add("financeOfficer", person(finance));
        }
        return b.build();
    }

    private static JsonObject change(String messageId, String code, String role, TestPerson person, Instant at) {
        return Json.createObjectBuilder().add("messageId", messageId).add("creditCode", code).add("role", role)
                .add("person", person(person)).add("effectiveAt", at.toString()).build();
    }

    private static JsonObjectBuilder person(TestPerson p) {
        return Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber());
    }
}
