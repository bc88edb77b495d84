package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.sso.application.AssertionIssuer;
import cn.etax.identity.sso.application.AssertionSigner;
import cn.etax.identity.sso.application.RotatingKeySigner;
import cn.etax.identity.sso.application.SigningKey;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API-2, §9: {@code GET /api/v1/me/assertion} never hands out who the person was before a login or switch — not
 * when the platform token cannot sign, not when a request raced the switch.
 */
class SingleSignOnTest {

    private static final Instant LOGGED_IN_AT = Instant.now().minusSeconds(10);

    private final Map<String, Object> attributes = new HashMap<>();

    @Test
    void aFailedSignatureLeavesNoAssertionOfThePreviousIdentityInTheSession() {
        Switchable signer = new Switchable();
        SingleSignOn sso = signingWith(signer);
        HttpServletRequest request = request();

        Assertion before = sso.issue(request, person(77));
        assertThat(kept()).isEqualTo(before);
        assertThat(sso.current(request, person(77))).as("kept while half its life is left").isEqualTo(before);

        signer.broken = true;
        assertThatThrownBy(() -> sso.issue(request, person(78))).isInstanceOf(ServiceBusyException.class)
                .hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(attributes).doesNotContainKey(SingleSignOn.ASSERTION);
        assertThatThrownBy(() -> sso.current(request, person(78))).as("asked again, still unavailable")
                .isInstanceOf(ServiceBusyException.class);

        signer.broken = false;
        Assertion after = sso.current(request, person(78));
        assertThat(after.token()).isNotEqualTo(before.token());
        assertThat(kept()).isEqualTo(after);
    }

    @Test
    void aNewLoginInTheSameSessionNeverHandsOutTheEarlierPersonsAssertion() {
        SingleSignOn sso = signingWith(new Switchable());
        HttpServletRequest request = request();
        Assertion first = sso.current(request, person(77));
        assertThat(kept()).as("signed when first asked for").isEqualTo(first);

        sso.forget(request); // Sessions.login: another person logs in on this session

        assertThat(attributes).doesNotContainKey(SingleSignOn.ASSERTION);
        Assertion second = sso.current(request, person(78));
        assertThat(second.token()).isNotEqualTo(first.token());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(second.token().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"78\"");
    }

    @Test
    void anAssertionStoredByARequestThatRacedASwitchIsNeverHandedOutForTheNewIdentity() {
        SingleSignOn sso = signingWith(new Switchable());
        HttpServletRequest request = request();
        AuthenticatedPerson officer = person(77);
        AuthenticatedPerson personal = new AuthenticatedPerson(77, "李四", 3, officer.methods(),
                officer.authenticatedAt(), null);
        AuthenticatedPerson invoicer = new AuthenticatedPerson(77, "李四", 3, officer.methods(),
                officer.authenticatedAt(), new EnterpriseIdentity(5, 9, "91360100MA35XXXX0X", "某公司",
                IdentityType.INVOICER, Set.of(Permission.INVOICE_ISSUE)));

        // a GET /api/v1/me/assertion read the personal identity, the switch to the invoicer dropped the kept one
        // and replaced the identity, then the GET stored the personal assertion it had signed
        sso.forget(request);
        Assertion stale = sso.issue(request, personal);

        Assertion handed = sso.current(request, invoicer);
        assertThat(handed.token()).as("signed anew for the identity current now").isNotEqualTo(stale.token());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(handed.token().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"identity_type\":\"INVOICER\"");
        assertThat(sso.current(request, invoicer)).as("then kept").isEqualTo(handed);
    }

    /** Assertions of 120 s, as the platform's defaults issue them. */
    private static SingleSignOn signingWith(AssertionSigner signer) {
        SingleSignOn sso = new SingleSignOn();
        sso.issuer = new AssertionIssuer(signer, Duration.ofSeconds(120), "urn:etax:identity", "etax-tax-applications",
                Clock.systemUTC());
        sso.logins = new LoginSessions();
        sso.logins.backChannel = new BackChannelLogout();
        sso.logins.endedAccounts = new cn.etax.identity.account.application.EndedAccounts();
        sso.logins.issuer = sso.issuer;
        return sso;
    }

    private Assertion kept() {
        return ((SingleSignOn.Kept) attributes.get(SingleSignOn.ASSERTION)).assertion();
    }

    private static AuthenticatedPerson person(long id) {
        return new AuthenticatedPerson(id, "李四", 3, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE),
                LOGGED_IN_AT, null);
    }

    /** A signer standing for the platform token: works, or answers as a token that cannot sign. */
    private static final class Switchable implements AssertionSigner {
        private final RotatingKeySigner keys = new RotatingKeySigner(Duration.ofMinutes(60), Clock.systemUTC());
        boolean broken;

        @Override
        public SigningKey current() {
            if (broken) {
                throw new ServiceBusyException("PLATFORM_SIGNER_UNAVAILABLE");
            }
            return keys.current();
        }

        @Override
        public List<JsonObject> publishedKeys() {
            return keys.publishedKeys();
        }
    }

    private HttpServletRequest request() {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> session;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
