package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.etax.identity.it.CertificateLogins.PIN;
import static cn.etax.identity.it.CertificateLogins.certify;
import static cn.etax.identity.it.CertificateLogins.challenge;
import static cn.etax.identity.it.CertificateLogins.chooseStaff;
import static cn.etax.identity.it.CertificateLogins.listed;
import static cn.etax.identity.it.CertificateLogins.present;
import static cn.etax.identity.it.CertificateLogins.sign;
import static cn.etax.identity.it.CertificateLogins.trustedKey;
import static cn.etax.identity.it.EnterpriseCertificatesIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-6 数字证书登录 through the REST API on the running application: the platform's one-time challenge, signed by
 * the key on the (simulated) certificate helper after its PIN; signature, chain to the tax CA roots, validity and
 * revocation checked through the certificate connector; the certificate mapped to its taxpayer; 选择办税人员; then
 * that person's second factor (RULE-2FA). Every test issues keys of its own under a tax CA the platform trusts.
 */
@DisplayName("LOGIN-6 certificate login: challenge, signature, chain, staff identity, second factor")
class CertificateLoginIT {

    static final String IDENTITY = "/api/v1/me/identity";

    @Test
    @DisplayName("an SM2 and an RSA certificate each log the legal representative in after his SMS code; the "
            + "session acts for the certificate's taxpayer and says it was a certificate login")
    void sm2AndRsa() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        for (String algorithm : List.of("SM2", "RSA")) {
            String key = trustedKey(e, algorithm);
            Api browser = Api.browser();
            CertificateLogins.Certified certified = certify(browser, key);
            Reply accepted = certified.reply();
            assertThat(accepted.status()).as("%s: %s", algorithm, accepted).isEqualTo(200);
            assertThat(accepted.string("holder")).isEqualTo(EnterpriseCenterFixtures.companyName(e.creditCode()));
            assertThat(accepted.string("creditCode")).isEqualTo(e.creditCode());
            assertThat(accepted.string("algorithm")).isEqualTo(algorithm);
            assertThat(accepted.string("taxpayerName")).startsWith("账户").contains("*");
            // the legal representative is offered; the finance officer's grant is still pending and is not
            List<JsonObject> staff = accepted.json().getJsonArray("staff").getValuesAs(JsonObject.class);
            assertThat(staff).extracting(s -> s.getString("identityType")).containsExactly("LEGAL_REPRESENTATIVE");
            assertThat(staff.get(0).getString("name")).isEqualTo(Fixtures.maskedName(e.legal().name()));
            assertThat(staff.get(0).getString("idNumber")).contains("*").doesNotContain(e.legal().idNumber());
            assertThat(browser.get(IDENTITY).status()).as("no session before the second factor").isEqualTo(401);

            long grant = listed(accepted, e.legal(), "LEGAL_REPRESENTATIVE");
            Reply started = chooseStaff(browser, certified.flowToken(), grant);
            assertThat(started.status()).as("%s", started).isEqualTo(200);
            assertThat(started.string("phone")).isEqualTo(Fixtures.maskedPhone(e.legal().phone()));
            assertThat(browser.get(IDENTITY).status()).as("the certificate alone is not enough (RULE-2FA)").isEqualTo(401);
            assertThat(browser.sendCode(certified.flowToken()).status()).isEqualTo(204);
            Reply done = browser.smsStep(certified.flowToken(), Sim.latestCode(e.legal().phone()));
            assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");

            JsonObject me = browser.get(IDENTITY).json();
            assertThat(me.getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
            assertThat(me.getJsonObject("taxpayer").getString("creditCode")).isEqualTo(e.creditCode());
            assertThat(me.getString("name")).isEqualTo(Fixtures.maskedName(e.legal().name()));
            JsonObject claims = claims(browser.get("/api/v1/me/assertion").string("assertion"));
            assertThat(claims.getJsonArray("amr").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                    .containsExactly("CERTIFICATE", "SMS_CODE");
            JsonObject last = browser.get("/api/v1/me/enterprise/login-log").jsonArray().getJsonObject(0)
                    .getJsonObject("login");
            assertThat(last.getString("entry")).isEqualTo("ENTERPRISE");
            assertThat(last.getString("method")).isEqualTo("CERTIFICATE");
            assertThat(last.getString("outcome")).isEqualTo("SUCCESS");
        }
    }

    @Test
    @DisplayName("the QR face check in the tax app is the second factor too: a failed face check logs nobody in, a "
            + "passed one logs the chosen identity in")
    void qrSecondFactor() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "SM2");
        Api browser = Api.browser();
        CertificateLogins.Certified certified = certify(browser, key);
        String flow = certified.flowToken();
        assertThat(chooseStaff(browser, flow, listed(certified.reply(), e.legal(), "LEGAL_REPRESENTATIVE")).status())
                .isEqualTo(200);

