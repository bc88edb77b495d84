package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-5 非居民企业 over REST: an overseas natural person submits a non-resident enterprise's information, a
 * registration clerk approves it (the enterprise becomes a non-resident taxpayer, the applicant its responsible
 * person, the identity code issued) or rejects it with a reason, and the non-resident entry logs in with the
 * identity code and the person's email address, phone or username.
 */
@DisplayName("LOGIN-5: non-resident enterprise identity information, review and entry")
class NonResidentIT {

    static final String MINE = "/api/v1/me/non-resident-applications";
    static final String REVIEW = ClerkFixtures.CLERK + "/non-resident-applications";

    @BeforeEach
    void newDay() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
    }

    /** An overseas natural person (HK/Macau travel permit) registered at level 4, with an email address. */
    static TestPerson overseasPerson(String email) {
        String permit = "H" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        TestPerson p = new TestPerson(Fixtures.newName(), permit, Fixtures.newPhone(), null, Fixtures.PASSWORD);
        Reply r = Api.browser().post("/api/sim/persons", Json.createObjectBuilder().add("name", p.name())
                .add("idType", "HK_MACAO_TRAVEL_PERMIT").add("idNumber", permit).add("phone", p.phone())
                .add("password", p.password()).add("migrated", false).add("overseas", true).build());
        assertThat(r.status()).as("overseas person: %s", r).isEqualTo(200);
        if (email != null) {
            Reply set = AccountFixtures.put(AccountFixtures.loggedIn(p), "/email",
                    Json.createObjectBuilder().add("email", email).build());
            assertThat(set.status()).as("email: %s", set).isBetween(200, 204);
        }
        return p;
    }

    static JsonObject form(String name) {
        return Json.createObjectBuilder().add("enterpriseName", name).add("country", "HKG")
                .add("registrationNumber", "CR-" + ThreadLocalRandom.current().nextInt(1_000_000))
                .add("address", "1 Queen's Road Central, Hong Kong").build();
    }

    /** Submitted by {@code p}; answers the application's id. */
    static long submitted(TestPerson p, String name) {
        Reply r = AccountFixtures.loggedIn(p).post(MINE, form(name));
        assertThat(r.status()).as("submit: %s", r).isEqualTo(200);
        assertThat(r.string("state")).isEqualTo("SUBMITTED");
        return r.json().getJsonNumber("id").longValue();
    }

    static Reply nonResidentPasswordStep(Api browser, String code, String account, String password) {
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        return browser.post("/api/v1/login/non-resident/password", Json.createObjectBuilder()
                .add("identityCode", code).add("account", account).add("password", password)
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
    }

    @Test
    @DisplayName("submitted, approved at the tax office, then the non-resident entry with the identity code and the "
            + "person's email address logs in as the enterprise's responsible person")
    void submitted_approved_and_logged_in_by_email() {
        String email = "nr" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@example.com";
        TestPerson applicant = overseasPerson(email);
        String name = "Harbour Trading " + ThreadLocalRandom.current().nextInt(100_000) + " Ltd";
        long id = submitted(applicant, name);
        Api mine = AccountFixtures.loggedIn(applicant);
        assertThat(mine.post(MINE, form("Second Ltd")).code()).as("one waiting at a time")
                .isEqualTo("NON_RESIDENT_APPLICATION_PENDING");

        Api clerk = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        List<JsonObject> waiting = clerk.get(REVIEW).jsonArray().getValuesAs(JsonObject.class);
        JsonObject row = waiting.stream().filter(a -> a.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow();
        assertThat(row.getString("applicant")).isEqualTo(Fixtures.maskedName(applicant.name()));
        Reply approved = clerk.post(REVIEW + "/" + id + "/approve", Json.createObjectBuilder().build());
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        String code = approved.string("identityCode");
        assertThat(code).hasSize(18).startsWith("Y1360000");
        assertThat(clerk.post(REVIEW + "/" + id + "/approve", Json.createObjectBuilder().build()).code())
                .isEqualTo("NON_RESIDENT_APPLICATION_DECIDED");
        JsonObject mineNow = mine.get(MINE).jsonArray().getJsonObject(0);
        assertThat(mineNow.getString("state")).isEqualTo("APPROVED");
        assertThat(mineNow.getString("identityCode")).isEqualTo(code);

        Api browser = Api.browser();
        Reply started = nonResidentPasswordStep(browser, code, email.toUpperCase(), applicant.password());
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        Reply done = browser.smsStep(flow, Sim.latestCode(applicant.phone()));
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(done.json().getJsonObject("identity").getString("creditCode")).isEqualTo(code);
        assertThat(done.json().getJsonObject("identity").getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        JsonObject enterprise = browser.get("/api/v1/me/enterprise").json();
        assertThat(enterprise.toString()).contains(code);
    }

    @Test
    @DisplayName("refusals: a domestic person cannot submit, a bad country is named, a clerk's rejection reaches the "
            + "applicant with its reason, an ordinary enterprise's code is refused at the non-resident entry")
    void refusals() {
        TestPerson domestic = Fixtures.quickPerson();
        Api domesticSession = AccountFixtures.loggedIn(domestic);
        Reply notOverseas = domesticSession.post(MINE, form("X Ltd"));
        assertThat(notOverseas.status()).isEqualTo(403);
        assertThat(notOverseas.message()).isEqualTo("非居民企业身份信息采集仅限境外自然人办理");
        Reply page = domesticSession.get("/account/nonresident.xhtml");
        assertThat(page.body()).as("told before filling the form in").contains("非居民企业身份信息采集仅限境外自然人办理")
                .doesNotContain("id=\"nonResident:submit\"");

        TestPerson applicant = overseasPerson(null);
        Reply badCountry = AccountFixtures.loggedIn(applicant).post(MINE, Json.createObjectBuilder()
                .add("enterpriseName", "X Ltd").add("country", "CHN").add("registrationNumber", "1")
                .add("address", "somewhere").build());
        assertThat(badCountry.code()).isEqualTo("NON_RESIDENT_COUNTRY_INVALID");

        long id = submitted(applicant, "Rejected Ltd");
        Api viewer = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_GRANTS"));
        assertThat(viewer.post(REVIEW + "/" + id + "/approve", Json.createObjectBuilder().build()).code())
                .as("a clerk without the registration duty").isEqualTo("CLERK_DUTY_REQUIRED");
        assertThat(viewer.get(REVIEW).code()).as("nor does he read the applications").isEqualTo("CLERK_DUTY_REQUIRED");
        // §8: the enterprise is registered in this deployment's province, so only its own clerks decide
        Api outsider = ClerkFixtures.loggedIn(ClerkFixtures.newClerkOf("14403000000", "国家税务总局深圳市税务局",
                "CLERK_REGISTRATION"));
        Reply foreign = outsider.post(REVIEW + "/" + id + "/approve", Json.createObjectBuilder().build());
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("TAXPAYER_OUTSIDE_JURISDICTION");
        assertThat(outsider.get(REVIEW).code()).isEqualTo("TAXPAYER_OUTSIDE_JURISDICTION");
        Api clerk = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        assertThat(clerk.post(REVIEW + "/" + id + "/reject", Json.createObjectBuilder().add("reason", " ").build())
                .code()).isEqualTo("REJECTION_REASON_REQUIRED");
        Reply rejected = clerk.post(REVIEW + "/" + id + "/reject", Json.createObjectBuilder()
                .add("reason", "登记号码与境外登记证明不一致").build());
        assertThat(rejected.string("state")).as("%s", rejected).isEqualTo("REJECTED");
        JsonObject mine = AccountFixtures.loggedIn(applicant).get(MINE).jsonArray().getJsonObject(0);
        assertThat(mine.getString("rejectionReason")).isEqualTo("登记号码与境外登记证明不一致");
        assertThat(mine.containsKey("identityCode")).isFalse();

        Enterprise ordinary = GrantFixtures.registerEnterprise();
        Reply wrongEntry = nonResidentPasswordStep(Api.browser(), ordinary.creditCode(), ordinary.legal().phone(),
                ordinary.legal().password());
        assertThat(wrongEntry.status()).isEqualTo(400);
        assertThat(wrongEntry.code()).isEqualTo("NOT_NON_RESIDENT_ENTERPRISE");
    }
}
