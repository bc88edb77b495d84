package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.sso.application.AssertionIssuer;
import cn.etax.identity.sso.application.RotatingKeySigner;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-9: which logins the end of an account's sessions tells downstream — that account's, opened before the moment,
 * and not the session whose own password change it was; nobody else's, whatever state their sessions are in.
 */
class LoginSessionsTest {

    private static final Instant LOGGED_IN = Instant.now().minusSeconds(60);

    private final List<String> told = new ArrayList<>();
    private final EndedAccounts ended = new EndedAccounts();
    private final LoginSessions logins = new LoginSessions();

    LoginSessionsTest() {
        logins.endedAccounts = ended;
        logins.issuer = new AssertionIssuer(new RotatingKeySigner(Duration.ofMinutes(60), Clock.systemUTC()),
                Duration.ofSeconds(120), "urn:etax:identity", "etax-tax-applications", Clock.systemUTC());
        logins.backChannel = new BackChannelLogout() {
            @Override
            public CompletableFuture<Void> loggedOut(LoginSession login) {
                told.add(login.subject() + "/" + login.sid());
                return CompletableFuture.completedFuture(null);
            }
        };
        ended.onEnded(logins::accountEnded);
    }

    @Test
    void onlyTheLoginsOfTheAccountWhoseSessionsEndedAreTold() {
        HttpSession first = session(person(7));
        HttpSession second = session(person(7));
        HttpSession other = session(person(8));
        LoginSession a = logins.of(first, "7", false);
        LoginSession b = logins.of(second, "7", false);
        LoginSession c = logins.of(other, "8", false);

        ended.locked(SessionsEnded.ofPerson(7, Instant.now()));

        assertThat(told).containsExactlyInAnyOrder("7/" + a.sid(), "7/" + b.sid());
        assertThat(first.getAttribute(LoginSessions.ATTRIBUTE)).as("a later assertion is another login's").isNull();
        assertThat(logins.of(other, "8", false)).as("another account's login goes on").isEqualTo(c);
        assertThat(logins.end(first)).isCompleted();
        assertThat(told).as("told once").hasSize(2);
    }

    @Test
    void anotherAccountsEndLeavesALoginAloneWhoseOwnChangeIsNotMarkedYet() {
        EndedAccounts racing = new EndedAccounts();
        logins.endedAccounts = racing;
        HttpSession changing = session(person(9));
        LoginSession login = logins.of(changing, "9", false);
        // person 9 changed his password in this session a moment ago: the account's record has moved (the request that
        // changed it kept this session), the session's own mark is not set yet
        racing.locked(SessionsEnded.ofPerson(9, Instant.now()));
        racing.onEnded(logins::accountEnded);

        racing.locked(SessionsEnded.ofPerson(10, Instant.now()));

        assertThat(told).as("person 10's end looks at person 10's logins only").isEmpty();
        assertThat(changing.getAttribute(LoginSessions.ATTRIBUTE)).isEqualTo(login);
    }

    @Test
    void anotherRequestOfASessionChangingItsPasswordDoesNotEndItMeanwhile() {
        HttpSession changing = session(person(12));
        LoginSession login = logins.of(changing, "12", false);
        CurrentSession.passwordChanging(changing, true);

        // the change's own moment, recorded before its request can mark the session, seen from another request
        ended.onEnded((event, callerMayGoOn) -> assertThat(CurrentSession.ended(changing, ended)).isFalse());
        ended.locked(SessionsEnded.ofPerson(12, Instant.now()));

        assertThat(told).isEmpty();
        assertThat(changing.getAttribute(LoginSessions.ATTRIBUTE)).isEqualTo(login);
        CurrentSession.passwordChanging(changing, false);
        assertThat(CurrentSession.ended(changing, ended)).as("once the change is over, what it did decides").isTrue();
    }

    @Test
    void aSessionThatEndsIsToldOnceHoweverItEnds() {
        HttpSession session = session(person(11));
        LoginSession login = logins.of(session, "11", false);

        logins.end(session);
        logins.end(session);
        ended.locked(SessionsEnded.ofPerson(11, Instant.now()));

        assertThat(told).containsExactly("11/" + login.sid());
    }

    private static AuthenticatedPerson person(long id) {
        return new AuthenticatedPerson(id, "李四", 3, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE), LOGGED_IN,
                null);
    }

    private static HttpSession session(AuthenticatedPerson person) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(CurrentSession.PERSON, person);
        return (HttpSession) Proxy.newProxyInstance(LoginSessionsTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
