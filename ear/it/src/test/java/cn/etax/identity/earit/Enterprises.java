package cn.etax.identity.earit;

import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.Gb11643;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A taxpayer pushed by the core tax system (API-3) with 张三 as legal representative (bound at once, active) and a
 * not yet registered finance officer (offered, pending), registered once per run.
 */
final class Enterprises {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static String creditCode;

    private Enterprises() {
    }

    static synchronized String zhangSansCompany() {
        if (creditCode == null) {
            String code = newCreditCode();
            Instant at = Instant.now();
            JsonObject message = Json.createObjectBuilder().add("messageId", "ear-it-" + code).add("creditCode", code)
                    .add("name", "江西全服务器测试有限公司").add("kind", "ORDINARY")
                    .add("taxAuthorityCode", "13601000000").add("taxAuthorityName", "国家税务总局南昌市税务局")
                    .add("provinceCode", "36").add("provinceName", "江西省")
                    .add("registrationType", "有限责任公司").add("industry", "软件和信息技术服务业")
                    .add("vatQualification", "SMALL_SCALE").add("registeredOn", at.toString().substring(0, 10))
                    .add("occurredAt", at.toString())
                    .add("legalRepresentative", person("张三", Browser.ZHANG_SAN_ID))
                    .add("financeOfficer", person("钱财务", newIdNumber()))
                    .add("investors", Json.createArrayBuilder()).build();
            Browser.Reply r = new Browser().send("POST", "/api/v1/sync/taxpayer-registrations", message,
                    Map.of("X-Sync-Token", EarServer.SYNC_TOKEN));
            assertThat(r.status()).as("taxpayer registration %s", r).isEqualTo(200);
            creditCode = code;
        }
        return creditCode;
    }

    static String newCreditCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder("91360100");
        for (int i = 0; i < 9; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb + String.valueOf(CreditCode.checkCharacter(sb.toString()));
    }

    private static String newIdNumber() {
        String first17 = "36010219800101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + Gb11643.checkCharacter(first17);
    }

    private static JsonObject person(String name, String idNumber) {
        return Json.createObjectBuilder().add("name", name).add("idType", "RESIDENT_ID_CARD").add("idNumber", idNumber)
                .build();
    }
}
