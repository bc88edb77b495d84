package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-6 over REST for the tests: keys issued on the simulated certificate helper under a tax CA the platform trusts,
 * the challenge, the key's signature made by the helper after the PIN, and the steps after it.
 */
final class CertificateLogins {

    static final String CHALLENGE = "/api/v1/login/certificate/challenge";
    static final String SIGNATURE = "/api/v1/login/certificate/signature";
    static final String STAFF = "/api/v1/login/certificate/staff";
    static final String PIN = "12345678";

    private CertificateLogins() {
    }

    /** A new key of the enterprise under a trusted tax CA, valid from a day ago for two years; answers its token. */
    static String trustedKey(Enterprise e, String algorithm) {
        return key(e.creditCode(), EnterpriseCenterFixtures.companyName(e.creditCode()), algorithm, true,
                Duration.ofDays(-1), Duration.ofDays(730));
    }

    static String key(String creditCode, String holder, String algorithm, boolean trusted, Duration from, Duration until) {
        String token = "login6-" + UUID.randomUUID().toString().substring(0, 8) + "-" + algorithm.toLowerCase();
        // validity is judged at the business time and the chain's revocation at the real time (other tests move the
        // business clock ahead): a key valid "from a day ago" must be valid at both
        Instant business = Sim.now().toInstant();
        Instant now = business.isBefore(Instant.now()) ? business : Instant.now();
        Reply r = Api.browser().post("/api/sim/cert-helper/tokens", Json.createObjectBuilder().add("token", token)
                .add("holder", holder).add("creditCode", creditCode).add("algorithm", algorithm)
                .add("notBefore", now.plus(from).toString()).add("notAfter", now.plus(until).toString())
                .add("trusted", trusted).build());
        assertThat(r.status()).as("issue key: %s", r).isEqualTo(200);
        return token;
    }

    /** The alias of a token's key: issued keys carry one, named after the algorithm. */
    static String alias(String token) {
        return token.endsWith("-sm2") ? "sm2" : "rsa";
    }

    /** Step 1: a challenge for the browser's flow. */
    static Reply challenge(Api browser) {
        Reply r = browser.post(CHALLENGE, Json.createObjectBuilder().build());
        assertThat(r.status()).as("challenge: %s", r).isEqualTo(200);
        return r;
    }

    /** What the helper answers when the key signs {@code data} (Base64) after the PIN: signature and certificate. */
    static Reply sign(String token, String pin, String data) {
        return Api.browser().post("/api/sim/cert-helper/tokens/" + token + "/sign", Json.createObjectBuilder()
                .add("alias", alias(token)).add("pin", pin).add("data", data).build());
    }

    /** Step 2: the signature and the certificate presented for the flow. */
    static Reply present(Api browser, String flowToken, String certificate, String signature) {
        return browser.post(SIGNATURE, Json.createObjectBuilder().add("flowToken", flowToken)
                .add("certificate", certificate).add("signature", signature).build());
    }

    /** Steps 1 and 2 with the key: challenge, signed by the helper with the PIN, presented. */
    static Certified certify(Api browser, String token) {
        Reply challenge = challenge(browser);
        Reply signed = sign(token, PIN, challenge.string("challenge"));
        assertThat(signed.status()).as("sign: %s", signed).isEqualTo(200);
        String flow = challenge.string("flowToken");
        return new Certified(flow, present(browser, flow, signed.string("certificate"), signed.string("signature")));
    }

    /** Step 3: the staff identity chosen. */
    static Reply chooseStaff(Api browser, String flowToken, long grantId) {
        return browser.post(STAFF, Json.createObjectBuilder().add("flowToken", flowToken).add("grantId", grantId).build());
    }

    /** The whole login with the key as {@code staff}'s identity {@code grantId}: answers the SMS step's reply. */
    static Reply login(Api browser, String token, long grantId, TestPerson staff) {
        Certified certified = certify(browser, token);
        assertThat(certified.reply().status()).as("signature: %s", certified.reply()).isEqualTo(200);
        Reply started = chooseStaff(browser, certified.flowToken(), grantId);
        assertThat(started.status()).as("staff: %s", started).isEqualTo(200);
        assertThat(browser.sendCode(certified.flowToken()).status()).isEqualTo(204);
        return browser.smsStep(certified.flowToken(), Sim.latestCode(staff.phone()));
    }

    /** The grant id of the staff member listed as {@code identityType} with the masked name of {@code p}. */
    static long listed(Reply certified, TestPerson p, String identityType) {
        return certified.json().getJsonArray("staff").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("identityType").equals(identityType)
                        && s.getString("name").equals(Fixtures.maskedName(p.name())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + identityType + " in " + certified.body()))
                .getJsonNumber("grantId").longValue();
    }

    record Certified(String flowToken, Reply reply) {
    }
}
