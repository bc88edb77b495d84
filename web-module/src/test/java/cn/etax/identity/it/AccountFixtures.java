package cn.etax.identity.it;

import cn.etax.identity.shared.Gb11643;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh persons for the account-center tests and the account center's own steps (flows, codes, phones), so that no
 * test shares a person with another and none depends on what ran before. Numbers are random within the run and
 * valid by their real formats (RULE-ID: GB 11643 check digit and a real birth date).
 */
final class AccountFixtures {

    static final String PASSWORD = "Acct@2026pass";
    static final String ME = "/api/v1/me";

    private static final Set<String> ISSUED = new HashSet<>();

    private AccountFixtures() {
    }

    /** A mobile number no one in this run has been given yet. */
    static synchronized String newPhone() {
        String phone;
        do {
            phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        } while (!ISSUED.add(phone));
        return phone;
    }

    /** A valid resident ID number (Beijing Chaoyang, a real birth date between 1960 and 1999). */
    static synchronized String newIdNumber() {
        String number;
        do {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
            String first17 = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000));
            number = first17 + Gb11643.checkCharacter(first17);
        } while (!ISSUED.add(number));
        return number;
    }

    /** A registered person (real-name level 4, agreements signed) with one phone and {@link #PASSWORD}. */
    static TestPerson newPerson(String name) {
        return newPerson(name, PASSWORD);
    }

    static TestPerson newPerson(String name, String password) {
        TestPerson p = new TestPerson(name, newIdNumber(), newPhone(), null, password);
        Reply r = Api.browser().post("/api/sim/persons", Json.createObjectBuilder().add("name", p.name())
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", p.idNumber()).add("phone", p.phone())
                .add("password", p.password()).add("migrated", false).build());
        assertThat(r.status()).as("create test person: %s", r).isEqualTo(200);
        return p;
    }

    /** A browser in which the person has logged in by phone, password and SMS code. */
    static Api loggedIn(TestPerson p) {
        Api browser = Api.browser();
        assertThat(browser.login(p).string("status")).isEqualTo("LOGGED_IN");
        return browser;
    }

    static JsonObject json(Object... namesAndValues) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            String name = (String) namesAndValues[i];
            if (v == null) {
                b.add(name, JsonValue.NULL);
            } else if (v instanceof Number n) {
                b.add(name, n.longValue());
            } else {
                b.add(name, v.toString());
            }
        }
        return b.build();
    }

    static JsonObject profile(Api browser) {
        Reply r = browser.get(ME + "/profile");
        assertThat(r.status()).as("profile: %s", r).isEqualTo(200);
        return r.json();
    }

    /** The id of the phone the profile shows with this masked number. */
    static long phoneId(JsonObject profile, String phone) {
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        return profile.getJsonArray("phones").stream().map(JsonValue::asJsonObject)
                .filter(ph -> masked.equals(ph.getString("masked"))).findFirst()
                .orElseThrow(() -> new AssertionError("no phone " + masked + " in " + profile))
                .getJsonNumber("id").longValue();
    }

    /** Opens a change flow (POST changes) and answers its token. */
    static String beginChange(Api browser) {
        Reply r = browser.post(ME + "/changes", Json.createObjectBuilder().build());
        assertThat(r.status()).as("begin change: %s", r).isEqualTo(200);
        return r.string("flowToken");
    }

    /** A code sent to one of the caller's own phones (the default one when phoneId is null), read from the outbox. */
    static String codeToOwnPhone(Api browser, String flow, Long phoneId, String phone) {
        Reply r = browser.post(ME + "/changes/" + flow + "/sms-own" + (phoneId == null ? "" : "?phoneId=" + phoneId),
                Json.createObjectBuilder().build());
        assertThat(r.status()).as("code to own phone: %s", r).isEqualTo(200);
        return Sim.latestCode(phone);
    }

    /** A code sent to a number the caller wants to add or switch to, read from the outbox. */
    static String codeToNewPhone(Api browser, String flow, String phone) {
        Reply r = browser.post(ME + "/changes/" + flow + "/sms-new", json("phone", phone));
        assertThat(r.status()).as("code to new phone: %s", r).isEqualTo(204);
        return Sim.latestCode(phone);
    }

    /** Adds a phone proven by codes on the default phone and the new one (ENT-6); answers the new profile. */
    static JsonObject addPhone(Api browser, String defaultPhone, String newPhone) {
        String flow = beginChange(browser);
        String current = codeToOwnPhone(browser, flow, null, defaultPhone);
        String fresh = codeToNewPhone(browser, flow, newPhone);
        Reply r = browser.post(ME + "/phones",
                json("flowToken", flow, "phone", newPhone, "currentCode", current, "newCode", fresh));
        assertThat(r.status()).as("add phone: %s", r).isEqualTo(200);
        return r.json();
    }

    static Reply deletePhone(Api browser, long phoneId, String flow, String code) {
        return browser.send("DELETE", ME + "/phones/" + phoneId, null, Map.of("X-Flow-Token", flow, "X-SMS-Code", code));
    }

    static Reply put(Api browser, String path, JsonObject body) {
        return browser.send("PUT", ME + path, body, Map.of());
    }
}
