package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static cn.etax.identity.it.AccountFixtures.ME;
import static cn.etax.identity.it.AccountFixtures.beginChange;
import static cn.etax.identity.it.AccountFixtures.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/** PER-7 个人证件管理 over REST: list, the checks of 新增证件, and a document added after a QR face check. */
@DisplayName("PER-7 ID documents of the personal account center")
class DocumentsIT {

    private static final String DOCUMENTS = ME + "/documents";

    /** A Chinese passport number (E + letter or digit + 7 digits) new in this run. */
    static String newPassportNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "E" + (char) ('A' + r.nextInt(8)) + String.format("%07d", r.nextInt(10_000_000));
    }

    static JsonObjectBuilder passport(String name, String number, LocalDate from, LocalDate until) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("idType", "CHINESE_PASSPORT")
                .add("idNumber", number).add("validFrom", from.toString());
        return until == null ? b : b.add("validUntil", until.toString());
    }

    @Test
    @DisplayName("PER-7: the registered document, then a passport checked, proven by face and added; nobody else can add it")
    void add_a_passport_after_a_face_check() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = loggedIn(p);
        List<JsonObject> before = documents(browser);
        assertThat(before).singleElement().satisfies(d -> {
            assertThat(d.getString("idType")).isEqualTo("RESIDENT_ID_CARD");
            assertThat(d.getBoolean("registered")).isTrue();
            assertThat(d.getString("idMasked")).isEqualTo(p.idNumber().substring(0, 3) + "*".repeat(13)
                    + p.idNumber().substring(16));
        });

        String number = newPassportNumber();
        LocalDate today = Sim.today();
        JsonObject form = passport(p.name(), number, today.minusYears(2), today.plusYears(8)).build();
        Reply checked = browser.post(DOCUMENTS + "/check", form);
        assertThat(checked.status()).as("%s", checked).isEqualTo(204);
        assertThat(documents(browser)).as("the check writes nothing").hasSize(1);

        String flow = beginChange(browser);
        Reply unproven = browser.post(DOCUMENTS, withFlow(form, flow));
        assertThat(unproven.status()).as("%s", unproven).isEqualTo(403);
        assertThat(unproven.code()).isEqualTo("QR_NOT_CONFIRMED");

        Reply qr = browser.post(ME + "/changes/" + flow + "/face-check?app=TAX_APP", Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply added = browser.post(DOCUMENTS, withFlow(form, flow));

        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(added.body()).as("RULE-MASK").doesNotContain(number);
        JsonObject passport = documents(browser).get(1);
        assertThat(passport.getString("idType")).isEqualTo("CHINESE_PASSPORT");
        assertThat(passport.getBoolean("registered")).isFalse();
        assertThat(passport.getString("idMasked")).isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
        assertThat(passport.getString("validFrom")).isEqualTo(today.minusYears(2).toString());
        assertThat(passport.getString("validUntil")).isEqualTo(today.plusYears(8).toString());
        assertThat(AccountIT.auditActions(GrantFixtures.personId(browser), "DOCUMENT_ADDED"))
                .containsExactly("CHINESE_PASSPORT " + number.substring(0, 3) + "****" + number.substring(7));

        Reply twice = browser.post(DOCUMENTS + "/check", form);
        assertThat(twice.code()).isEqualTo("DOCUMENT_ALREADY_YOURS");
        Reply secondPassport = browser.post(DOCUMENTS + "/check",
                passport(p.name(), newPassportNumber(), today.minusYears(1), null).build());
        assertThat(secondPassport.status()).isEqualTo(409);
        assertThat(secondPassport.code()).isEqualTo("DOCUMENT_TYPE_PRESENT");

        TestPerson other = Fixtures.quickPerson();
        Api otherBrowser = loggedIn(other);
        JsonObject othersForm = passport(other.name(), number, today.minusYears(1), null).build();
        assertThat(otherBrowser.post(DOCUMENTS + "/check", othersForm).status())
                .as("LOGIN-8: before a face check nobody learns whether another account holds a number").isEqualTo(204);
        String otherFlow = beginChange(otherBrowser);
        Reply otherQr = otherBrowser.post(ME + "/changes/" + otherFlow + "/face-check?app=TAX_APP",
                Json.createObjectBuilder().build());
        Fixtures.TaxApp.scanAndDecide(otherQr.string("qrToken"), true);
        Reply taken = otherBrowser.post(DOCUMENTS, withFlow(othersForm, otherFlow));
        assertThat(taken.status()).as("%s", taken).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("DOCUMENT_HELD_BY_OTHER");
        assertThat(taken.message()).isEqualTo("该证件已被其他用户使用");
        assertThat(otherBrowser.post(DOCUMENTS, withFlow(othersForm, otherFlow)).code())
                .as("that answer used the face check up: asking again needs another one").isEqualTo("QR_NOT_CONFIRMED");
        assertThat(documents(otherBrowser)).hasSize(1);
        Reply registration = Fixtures.Registration.identityCheck(Api.browser(), p.name(), "CHINESE_PASSPORT", number,
                false);
        // whether a document is registered is told only once the registry confirmed its holder's name
        assertThat(registration.code()).as("the registry does not know the passport").isEqualTo("ID_CHECK_FAILED");
        Reply known = Api.browser().post("/api/sim/citizens", Json.createObjectBuilder().add("name", p.name())
                .add("idType", "CHINESE_PASSPORT").add("idNumber", number).add("nationality", "CHN").build());
        assertThat(known.status()).as("%s", known).isIn(200, 204);
        assertThat(Fixtures.Registration.identityCheck(Api.browser(), p.name(), "CHINESE_PASSPORT", number, false)
                .code()).as("a second account with the added document").isEqualTo("ALREADY_REGISTERED");
    }

    @Test
    @DisplayName("PER-7: wrong name, offline-only type, bad number, bad or past validity are refused in the seeds' words")
    void bad_input_is_refused() {
        TestPerson p = Fixtures.quickPerson();
        Api browser = loggedIn(p);
        LocalDate today = Sim.today();
        String number = newPassportNumber();

        assertRefused(browser, passport("王" + p.name(), number, today.minusYears(1), null).build(),
                "DOCUMENT_NAME_MISMATCH", "姓名与当前账户的实名信息不一致");
        assertRefused(browser, passport(p.name(), number, today.minusYears(1), null).add("idType", "FOREIGN_PASSPORT")
                .build(), "DOCUMENT_TYPE_NOT_ONLINE", "该证件类型不能在线添加，请到办税服务厅办理");
        assertRefused(browser, passport(p.name(), "X1234", today.minusYears(1), null).build(), "ID_NUMBER_INVALID",
                null);
        assertRefused(browser, passport(p.name(), number, today.plusDays(1), null).build(),
                "DOCUMENT_VALIDITY_INVALID", "证件有效期起止日期不正确，请核对后重新输入");
        assertRefused(browser, passport(p.name(), number, today.minusYears(10), today.minusDays(1)).build(),
                "DOCUMENT_EXPIRED", "证件已过有效期");
        assertThat(documents(browser)).hasSize(1);
    }

    private static void assertRefused(Api browser, JsonObject form, String code, String message) {
        Reply r = browser.post(DOCUMENTS + "/check", form);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.code()).isEqualTo(code);
        if (message != null) {
            assertThat(r.message()).isEqualTo(message);
        }
    }

    private static JsonObject withFlow(JsonObject form, String flow) {
        return Json.createObjectBuilder(form).add("flowToken", flow).build();
    }

    static List<JsonObject> documents(Api browser) {
        Reply r = browser.get(DOCUMENTS);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }
}
