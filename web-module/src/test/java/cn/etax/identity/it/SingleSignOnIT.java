package cn.etax.identity.it;

import cn.etax.identity.it.SwitchFixtures.TwoEnterprises;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static cn.etax.identity.it.SwitchFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API-2 single sign-on: the downstream demo application (a separate WAR on the same server, MicroProfile JWT alone,
 * keys from the JWKS) trusts the session's current identity and nothing else.
 */
class SingleSignOnIT {

    private static final String WHOAMI = "/downstream/api/whoami";
    private static final String ASSERTION = "/api/v1/me/assertion";
    private static final Duration LIFE = Duration.ofSeconds(PayaraMicro.ASSERTION_SECONDS);

    private static TwoEnterprises t;

    @BeforeAll
    static void enterprises() {
        t = SwitchFixtures.twoEnterprises();
    }

    @Test
    @DisplayName("API-2: the JWKS publishes the key that signed the session's assertion (ES256 on the platform token, RS256 or ES256 in memory)")
    void jwks() {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        Reply issued = browser.get(ASSERTION);
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        String kid = part(issued.string("assertion"), 0).getString("kid");

        Reply jwks = Api.browser().get("/api/v1/sso/jwks");

        assertThat(jwks.status()).as("%s", jwks).isEqualTo(200);
        assertThat(jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class))
                .anySatisfy(k -> {
                    assertThat(k.getString("kid")).isEqualTo(kid);
                    // ES256 from the platform token (the IT default) or the in-memory ES256 keys
                    // (IT_SSO_SIGNER=memory-es256); RS256 from the in-memory default (IT_SSO_SIGNER=memory)
                    assertThat(k.getString("kty")).isEqualTo(ItSettings.es256() ? "EC" : "RSA");
                    assertThat(k.getString("alg")).isEqualTo(ItSettings.es256() ? "ES256" : "RS256");
                    assertThat(k.containsKey("d")).as("no private part").isFalse();
                });
        JsonObject claims = part(issued.string("assertion"), 1);
        assertThat(claims.getString("iss")).isEqualTo("urn:etax:identity");
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
                .isEqualTo(LIFE.toSeconds());
        long iat = claims.getJsonNumber("iat").longValue();
        assertThat(claims.getJsonNumber("auth_time").longValue()).as("the login, moments before, in real time like "
                + "iat although the simulators moved the business clock (FreshWindows)").isBetween(iat - 120, iat);
        assertThat(Api.browser().get(ASSERTION).status()).as("no session, no assertion").isEqualTo(401);
    }

    @Test
    @DisplayName("API-2: a page of a downstream site in identity.allowed-origins reads the assertion with the "
            + "session (CORS with credentials), its 401 too; another site's page cannot read it")
    void downstream_page_reads_the_assertion() {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        Map<String, String> downstream = Map.of("Origin", PayaraMicro.DOWNSTREAM_ORIGIN);

        Reply issued = browser.send("GET", ASSERTION, null, downstream);

        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        assertThat(issued.header("Access-Control-Allow-Origin")).hasValue(PayaraMicro.DOWNSTREAM_ORIGIN);
        assertThat(issued.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(issued.string("assertion")).isNotBlank();
        Reply other = browser.send("GET", ASSERTION, null, Map.of("Origin", "http://elsewhere.example"));
        assertThat(other.header("Access-Control-Allow-Origin")).as("another site's page reads nothing").isEmpty();
        Reply anonymous = Api.browser().send("GET", ASSERTION, null, downstream);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Access-Control-Allow-Origin")).as("the page can tell 'not logged in'")
                .hasValue(PayaraMicro.DOWNSTREAM_ORIGIN);
    }

    @Test
    @DisplayName("API-2: the downstream application shows who acts for whom from the assertion, and the new "
            + "identity right after a switch")
    void downstream_follows_the_current_identity() {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        long personId = GrantFixtures.personId(browser);

        Reply shown = withBearer(browser.get(ASSERTION).string("assertion"));

        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        JsonObject who = shown.json();
        assertThat(who.getString("personId")).isEqualTo(Long.toString(personId));
        assertThat(who.getString("identityKind")).isEqualTo("ENTERPRISE");
        assertThat(who.getString("taxpayerCreditCode")).isEqualTo(t.a().creditCode());
        assertThat(who.getString("identityType")).isEqualTo("TAX_OFFICER");
        assertThat(strings(who, "permissions")).containsExactlyInAnyOrder("TAX_FILING_AND_PAYMENT", "TAX_QUERY");
        assertThat(who.getString("name")).isEqualTo(Fixtures.maskedName(t.p().name()));
        assertThat(who.getInt("realNameLevel")).isGreaterThan(0);
        assertThat(strings(who, "authenticationMethods")).contains("PASSWORD", "SMS_CODE");
        assertThat(who.getString("actingFor")).contains(t.a().creditCode()).contains("TAX_OFFICER");

        String before = browser.get(ASSERTION).string("assertion");
        Reply switched = SwitchFixtures.switchTo(browser, t.officerB());
        assertThat(switched.status()).isEqualTo(200);
        String next = browser.get(ASSERTION).string("assertion");
        assertThat(next).as("the previous identity's assertion is not handed out after the switch")
                .isNotEqualTo(before);
        JsonObject asked = withBearer(next).json();
        assertThat(asked.getString("taxpayerCreditCode")).as("the session hands out the new identity")
                .isEqualTo(t.b().creditCode());
        assertThat(asked.getString("identityType")).isEqualTo("TAX_OFFICER");

        assertThat(SwitchFixtures.switchToPersonal(browser).status()).isEqualTo(200);
        JsonObject personal = withBearer(browser.get(ASSERTION).string("assertion")).json();
        assertThat(personal.getString("identityKind")).isEqualTo("PERSONAL");
        assertThat(personal.containsKey("taxpayerCreditCode")).isFalse();
        assertThat(personal.getString("actingFor")).contains("personal business");
    }

    @Test
    @DisplayName("API-2, AGT-4: an agent's assertion names the client, the agency and the mandate downstream")
    void downstream_names_the_agents_client_and_agency() {
        GrantFixtures.Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        GrantFixtures.Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        long mandate = AgentLoginIT.recognisedMandates(agencyFirm, client)[0];
        Api agent = Api.browser();
        AgentLoginIT.SecondFactor chosen = AgentLoginIT.secondFactor(agent, agencyFirm.creditCode(),
                agencyFirm.legal());
        assertThat(AgentLoginIT.enter(agent, chosen, mandate).string("status")).isEqualTo("LOGGED_IN");

        Reply shown = withBearer(agent.get(ASSERTION).string("assertion"));

        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        JsonObject who = shown.json();
        assertThat(who.getString("identityKind")).isEqualTo("AGENT");
        assertThat(who.getString("taxpayerCreditCode")).isEqualTo(client.creditCode());
        assertThat(who.getString("agencyCreditCode")).isEqualTo(agencyFirm.creditCode());
        assertThat(who.get("mandateId").toString().replace("\"", "")).isEqualTo(Long.toString(mandate));
        assertThat(who.getString("actingFor")).contains("as agent of").contains(agencyFirm.creditCode());
    }

    @Test
    @DisplayName("API-2, LOGIN-4: a cross-region subject's assertion names the taxpayer and the subject downstream")
    void downstream_names_the_cross_region_subject() {
        GrantFixtures.Enterprise e = GrantFixtures.registerEnterprise();
        String number = SpecialLoginIT.pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());
        Api browser = Api.browser();
        AgentLoginIT.SecondFactor chosen = SpecialLoginIT.special(browser, "INSPECTION", e.creditCode(), e.legal());
        assertThat(SpecialLoginIT.enter(browser, chosen, SpecialLoginIT.idOf(SpecialLoginIT.subjects(chosen.reply()),
                number)).string("status")).isEqualTo("LOGGED_IN");

        Reply shown = withBearer(browser.get(ASSERTION).string("assertion"));

        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        JsonObject who = shown.json();
        assertThat(who.getString("identityKind")).isEqualTo("CROSS_REGION");
        assertThat(who.getString("taxpayerCreditCode")).isEqualTo(e.creditCode());
        assertThat(who.getString("crossRegionNumber")).isEqualTo(number);
        assertThat(who.getString("actingFor")).contains("as MAIN of INSPECTION " + number + " in 江西省九江市濂溪区");
    }

    @Test
    @DisplayName("API-2, LOGIN-10: a social-security fee payer's assertion reaches the fee collection system as the "
            + "payer, never as a person; his logout ends it there at once (LOGIN-9)")
    void downstream_names_the_fee_payer() {
        SocialSecurityLoginIT.Payer unit = SocialSecurityLoginIT.synced(SocialSecurityLoginIT.newUnit(), true);
        String username = SocialSecurityLoginIT.newUsername();
        assertThat(SocialSecurityLoginIT.setAccount(unit, username, Fixtures.PASSWORD).status()).isEqualTo(200);
        Api session = Api.browser();
        assertThat(SocialSecurityLoginIT.login(session, unit, username, Fixtures.PASSWORD).string("status"))
                .isEqualTo("LOGGED_IN");
        assertThat(session.get(ASSERTION).status()).as("no person's assertion for a fee payer").isEqualTo(403);

        Reply issued = session.get(SocialSecurityLoginIT.BASE + "/assertion");
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        Reply shown = withBearer(issued.string("assertion"));

        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        JsonObject who = shown.json();
        assertThat(who.getString("identityKind")).isEqualTo("SOCIAL_SECURITY");
        assertThat(who.getString("feePayerKind")).isEqualTo("UNIT");
        assertThat(who.getString("feePayer")).isEqualTo(unit.number());
        assertThat(who.getBoolean("purePayer")).isTrue();
        assertThat(who.getString("actingFor")).contains("pays social-security fees as UNIT fee payer " + unit.number());
        assertThat(who.getString("subject")).startsWith("fee-payer:");
        assertThat(who.containsKey("personId")).as("no person").isFalse();
        assertThat(Api.browser().get(SocialSecurityLoginIT.BASE + "/assertion").status()).as("no session")
                .isEqualTo(401);

        // LOGIN-9: the fee payer's logout reaches the fee collection system (its own logout address)
        assertThat(session.post(SocialSecurityLoginIT.BASE + "/logout", Json.createObjectBuilder().build()).status())
                .isEqualTo(204);
        Reply ended = withBearer(issued.string("assertion"));
        assertThat(ended.body()).as("ended, not expired: %s", ended).contains("\"error\":\"SESSION_ENDED\"");
    }

    @Test
    @DisplayName("API-2: an assertion states the identity as it stands: narrowed permissions as they are now; a grant "
            + "frozen since the login gets none, and its identity is no longer shown")
    void assertion_follows_the_grant_as_it_stands() {
        GrantFixtures.Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson officer = Fixtures.quickPerson();
        long grant = EnterpriseCenterFixtures.confirmedTaxOfficer(boss, e, officer);
        Api staff = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), officer);
        Reply first = staff.get(ASSERTION);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(strings(part(first.string("assertion"), 1), "permissions")).hasSizeGreaterThan(1);

        Reply narrowed = boss.send("PUT", EnterpriseCenterFixtures.STAFF + "/" + grant + "/permissions",
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add("TAX_QUERY")).build(),
                Map.of());
        assertThat(narrowed.status()).as("%s", narrowed).isEqualTo(200);
        Reply second = staff.get(ASSERTION);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.string("assertion")).as("not the kept one").isNotEqualTo(first.string("assertion"));
        assertThat(strings(part(second.string("assertion"), 1), "permissions"))
                .containsExactly("TAX_QUERY");
        assertThat(strings(staff.get("/api/v1/me/identity").json(), "permissions"))
                .containsExactly("TAX_QUERY");

        Reply frozen = boss.post(EnterpriseCenterFixtures.STAFF + "/" + grant + "/freeze",
                Json.createObjectBuilder().build());
        assertThat(frozen.status()).as("%s", frozen).isEqualTo(200);
        for (String path : java.util.List.of(ASSERTION, "/api/v1/me/identity")) {
            Reply refused = staff.get(path);
            assertThat(refused.status()).as("%s %s", path, refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CURRENT_IDENTITY_UNAVAILABLE");
            assertThat(refused.message()).isEqualTo("您当前的身份已失效（授权或代理委托已被冻结、删除、取消或已过期），请重新登录");
        }
    }

    @Test
    @DisplayName("API-2: a wrong signature or a changed claim is rejected; no assertion is no access")
    void forged_assertions_are_rejected() throws GeneralSecurityException {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.invoicerA());
        String genuine = browser.get(ASSERTION).string("assertion");
        assertThat(withBearer(genuine).status()).as("the genuine one passes").isEqualTo(200);

        String[] parts = genuine.split("\\.");
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String resigned = parts[0] + "." + parts[1] + "." + sign(parts[0] + "." + parts[1], otherKey);
        assertThat(withBearer(resigned).status()).as("signed by a key not in the JWKS").isEqualTo(401);

        JsonObject claims = part(genuine, 1);
        String promoted = encode(Json.createObjectBuilder(claims).add("identity_type", "LEGAL_REPRESENTATIVE").build());
        assertThat(withBearer(parts[0] + "." + promoted + "." + parts[2]).status()).as("a changed claim")
                .isEqualTo(401);

        assertThat(Api.browser().get(WHOAMI).status()).as("no assertion at all").isEqualTo(401);
    }

    @Test
    @DisplayName("API-2: an expired assertion, and one replayed after logout once its short life is over, are "
            + "rejected")
    void expired_and_replayed_after_logout() throws InterruptedException {
        Api browser = SwitchFixtures.enterpriseLogin(t.b().creditCode(), t.p(), t.officerB());
        Reply issued = browser.get(ASSERTION);
        String assertion = issued.string("assertion");
        Instant expires = Instant.parse(issued.string("expiresAt"));
        assertThat(withBearer(assertion).status()).isEqualTo(200);

        assertThat(browser.post("/api/v1/login/logout", Json.createObjectBuilder().build()).status())
                .isBetween(200, 204);
        assertThat(browser.get(ASSERTION).status()).as("no new assertion after logout").isEqualTo(401);

        assertThat(withBearer(assertion).status()).as("replayed after logout (back-channel logout)").isEqualTo(401);
        sleepUntil(expires.plusSeconds(1));
        assertThat(withBearer(assertion).status()).as("replayed after logout, life over").isEqualTo(401);

        Api other = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        Reply fresh = other.get(ASSERTION);
        sleepUntil(Instant.parse(fresh.string("expiresAt")).plusSeconds(1));
        assertThat(withBearer(fresh.string("assertion")).status()).as("expired while the session lives")
                .isEqualTo(401);
        Reply renewed = other.get(ASSERTION);
        assertThat(renewed.string("assertion")).as("a living session gets a new one").isNotEqualTo(
                fresh.string("assertion"));
        assertThat(withBearer(renewed.string("assertion")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("LOGIN-9, API-2: logout ends the login downstream at once (back-channel logout): its assertion is "
            + "refused before it expires; the same person's other login goes on; a switch keeps the login's sid")
    void logout_tells_downstream_applications() {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        Api other = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        String before = browser.get(ASSERTION).string("assertion");
        assertThat(SwitchFixtures.switchTo(browser, t.officerB()).status()).isEqualTo(200);
        String kept = other.get(ASSERTION).string("assertion");
        Reply issued = browser.get(ASSERTION);
        String assertion = issued.string("assertion");
        String sid = part(assertion, 1).getString("sid");
        assertThat(sid).as("the switch stays in the login").isEqualTo(part(before, 1).getString("sid"));
        assertThat(part(kept, 1).getString("sid")).as("another login").isNotEqualTo(sid);
        assertThat(withBearer(assertion).status()).isEqualTo(200);

        assertThat(browser.post("/api/v1/login/logout", Json.createObjectBuilder().build()).status())
                .isBetween(200, 204);

        Reply refused = withBearer(assertion);
        assertThat(refused.status()).as("%s", refused).isEqualTo(401);
        assertThat(refused.body()).as("ended, not expired: %s", refused).contains("\"error\":\"SESSION_ENDED\"");
        assertThat(withBearer(other.get(ASSERTION).string("assertion")).status()).as("the other login")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("LOGIN-9, ASVS 3.3.3: a password changed in one session ends the person's other logins downstream "
            + "at once, not at their next request on the portal; the login it was changed in goes on")
    void password_change_ends_the_other_logins_downstream() {
        TestPerson p = Fixtures.quickPerson();
        Api changer = Api.browser();
        assertThat(changer.login(p).string("status")).isEqualTo("LOGGED_IN");
        Api elsewhere = Api.browser();
        assertThat(elsewhere.login(p).string("status")).isEqualTo("LOGGED_IN");
        String mine = changer.get(ASSERTION).string("assertion");
        String theirs = elsewhere.get(ASSERTION).string("assertion");
        assertThat(withBearer(theirs).status()).isEqualTo(200);

        String changed = "Neu#2026sso";
        Reply change = changer.send("PUT", "/api/v1/me/password", Json.createObjectBuilder()
                .add("oldPassword", Fixtures.PASSWORD).add("password", changed).add("confirmation", changed).build(),
                Map.of());
        assertThat(change.status()).as("%s", change).isEqualTo(204);

        Reply refused = refusedWithin(theirs, Duration.ofSeconds(3));
        assertThat(refused.body()).as("ended, not expired: %s", refused).contains("\"error\":\"SESSION_ENDED\"");
        assertThat(withBearer(mine).status()).as("the login the change was made in").isEqualTo(200);
    }

    @Test
    @DisplayName("LOGIN-9, RULE-LOCK: the fifth wrong old password locks the account and ends the guessing login "
            + "downstream at once, not at its next request")
    void lock_by_wrong_old_passwords_ends_the_login_downstream() {
        TestPerson p = Fixtures.quickPerson();
        Api guessing = Api.browser();
        assertThat(guessing.login(p).string("status")).isEqualTo("LOGGED_IN");
        for (int i = 1; i <= 4; i++) {
            assertThat(wrongOldPassword(guessing, i).code()).isEqualTo("OLD_PASSWORD_WRONG");
        }
        // taken just before the fifth, so that the assertion's short life (4 s here) outlasts the wait below
        String assertion = guessing.get(ASSERTION).string("assertion");
        assertThat(withBearer(assertion).status()).isEqualTo(200);

        Reply fifth = wrongOldPassword(guessing, 5);
        assertThat(fifth.code()).as("%s", fifth).isEqualTo("ACCOUNT_LOCKED");

        Reply refused = refusedWithin(assertion, Duration.ofSeconds(3));
        assertThat(refused.body()).as("ended, not expired: %s", refused).contains("\"error\":\"SESSION_ENDED\"");
    }

    @Test
    @DisplayName("LOGIN-9: the downstream application takes only a genuine logout token: an assertion posted as one, "
            + "or a logout token signed by another key, is 400 invalid_request and ends nothing")
    void downstream_takes_only_genuine_logout_tokens() throws GeneralSecurityException {
        Api browser = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.invoicerA());
        String assertion = browser.get(ASSERTION).string("assertion");
        JsonObject claims = part(assertion, 1);

        Reply asAssertion = postLogoutToken(assertion);
        assertThat(asAssertion.status()).as("%s", asAssertion).isEqualTo(400);
        assertThat(asAssertion.json().getString("error")).isEqualTo("invalid_request");

        String header = encode(Json.createObjectBuilder(part(assertion, 0)).add("typ", "logout+jwt").build());
        String body = encode(Json.createObjectBuilder().add("iss", claims.getString("iss"))
                .add("aud", claims.getJsonArray("aud")).add("sub", claims.getString("sub"))
                .add("sid", claims.getString("sid")).add("iat", Instant.now().getEpochSecond())
                .add("jti", "forged-1").add("events", Json.createObjectBuilder()
                        .add("http://schemas.openid.net/event/backchannel-logout", Json.createObjectBuilder()))
                .build());
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Reply forged = postLogoutToken(header + "." + body + "." + sign(header + "." + body, otherKey));
        assertThat(forged.status()).as("%s", forged).isEqualTo(400);

        assertThat(withBearer(assertion).status()).as("the login goes on downstream").isEqualTo(200);
    }

    private static Reply wrongOldPassword(Api session, int attempt) {
        return session.send("PUT", "/api/v1/me/password", Json.createObjectBuilder()
                .add("oldPassword", "Wrong@2026x" + attempt).add("password", "Neu#2026sso")
                .add("confirmation", "Neu#2026sso").build(), Map.of());
    }

    /** Asks the downstream application with {@code assertion} until it refuses it, at most {@code within}. */
    private static Reply refusedWithin(String assertion, Duration within) {
        Instant until = Instant.now().plus(within);
        Reply reply = withBearer(assertion);
        while (reply.status() == 200 && Instant.now().isBefore(until)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            reply = withBearer(assertion);
        }
        assertThat(reply.status()).as("refused within %s: %s", within, reply).isEqualTo(401);
        return reply;
    }

    private static Reply postLogoutToken(String token) {
        return Api.browser().sendRaw("POST", "/downstream/api/backchannel-logout",
                "application/x-www-form-urlencoded", "logout_token=" + token, Map.of());
    }

    private static Reply withBearer(String assertion) {
        return Api.browser().send("GET", WHOAMI, null, Map.of("Authorization", "Bearer " + assertion));
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static JsonObject part(String token, int index) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8))).readObject();
    }

    private static String encode(JsonObject o) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String input, PrivateKey key) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }
}
