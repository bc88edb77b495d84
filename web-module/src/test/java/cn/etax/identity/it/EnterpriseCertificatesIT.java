package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cn.etax.identity.it.EnterpriseCenterFixtures.confirmedTaxOfficer;
import static cn.etax.identity.it.EnterpriseCenterFixtures.enterpriseLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENT-7 税务数字证书 in the enterprise account center, through the REST API on the running application: the current
 * taxpayer's SM2 and RSA certificates as the (simulated) certificate helper reads them from the inserted keys, only the
 * taxpayer's own, with a warning before one expires; the PIN change with the key present, its rules, the key's retry
 * counter and lock, the audit. Every test issues keys of its own (the helper simulator's fixture) so that the demo keys
 * other tests sign with keep their PIN.
 */
@DisplayName("ENT-7 tax digital certificates: list, expiry warning, PIN change")
class EnterpriseCertificatesIT {

    static final String CERTIFICATES = "/api/v1/me/enterprise/certificates";
    static final String PIN = "12345678";

    @Test
    @DisplayName("the list shows this taxpayer's SM2 and RSA certificates with holder, issuer, serial, algorithm and validity — not another taxpayer's")
    void listFilteredByTaxpayer() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        String sm2 = issueKey(e, "SM2", Duration.ofDays(-1), Duration.ofDays(700));
        String rsa = issueKey(e, "RSA", Duration.ofDays(-1), Duration.ofDays(700));
        String foreign = issueKey(other, "SM2", Duration.ofDays(-1), Duration.ofDays(700));

        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        Reply list = boss.get(CERTIFICATES);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.json().getInt("warningDays")).isEqualTo(30);
        List<JsonObject> certificates = list.json().getJsonArray("certificates").getValuesAs(JsonObject.class);
        assertThat(certificates).extracting(c -> c.getString("token")).containsExactly(sm2, rsa);
        assertThat(certificates).extracting(c -> c.getString("creditCode")).containsOnly(e.creditCode());

        JsonObject national = certificates.get(0);
        assertThat(national.getString("holder")).isEqualTo(EnterpriseCenterFixtures.companyName(e.creditCode()));
        assertThat(national.getString("issuer")).isEqualTo("税务数字证书测试CA（SM2）");
        assertThat(national.getString("algorithm")).isEqualTo("SM2");
        assertThat(national.getBoolean("nationalAlgorithm")).isTrue();
        assertThat(national.getString("serialNumber")).matches("[0-9A-Fa-f]{8,}");
        assertThat(national.getString("state")).isEqualTo("VALID");
        assertThat(Instant.parse(national.getString("notAfter"))).isAfter(Instant.parse(national.getString("notBefore")));
        assertThat(certificates.get(1).getString("algorithm")).isEqualTo("RSA");
        assertThat(certificates.get(1).getBoolean("nationalAlgorithm")).isFalse();
        assertThat(certificates.get(1).getString("issuer")).isEqualTo("税务数字证书测试CA（RSA）");

        // the other taxpayer's key is on the same machine but cannot be acted on: refused, audited, its PIN unchanged
        Reply refused = changePin(boss, foreign, PIN, "20261123", "20261123");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(refused.message()).isEqualTo("未检测到本企业的该数字证书，请插入证书后重试");
        assertThat(sign(foreign, "sm2", PIN).status()).isEqualTo(200);
        assertThat(AccountIT.auditActions(GrantFixtures.personId(boss), "CERTIFICATE_PIN_CHANGE_REFUSED"))
                .containsExactly("CERTIFICATE_NOT_FOUND");

        // the other taxpayer's legal representative sees his key only
        Reply theirs = enterpriseLoggedIn(other.creditCode(), other.legal()).get(CERTIFICATES);
        assertThat(theirs.json().getJsonArray("certificates").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("token")).containsExactly(foreign);

        // a natural-person session has no enterprise identity to act in
        Reply personal = AccountFixtures.loggedIn(e.legal()).get(CERTIFICATES);
        assertThat(personal.status()).isEqualTo(403);
        assertThat(personal.code()).isEqualTo("ENTERPRISE_LOGIN_REQUIRED");
    }

    @Test
    @DisplayName("a certificate within the warning days is flagged with the days left, an expired one as expired (business clock)")
    void expiryWarning() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String later = issueKey(e, "RSA", Duration.ofDays(-300), Duration.ofDays(40));
        String expired = issueKey(e, "SM2", Duration.ofDays(-400), Duration.ofDays(-2));
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        assertThat(certificate(boss, later).getString("state")).isEqualTo("VALID");
        JsonObject gone = certificate(boss, expired);
        assertThat(gone.getString("state")).isEqualTo("EXPIRED");
        assertThat(gone.getInt("daysLeft")).isZero();

        Sim.moveClock(Duration.ofDays(11));
        // the session does not outlive eleven days: a new login sees the same key nearer its end
        JsonObject soon = certificate(enterpriseLoggedIn(e.creditCode(), e.legal()), later);
        assertThat(soon.getString("state")).isEqualTo("EXPIRING");
        assertThat(soon.getInt("daysLeft")).isBetween(28, 30);
    }

    @Test
    @DisplayName("the legal representative changes the PIN with the key present: the old PIN stops working, the new one signs; audited")
    void pinChange() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = issueKey(e, "SM2", Duration.ofDays(-1), Duration.ofDays(700));
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        Reply changed = changePin(boss, key, PIN, "Tax2026key", "Tax2026key");
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        assertThat(sign(key, "sm2", PIN).code()).isEqualTo("CERTIFICATE_PIN_INCORRECT");
        assertThat(sign(key, "sm2", "Tax2026key").status()).isEqualTo(200);
        List<String> audit = AccountIT.auditActions(GrantFixtures.personId(boss), "CERTIFICATE_PIN_CHANGED");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).startsWith("serial ").endsWith(" SM2").doesNotContain("Tax2026key", PIN);
    }

    @Test
    @DisplayName("the PIN rules: confirmation, length and characters, not too simple, not the old one — each with its message, none costs an attempt")
    void pinRules() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = issueKey(e, "RSA", Duration.ofDays(-1), Duration.ofDays(700));
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        assertRefused(changePin(boss, key, PIN, "20261123", "20261124"), 400, "CERTIFICATE_PIN_MISMATCH", "两次输入的新密码不一致");
        assertRefused(changePin(boss, key, PIN, "2026112", "2026112"), 400, "CERTIFICATE_PIN_FORMAT", "证书密码应为8-16位数字或字母");
        assertRefused(changePin(boss, key, PIN, "2026-11-23", "2026-11-23"), 400, "CERTIFICATE_PIN_FORMAT", "证书密码应为8-16位数字或字母");
        assertRefused(changePin(boss, key, PIN, "88888888", "88888888"), 400, "CERTIFICATE_PIN_TOO_SIMPLE",
                "新密码过于简单，不能为同一字符重复或连续数字");
        assertRefused(changePin(boss, key, PIN, "23456789", "23456789"), 400, "CERTIFICATE_PIN_TOO_SIMPLE",
                "新密码过于简单，不能为同一字符重复或连续数字");
        assertRefused(changePin(boss, key, PIN, PIN, PIN), 400, "CERTIFICATE_PIN_UNCHANGED", "新密码不能与旧密码相同");
        assertRefused(changePin(boss, key, "", "20261123", "20261123"), 400, "CERTIFICATE_PIN_REQUIRED", "请输入证书密码");
        Reply english = boss.send("POST", CERTIFICATES + "/" + key + "/pin", pinBody(PIN, "20261123", "20261124"),
                Map.of("Accept-Language", "en"));
        assertThat(english.message()).isEqualTo("The two new PINs do not match");

        // nothing reached the key: the first wrong old PIN still leaves 9 attempts, the PIN is still the old one
        assertThat(changePin(boss, key, "87654320", "20261123", "20261123").message()).isEqualTo("证书密码错误，还可尝试9次");
        assertThat(sign(key, "rsa", PIN).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a wrong old PIN is counted by the key with the attempts left; the 10th locks it and then even the right PIN is refused")
    void wrongOldPinLocks() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = issueKey(e, "SM2", Duration.ofDays(-1), Duration.ofDays(700));
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());

        Reply first = changePin(boss, key, "11223344", "20261123", "20261123");
        assertRefused(first, 403, "CERTIFICATE_PIN_INCORRECT", "证书密码错误，还可尝试9次");
        Reply english = boss.send("POST", CERTIFICATES + "/" + key + "/pin", pinBody("11223345", "20261123", "20261123"),
                Map.of("Accept-Language", "en"));
        assertThat(english.code()).isEqualTo("CERTIFICATE_PIN_INCORRECT");
        assertThat(english.message()).contains("8");
        for (int attempt = 3; attempt < 10; attempt++) {
            Reply wrong = changePin(boss, key, "1122334" + attempt, "20261123", "20261123");
            assertThat(wrong.message()).isEqualTo("证书密码错误，还可尝试" + (10 - attempt) + "次");
        }
        assertRefused(changePin(boss, key, "11223399", "20261123", "20261123"), 423, "CERTIFICATE_LOCKED",
                "证书密码错误次数过多，证书已锁定，请到主管税务机关解锁");
        assertRefused(changePin(boss, key, PIN, "20261123", "20261123"), 423, "CERTIFICATE_LOCKED",
                "证书密码错误次数过多，证书已锁定，请到主管税务机关解锁");
        assertThat(sign(key, "sm2", PIN).code()).isEqualTo("CERTIFICATE_LOCKED");
        assertThat(AccountIT.auditActions(GrantFixtures.personId(boss), "CERTIFICATE_PIN_CHANGE_REFUSED"))
                .hasSize(11).containsOnly("CERTIFICATE_PIN_INCORRECT", "CERTIFICATE_LOCKED");
    }

    @Test
    @DisplayName("a tax officer (办税人员, as the seeds say) sees the certificates and changes a PIN; once frozen he no longer acts")
    void taxOfficer() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = issueKey(e, "RSA", Duration.ofDays(-1), Duration.ofDays(700));
        Api boss = enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long grant = confirmedTaxOfficer(boss, e, officer);

        Api clerk = enterpriseLoggedIn(e.creditCode(), officer);
        Reply list = clerk.get(CERTIFICATES);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.json().getJsonArray("certificates").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("token")).containsExactly(key);
        assertThat(changePin(clerk, key, PIN, "20261123", "20261123").status()).isEqualTo(204);
        assertThat(AccountIT.auditActions(GrantFixtures.personId(clerk), "CERTIFICATE_PIN_CHANGED")).hasSize(1);
        assertThat(sign(key, "rsa", "20261123").status()).isEqualTo(200);

        // frozen by the legal representative, his open session no longer acts: refused before the key is asked
        Reply frozen = GrantFixtures.act(boss, e, grant, "freeze");
        assertThat(frozen.status()).as("freeze: %s", frozen).isIn(200, 204);
        assertRefused(changePin(clerk, key, "20261123", "Tax2026key", "Tax2026key"), 403, "CURRENT_IDENTITY_UNAVAILABLE",
                "您当前的身份已失效（授权或代理委托已被冻结、删除、取消或已过期），请重新登录");
        assertThat(clerk.get(CERTIFICATES).code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
        assertThat(sign(key, "rsa", "20261123").status()).isEqualTo(200);
    }

    // ----

    /** A new key on the simulated helper with a certificate for the enterprise, validity relative to the business clock. */
    static String issueKey(Enterprise e, String algorithm, Duration from, Duration until) {
        String token = "ent7-" + UUID.randomUUID().toString().substring(0, 8) + "-" + algorithm.toLowerCase();
        Instant now = Sim.now().toInstant();
        Reply r = Api.browser().post("/api/sim/cert-helper/tokens", Json.createObjectBuilder().add("token", token)
                .add("holder", EnterpriseCenterFixtures.companyName(e.creditCode())).add("creditCode", e.creditCode())
                .add("algorithm", algorithm).add("notBefore", now.plus(from).toString())
                .add("notAfter", now.plus(until).toString()).build());
        assertThat(r.status()).as("issue key: %s", r).isEqualTo(200);
        return token;
    }

    static JsonObject certificate(Api browser, String token) {
        Reply list = browser.get(CERTIFICATES);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        Optional<JsonObject> found = list.json().getJsonArray("certificates").getValuesAs(JsonObject.class).stream()
                .filter(c -> token.equals(c.getString("token"))).findFirst();
        assertThat(found).as("certificate on %s in %s", token, list.body()).isPresent();
        return found.get();
    }

    static Reply changePin(Api browser, String token, String oldPin, String newPin, String confirmPin) {
        return browser.post(CERTIFICATES + "/" + token + "/pin", pinBody(oldPin, newPin, confirmPin));
    }

    private static JsonObject pinBody(String oldPin, String newPin, String confirmPin) {
        return Json.createObjectBuilder().add("oldPin", oldPin).add("newPin", newPin).add("confirmPin", confirmPin).build();
    }

    static Reply sign(String token, String alias, String pin) {
        return Api.browser().post("/api/sim/cert-helper/tokens/" + token + "/sign", Json.createObjectBuilder()
                .add("alias", alias).add("pin", pin).add("data", "RU5ULTcgdGVzdA==").build());
    }

    /** The refusal a user sees: status, stable code and the seeds' message. */
    static void assertRefused(Reply r, int status, String code, String message) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isEqualTo(message);
    }
}
