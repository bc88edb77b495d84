package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise account center's data (ENT-1..ENT-10): a taxpayer with a business address and investors, sessions
 * opened through the enterprise entry (LOGIN-2), and staff who have confirmed their grants.
 */
final class EnterpriseCenterFixtures {

    static final String CENTER = "/api/v1/me/enterprise";
    static final String STAFF = CENTER + "/staff";
    static final String ADDRESS = "江西省南昌市红谷滩区丰和中大道1000号";
    static final String PERSON_INVESTOR = "欧阳明远";
    static final String COMPANY_INVESTOR = "江西赣江投资控股有限公司";

    private EnterpriseCenterFixtures() {
    }

    /** The name the taxpayer gets. */
    static String companyName(String creditCode) {
        return "账户中心测试企业" + creditCode.substring(10);
    }

    /** A taxpayer with key personnel, a business address and two investors (a person and a company). */
    static Enterprise registerEnterprise() {
        return registerEnterprise("ORDINARY");
    }

    /** ENT-8: a tax-agent institution (涉税专业服务机构), otherwise as {@link #registerEnterprise()}. */
    static Enterprise registerAgency() {
        return registerEnterprise("TAX_AGENT_INSTITUTION");
    }

    private static Enterprise registerEnterprise(String kind) {
        TestPerson legal = Fixtures.quickPerson();
        TestPerson finance = Fixtures.quickPerson();
        String code = TaxpayerSyncIT.newCreditCode();
        Instant at = Instant.now();
        JsonObject message = Json.createObjectBuilder().add("messageId", "reg-" + code).add("creditCode", code)
                .add("name", companyName(code)).add("kind", kind)
                .add("taxAuthorityCode", "13601000000").add("taxAuthorityName", "国家税务总局南昌市税务局")
                .add("provinceCode", "36").add("provinceName", "江西省")
                .add("registrationType", "有限责任公司").add("industry", "软件和信息技术服务业")
                .add("vatQualification", "SMALL_SCALE").add("businessAddress", ADDRESS)
                .add("registeredOn", at.toString().substring(0, 10)).add("occurredAt", at.toString())
                .add("legalRepresentative", person(legal)).add("financeOfficer", person(finance))
                .add("investors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", PERSON_INVESTOR).add("documentType", "居民身份证")
                                .add("documentNumber", "11010519491231002X").add("sharePercent", 60))
                        .add(Json.createObjectBuilder().add("name", COMPANY_INVESTOR)
                                .add("documentType", "统一社会信用代码").add("documentNumber", "91350100M000100Y43")
                                .add("sharePercent", 40)))
                .build();
        Reply r = Api.browser().send("POST", "/api/v1/sync/taxpayer-registrations", message,
                Map.of("X-Sync-Token", PayaraMicro.SYNC_TOKEN));
        assertThat(r.status()).as("register taxpayer: %s", r).isEqualTo(200);
        return new Enterprise(code, legal, finance);
    }

    /** A session opened through the enterprise entry with one active identity: credit code, password, slider, SMS. */
    static Api enterpriseLoggedIn(String creditCode, TestPerson p) {
        Api browser = Api.browser();
        Api.Slider slider = browser.slider();
        slider.awaitHumanTime();
        Reply started = browser.post("/api/v1/login/enterprise/password", Json.createObjectBuilder()
                .add("creditCode", creditCode).add("account", p.phone()).add("password", p.password())
                .add("sliderToken", slider.token()).add("sliderPosition", slider.gap()).build());
        assertThat(started.status()).as("enterprise password step: %s", started).isEqualTo(200);
        String flow = started.string("flowToken");
        assertThat(browser.sendCode(flow).status()).isEqualTo(204);
        Reply done = browser.smsStep(flow, Sim.latestCode(p.phone()));
        assertThat(done.string("status")).as("enterprise login: %s", done).isEqualTo("LOGGED_IN");
        return browser;
    }

    /** A tax officer the legal representative added and who confirmed with a face check; answers his grant id. */
    static long confirmedTaxOfficer(Api boss, Enterprise e, TestPerson officer) {
        long grant = GrantFixtures.offer(boss, e, officer, null);
        Reply confirmed = GrantFixtures.confirmWithFace(AccountFixtures.loggedIn(officer), grant);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isIn(200, 204);
        return grant;
    }

    private static jakarta.json.JsonObjectBuilder person(TestPerson p) {
        return Json.createObjectBuilder().add("name", p.name()).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", p.idNumber());
    }
}