        Reply failedQr = startQr(browser, flow);
        Fixtures.TaxApp.scanAndDecide(failedQr.string("qrToken"), false);
        Reply failed = browser.post("/api/v1/login/qr/complete", jakarta.json.Json.createObjectBuilder()
                .add("flowToken", flow).build());
        assertThat(failed.code()).as("%s", failed).isEqualTo("FACE_CHECK_FAILED");
        assertThat(browser.get(IDENTITY).status()).isEqualTo(401);

        Reply qr = startQr(browser, flow);
        Fixtures.TaxApp.scanAndDecide(qr.string("qrToken"), true);
        Reply done = browser.post("/api/v1/login/qr/complete", jakarta.json.Json.createObjectBuilder()
                .add("flowToken", flow).build());
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        assertThat(browser.get(IDENTITY).json().getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
        JsonObject claims = claims(browser.get("/api/v1/me/assertion").string("assertion"));
        assertThat(claims.getJsonArray("amr").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("CERTIFICATE", "TAX_APP_FACE");
    }

    @Test
    @DisplayName("no staff choice before the key signed, no second factor before the choice, no session before the code")
    void stepsInOrder() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "SM2");
        Api browser = Api.browser();
        String flow = challenge(browser).string("flowToken");
        Reply early = chooseStaff(browser, flow, 1L);
        assertThat(early.code()).as("%s", early).isEqualTo("FLOW_NOT_VERIFIED");
        assertThat(browser.sendCode(flow).code()).isEqualTo("FLOW_NOT_VERIFIED");

        CertificateLogins.Certified certified = certify(browser, key);
        assertThat(browser.sendCode(certified.flowToken()).code()).as("no person chosen yet").isEqualTo("FLOW_NOT_VERIFIED");
        Reply qr = browser.post("/api/v1/login/qr", jakarta.json.Json.createObjectBuilder()
                .add("flowToken", certified.flowToken()).add("app", "TAX_APP").build());
        assertThat(qr.code()).isEqualTo("FLOW_NOT_VERIFIED");
        long grant = listed(certified.reply(), e.legal(), "LEGAL_REPRESENTATIVE");
        assertThat(chooseStaff(browser, certified.flowToken(), grant).status()).isEqualTo(200);
        Reply unsent = browser.smsStep(certified.flowToken(), "000000");
        assertThat(unsent.status()).isEqualTo(400);
        assertThat(unsent.code()).as("no code was sent to guess").isEqualTo("SMS_CODE_NOT_SENT");
        assertThat(browser.sendCode(certified.flowToken()).status()).isEqualTo(204);
        Reply wrong = browser.smsStep(certified.flowToken(), "000000".equals(Sim.latestCode(e.legal().phone()))
                ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(browser.get(IDENTITY).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a challenge serves one signature: presented again it is used up; another flow's signature does not fit; "
            + "an expired one is refused")
    void challengeOnce() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "RSA");
        Api browser = Api.browser();
        Reply challenge = challenge(browser);
        String flow = challenge.string("flowToken");
        String prefix = "etax-identity-certificate-login:";
        String text = new String(Base64.getDecoder().decode(challenge.string("challenge")), StandardCharsets.US_ASCII);
        assertThat(text).as("signed for this platform's login only").startsWith(prefix);
        assertThat(Base64.getUrlDecoder().decode(text.substring(prefix.length())).length).as("≥ 128 random bits")
                .isGreaterThanOrEqualTo(16);
        assertThat(challenge(Api.browser()).string("challenge")).isNotEqualTo(challenge.string("challenge"));
        Reply signed = sign(key, PIN, challenge.string("challenge"));
        assertThat(present(browser, flow, signed.string("certificate"), signed.string("signature")).status()).isEqualTo(200);
        assertRefused(present(browser, flow, signed.string("certificate"), signed.string("signature")), 401,
                "CERTIFICATE_CHALLENGE_USED", "本次证书登录验证已使用，请重新登录");

        // replayed into another login: that flow's challenge differs, the signature does not verify, and is used up
        Api attacker = Api.browser();
        String other = challenge(attacker).string("flowToken");
        assertRefused(present(attacker, other, signed.string("certificate"), signed.string("signature")), 400,
                "SIGNATURE_INVALID", "签名验证失败");
        assertThat(present(attacker, other, signed.string("certificate"), signed.string("signature")).code())
                .isEqualTo("CERTIFICATE_CHALLENGE_USED");
        assertThat(attacker.get(IDENTITY).status()).isEqualTo(401);

