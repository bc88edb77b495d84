package cn.etax.identity.it;

import cn.etax.identity.shared.Gb11643;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh people for tests that must not share 张三: valid resident ID numbers and phones nobody else in the run holds,
 * known to the simulated public-security registry, and registered either through the real registration REST
 * ({@link #registeredPerson()}) or directly through the simulator's fixture API ({@link #quickPerson()}).
 */
public final class Fixtures {

    /** A password that passes RULE-PWD (length, three categories, not common, no personal data). */
    public static final String PASSWORD = "Reg#2026Pass";

    private static final String REGISTRATIONS = "/api/v1/registrations";
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_DAYS = 15_000;
    private static final String[] SURNAMES = {"周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩"};
    private static final String[] GIVEN = {"晓明", "丽华", "建国", "静", "伟", "芳", "磊", "秀英", "海燕", "志强"};

    /** Numbers from a random start, so two runs (or two engineers' tests on one server) do not meet. */
    private static final AtomicLong ID_SEQUENCE =
            new AtomicLong(ThreadLocalRandom.current().nextLong(BIRTH_DAYS * 1000L));
    private static final AtomicLong PHONE_SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L));

    private static final Api SIM = Api.browser();

    private Fixtures() {
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    /** A valid resident ID number (Beijing Dongcheng, real birth date, GB 11643 check digit), new in this run. */
    public static String newIdNumber() {
        long n = ID_SEQUENCE.getAndIncrement() % (BIRTH_DAYS * 1000L);
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(n % BIRTH_DAYS);
        String first17 = "110101" + birth.toString().replace("-", "") + String.format("%03d", n / BIRTH_DAYS);
        return first17 + Gb11643.checkCharacter(first17);
    }

    /** A mobile number 135xxxxxxxx that nobody holds yet in this run. */
    public static String newPhone() {
        return "135" + String.format("%08d", PHONE_SEQUENCE.getAndIncrement() % 100_000_000L);
    }

    public static String newName() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    /** Names as the pages show them: 张** (RULE-MASK). */
    public static String maskedName(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    /** 135****1234 (RULE-MASK). */
    public static String maskedPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    // ---- the simulated registry and fixture persons ------------------------------------------------------------

    /** A new citizen known to the simulated public-security registry, not registered yet, with a fresh phone. */
    public static TestPerson newCitizen() {
        TestPerson citizen = new TestPerson(newName(), newIdNumber(), newPhone(), null, PASSWORD);
        Reply r = SIM.post("/api/sim/citizens", Json.createObjectBuilder().add("name", citizen.name())
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", citizen.idNumber()).add("nationality", "CHN")
                .build());
        assertThat(r.status()).as("add citizen to the simulated registry: %s", r).isBetween(200, 204);
        return citizen;
    }

    /** A registered person (level 4, password {@link #PASSWORD}, a fresh phone) made without the registration steps. */
    public static TestPerson quickPerson() {
        TestPerson p = newCitizen();
        createPerson(p, false);
        return p;
    }

    /** As {@link #quickPerson()}, named otherwise than {@code name} (the names come from a hundred combinations). */
    public static TestPerson quickPersonNotNamed(String name) {
        TestPerson p = newCitizen();
        while (p.name().equals(name)) {
            p = newCitizen();
        }
        createPerson(p, false);
        return p;
    }

    /** A person migrated from the old system: level 3, initial password = last six characters of the ID number. */
    public static TestPerson migratedPerson() {
        TestPerson p = newCitizen();
        createPerson(p, true);
        return p.withPassword(p.idNumber().substring(12));
    }

    private static void createPerson(TestPerson p, boolean migrated) {
        Reply r = SIM.post("/api/sim/persons", Json.createObjectBuilder().add("name", p.name())
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", p.idNumber()).add("phone", p.phone())
                .add("password", p.password()).add("migrated", migrated).build());
        assertThat(r.status()).as("fixture person: %s", r).isEqualTo(200);
    }

    /** Takes the simulated public-security registry down (or up again): server-wide, so always undo it. */
    public static void identityRegistryDown(boolean down) {
        Reply r = SIM.post("/api/sim/switches", Json.createObjectBuilder().add("identityRegistryDown", down).build());
        assertThat(r.status()).as("registry switch: %s", r).isBetween(200, 204);
    }

    // ---- the registration journey (REG-1) ---------------------------------------------------------------------

    /** A new citizen registered through the real REST steps: identity check, SMS code, face check, complete. */
    public static TestPerson registeredPerson() {
        TestPerson p = newCitizen();
        Registration reg = Registration.start(Api.browser(), p);
        reg.sendCode(p.phone());
        reg.passFaceCheck();
        Reply done = reg.complete(p.phone(), reg.latestCode(p.phone()));
        assertThat(done.status()).as("registration of %s: %s", p.name(), done).isEqualTo(201);
        return p;
    }

    /** One registrant's journey through {@code /api/v1/registrations}, in one browser. */
    public static final class Registration {

        private final Api browser;
        private final String flowToken;
        private final Reply identityChecked;
        private String password = PASSWORD;

        private Registration(Api browser, Reply identityChecked) {
            this.browser = browser;
            this.identityChecked = identityChecked;
            this.flowToken = identityChecked.string("flowToken");
        }

        /** Step 1 for a domestic person with a resident ID card; asserts it passed. */
        public static Registration start(Api browser, TestPerson person) {
            Reply r = identityCheck(browser, person.name(), "RESIDENT_ID_CARD", person.idNumber(), false);
            assertThat(r.status()).as("identity check for %s: %s", person.name(), r).isEqualTo(200);
            return new Registration(browser, r).withPassword(person.password());
        }

        /** Goes on from an identity check the test made itself. */
        public static Registration resume(Api browser, Reply identityChecked) {
            return new Registration(browser, identityChecked);
        }

        /** Step 1 with the agreement accepted; the raw answer. */
        public static Reply identityCheck(Api browser, String name, String idType, String idNumber, boolean overseas) {
            return browser.post(REGISTRATIONS + "/identity-check", Json.createObjectBuilder()
                    .add("overseas", overseas).add("agreementAccepted", true).add("name", name)
                    .add("idType", idType).add("idNumber", idNumber).build());
        }

        public Reply identityChecked() {
            return identityChecked;
        }

        public String flowToken() {
            return flowToken;
        }

        public Registration withPassword(String newPassword) {
            this.password = newPassword;
            return this;
        }

        /** Sends the SMS code to the phone the registrant will own; asserts it was sent. */
        public void sendCode(String phone) {
            Reply r = trySendCode(phone);
            assertThat(r.status()).as("registration SMS code to %s: %s", phone, r).isEqualTo(204);
        }

        /** Asks for the SMS code to {@code phone}; the raw answer. */
        public Reply trySendCode(String phone) {
            return browser.post(REGISTRATIONS + "/sms-code",
                    Json.createObjectBuilder().add("flowToken", flowToken).add("phone", phone).build());
        }

        public String latestCode(String phone) {
            return Sim.latestCode(phone);
        }

        /** The optional details check: answers {@code faceCheckRequired} or the refusal. */
        public Reply details(String phone) {
            return browser.post(REGISTRATIONS + "/details", form(phone, null).build());
        }

        /** The details check with the SMS code, as the page sends it: a wrong code is told here. */
        public Reply details(String phone, String code) {
            return browser.post(REGISTRATIONS + "/details", form(phone, code).build());
        }

        /** Starts the QR face check in the tax app; answers the QR token. */
        public String startFaceCheck() {
            Reply r = browser.post(REGISTRATIONS + "/face-check",
                    Json.createObjectBuilder().add("flowToken", flowToken).add("app", "TAX_APP").build());
            assertThat(r.status()).as("start face check: %s", r).isEqualTo(200);
            return r.string("qrToken");
        }

        /** The tax app scans the QR code and reports the face result; answers the state the page then polls. */
        public String faceCheck(boolean faceMatches) {
            String qr = startFaceCheck();
            TaxApp.scanAndDecide(qr, faceMatches);
            Reply state = browser.get(REGISTRATIONS + "/face-check/" + flowToken);
            assertThat(state.status()).as("poll face check: %s", state).isEqualTo(200);
            return state.string("state");
        }

        public void passFaceCheck() {
            assertThat(faceCheck(true)).isEqualTo("CONFIRMED");
        }

        /** Step 3: password (twice), phone with its code; the raw answer. */
        public Reply complete(String phone, String code) {
            return browser.post(REGISTRATIONS, form(phone, code).build());
        }

        public java.util.concurrent.CompletableFuture<Reply> completeAsync(Api other, String phone, String code) {
            return other.postAsync(REGISTRATIONS, form(phone, code).build());
        }

        private JsonObjectBuilder form(String phone, String code) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("flowToken", flowToken).add("password", password)
                    .add("passwordConfirmation", password).add("phone", phone);
            if (code != null) {
                b.add("smsCode", code);
            }
            return b;
        }
    }

    /** The tax app simulator (§11): scans a QR token and passes or fails the face check. */
    public static final class TaxApp {

        private TaxApp() {
        }

        public static void scanAndDecide(String qrToken, boolean faceMatches) {
            scan(qrToken);
            decide(qrToken, faceMatches);
        }

        /** The app scans the code: what it shows the person (app, purpose, masked name, origin). */
        public static Reply scan(String qrToken) {
            Reply scan = SIM.post("/api/sim/app/qr/" + qrToken + "/scan", Json.createObjectBuilder().build());
            assertThat(scan.status()).as("app scans: %s", scan).isEqualTo(200);
            return scan;
        }

        /** The app reports the face result of a scanned code. */
        public static void decide(String qrToken, boolean faceMatches) {
            JsonObject decision = Json.createObjectBuilder().add("faceMatches", faceMatches).build();
            Reply decided = SIM.post("/api/sim/app/qr/" + qrToken + "/decide", decision);
            assertThat(decided.status()).as("app decides: %s", decided).isEqualTo(200);
        }
    }
}