        Reply late = challenge(browser);
        Reply lateSigned = sign(key, PIN, late.string("challenge"));
        Sim.moveClock(Duration.ofSeconds(61));
        assertRefused(present(browser, late.string("flowToken"), lateSigned.string("certificate"),
                lateSigned.string("signature")), 401, "CERTIFICATE_CHALLENGE_EXPIRED", "证书登录验证已超时，请重新登录");
    }

    @Test
    @DisplayName("eight parallel presentations of one signature: exactly one is accepted, the others find the challenge used")
    void parallelPresentations() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "SM2");
        Api browser = Api.browser();
        Reply challenge = challenge(browser);
        Reply signed = sign(key, PIN, challenge.string("challenge"));
        String body = jakarta.json.Json.createObjectBuilder().add("flowToken", challenge.string("flowToken"))
                .add("certificate", signed.string("certificate")).add("signature", signed.string("signature")).build()
                .toString();
        List<CompletableFuture<Reply>> replies = IntStream.range(0, 8).mapToObj(i -> Api.browser().postAsync(
                CertificateLogins.SIGNATURE, jakarta.json.Json.createReader(new StringReader(body)).readObject())).toList();
        List<Reply> done = replies.stream().map(CompletableFuture::join).toList();
        assertThat(done).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(done).filteredOn(r -> r.status() != 200).extracting(Reply::code).containsOnly("CERTIFICATE_CHALLENGE_USED");
    }

    @Test
    @DisplayName("a certificate of an unknown CA, an expired or revoked one, a tampered signature and a certificate of an "
            + "unregistered taxpayer each get their own message, no session, and an audit record")
    void refusedCertificates() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String holder = EnterpriseCenterFixtures.companyName(e.creditCode());

        String foreign = CertificateLogins.key(e.creditCode(), holder, "SM2", false, Duration.ofDays(-1), Duration.ofDays(700));
        assertRefusedLogin(foreign, null, 400, "CERTIFICATE_UNTRUSTED", "证书不是税务机关认可的数字证书");

        String expired = CertificateLogins.key(e.creditCode(), holder, "RSA", true, Duration.ofDays(-400), Duration.ofDays(-2));
        assertRefusedLogin(expired, null, 400, "CERTIFICATE_EXPIRED", "证书已过期");

        String unregistered = TaxpayerSyncIT.newCreditCode();
        String stranger = CertificateLogins.key(unregistered, "未登记的示例企业", "SM2", true, Duration.ofDays(-1),
                Duration.ofDays(700));
        assertRefusedLogin(stranger, null, 404, "CERTIFICATE_TAXPAYER_NOT_FOUND",
                "未查询到该数字证书对应的纳税人信息，请到主管税务机关核实");

        String own = trustedKey(e, "SM2");
        assertRefusedLogin(own, "tamper", 400, "SIGNATURE_INVALID", "签名验证失败");

        // the demo tax CA's revoked certificate: refused on the chain, before its signature is even looked at
        String revoked = Api.browser().get("/api/sim/cert-helper/certificates").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("token").equals("demo-revoked")).findFirst().orElseThrow()
                .getString("certificate");
        Api browser = Api.browser();
        String flow = challenge(browser).string("flowToken");
        assertRefused(present(browser, flow, revoked, Base64.getEncoder().encodeToString(new byte[64])), 400,
                "CERTIFICATE_REVOKED", "证书已被吊销");
        assertThat(refusals(revoked)).containsExactly("CERTIFICATE_REVOKED");

        Reply malformed = present(Api.browser(), challenge(Api.browser()).string("flowToken"), "not base64!", "AAAA");
        assertThat(malformed.code()).isEqualTo("CERTIFICATE_MALFORMED");
    }

    @Test
    @DisplayName("选择办税人员: a confirmed tax officer logs in with only his permissions; a frozen one is listed, refused "
            + "with the seeds' message and another identity chosen in the same login; another taxpayer's grant is refused")
    void staffChoice() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "RSA");
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long officerGrant = EnterpriseCenterFixtures.confirmedTaxOfficer(boss, e, officer);

        Api browser = Api.browser();
        Reply done = CertificateLogins.login(browser, key, officerGrant, officer);
        assertThat(done.string("status")).as("%s", done).isEqualTo("LOGGED_IN");
        JsonObject me = browser.get(IDENTITY).json();
        assertThat(me.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(me.getJsonArray("permissions").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(browser.get(EnterpriseCenterFixtures.STAFF).code()).as("he may not manage staff")
                .isEqualTo("ENTERPRISE_MANAGER_REQUIRED");

        Reply frozen = GrantFixtures.act(boss, e, officerGrant, "freeze");
        assertThat(frozen.status()).as("freeze: %s", frozen).isIn(200, 204);
        Api again = Api.browser();
        CertificateLogins.Certified certified = certify(again, key);
        JsonObject listedOfficer = certified.reply().json().getJsonArray("staff").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonNumber("grantId").longValue() == officerGrant).findFirst().orElseThrow();
        assertThat(listedOfficer.getString("state")).isEqualTo("FROZEN");
        assertRefused(chooseStaff(again, certified.flowToken(), officerGrant), 403, "ENTERPRISE_IDENTITY_FROZEN",
                "您选择的办税人已经被锁定，请选择其他办税人");
        long foreignGrant = EnterpriseCenterFixtures.confirmedTaxOfficer(
                EnterpriseCenterFixtures.enterpriseLoggedIn(other.creditCode(), other.legal()), other, Fixtures.quickPerson());
        assertThat(chooseStaff(again, certified.flowToken(), foreignGrant).code()).isEqualTo("ENTERPRISE_IDENTITY_UNAVAILABLE");
        long legal = listed(certified.reply(), e.legal(), "LEGAL_REPRESENTATIVE");
        assertThat(chooseStaff(again, certified.flowToken(), legal).status()).isEqualTo(200);
        assertThat(again.sendCode(certified.flowToken()).status()).isEqualTo(204);
        assertThat(again.smsStep(certified.flowToken(), Sim.latestCode(e.legal().phone())).string("status"))
                .isEqualTo("LOGGED_IN");
        assertThat(again.get(IDENTITY).json().getString("identityType")).isEqualTo("LEGAL_REPRESENTATIVE");
    }

    @Test
    @DisplayName("an identity frozen after it was chosen is refused when the second factor completes, and logged as a failure")
    void frozenBeforeSecondFactor() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String key = trustedKey(e, "SM2");
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long grant = EnterpriseCenterFixtures.confirmedTaxOfficer(boss, e, officer);

        Api browser = Api.browser();
        CertificateLogins.Certified certified = certify(browser, key);
        assertThat(chooseStaff(browser, certified.flowToken(), grant).status()).isEqualTo(200);
        assertThat(browser.sendCode(certified.flowToken()).status()).isEqualTo(204);
        assertThat(GrantFixtures.act(boss, e, grant, "freeze").status()).isIn(200, 204);
        Reply refused = browser.smsStep(certified.flowToken(), Sim.latestCode(officer.phone()));
        assertRefused(refused, 403, "ENTERPRISE_IDENTITY_FROZEN", "您选择的办税人已经被锁定，请选择其他办税人");
        assertThat(browser.get(IDENTITY).status()).isEqualTo(401);
        JsonObject failure = boss.get("/api/v1/me/enterprise/login-log?scope=all").jsonArray().getValuesAs(JsonObject.class)
                .stream().map(r -> r.getJsonObject("login")).filter(l -> "FAILURE".equals(l.getString("outcome")))
                .findFirst().orElseThrow();
        assertThat(failure.getString("method")).isEqualTo("CERTIFICATE");
    }

    // ----

    /** The whole signature step with the key refused: the message, no session, the refusal audited. */
    private static void assertRefusedLogin(String token, String tamper, int status, String code, String message) {
        Api browser = Api.browser();
        Reply challenge = challenge(browser);
        Reply signed = sign(token, PIN, challenge.string("challenge"));
        assertThat(signed.status()).as("sign: %s", signed).isEqualTo(200);
        String signature = signed.string("signature");
        if (tamper != null) {
            byte[] bytes = Base64.getDecoder().decode(signature);
            bytes[bytes.length / 2] ^= 0x5A;
            signature = Base64.getEncoder().encodeToString(bytes);
        }
        assertRefused(present(browser, challenge.string("flowToken"), signed.string("certificate"), signature), status, code,
                message);
        assertThat(browser.get(IDENTITY).status()).isEqualTo(401);
        assertThat(refusals(signed.string("certificate"))).containsExactly(code);
    }

    private static Reply startQr(Api browser, String flow) {
        Reply qr = browser.post("/api/v1/login/qr", jakarta.json.Json.createObjectBuilder().add("flowToken", flow)
                .add("app", "TAX_APP").build());
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        return qr;
    }

    /** The audited refusals of a certificate (its SHA-256 names it; no signature or PIN is kept). */
    private static List<String> refusals(String certificate) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getMimeDecoder().decode(certificate)));
            return AccountIT.auditActionsOn("certificate:" + digest.substring(0, 16), "CERTIFICATE_LOGIN_REFUSED");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject claims(String jwt) {
        byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return jakarta.json.Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }
}
