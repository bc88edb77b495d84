package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.PinStatus;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.shared.ServiceBusyException;
import org.junit.jupiter.api.Test;

import javax.naming.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API-2, §9: the platform signer logs in once per kept session and signs on the token; the PIN is presented again only
 * for a new session, a refused PIN never, and failed sessions are closed.
 */
class PlatformSignerTest {

    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final PlatformPinGuard pins = new PlatformPinGuard();
    private final PlatformSessions sessions = PlatformSigners.sessions(new FakeTokens(), pins, 2);

    @Test
    void signsWithTheConfiguredKeyOnOneSessionLoggedInOnceAndLogsItOutAtTheEnd() {
        PlatformSigner signer = signer("platform", "sm2", "12345678");
        byte[] signature = signer.sign("assertion".getBytes(StandardCharsets.UTF_8), "SM3withSM2");
        assertThat(new String(signature, StandardCharsets.UTF_8)).isEqualTo("sm2/SM3withSM2/assertion");
        signer.sign("second".getBytes(StandardCharsets.UTF_8), null);
        signer.sign("third".getBytes(StandardCharsets.UTF_8), null);
        assertThat(calls).containsExactly("open platform", "login 12345678");
        assertThat(sessions.idleSessions()).isEqualTo(1);
        sessions.closeAll();
        assertThat(calls).containsExactly("open platform", "login 12345678", "close");
        assertThat(signer.key().algorithm()).isEqualTo("SM2");
        assertThat(signer.key().certificate()).containsExactly(7);
    }

    @Test
    void parallelSignaturesOpenNoMoreSessionsThanConfigured() throws Exception {
        PlatformSigner signer = signer("platform", "sm2", "12345678");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] data = ("n" + i).getBytes(StandardCharsets.UTF_8);
            results.add(pool.submit(() -> signer.sign(data, "SM3withSM2")));
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(new String(results.get(i).get(), StandardCharsets.UTF_8)).isEqualTo("sm2/SM3withSM2/n" + i);
        }
        pool.shutdown();
        assertThat(calls.stream().filter(c -> c.startsWith("login")).count()).isBetween(1L, 2L);
        assertThat(sessions.idleSessions()).isBetween(1, 2);
    }

    @Test
    void aSessionTheTokenEndedIsReplacedByANewLogin() {
        PlatformSigner signer = signer("platform", "sm2", "12345678");
        signer.sign(new byte[] {1}, null);
        tokenRestarted = true; // the kept session's login is gone
        assertThat(new String(signer.sign("again".getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8))
                .isEqualTo("sm2/default/again");
        assertThat(calls).containsExactly("open platform", "login 12345678", "close", "open platform",
                "login 12345678");
    }

    @Test
    void aWrongPinOrAMissingKeyOrNoConfigurationIsTheOperatorsProblemNotTheCallers() {
        assertThatThrownBy(() -> signer("platform", "sm2", "00000000").sign(new byte[] {1}, null))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(calls).containsExactly("open platform", "login 00000000", "close");
        // the refused PIN is not presented again: no second login, no step towards the token's lock
        assertThatThrownBy(() -> signer("platform", "sm2", "00000000").sign(new byte[] {1}, null))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(calls.stream().filter(c -> c.startsWith("login")).count()).isEqualTo(1);
        assertThatThrownBy(() -> signer("platform", "rsa", "12345678").sign(new byte[] {1}, null))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(calls).endsWith("close");
        assertThat(sessions.idleSessions()).isZero();
        assertThatThrownBy(() -> signer(null, "sm2", "12345678").key())
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
    }

    private volatile boolean tokenRestarted;

    private PlatformSigner signer(String token, String alias, String pin) {
        PlatformSigner signer = new PlatformSigner();
        signer.tokens = new FakeTokens();
        signer.sessions = sessions;
        signer.token = Optional.ofNullable(token);
        signer.alias = Optional.ofNullable(alias);
        signer.pin = Optional.ofNullable(pin);
        return signer;
    }

    /** One soft token "platform" with an SM2 key "sm2" and the PIN 12345678. */
    private final class FakeTokens implements TokenConnectionFactory {

        @Override
        public TokenConnection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenConnection getConnection(String token) {
            calls.add("open " + token);
            return new TokenConnection() {
                private boolean loggedIn;

                @Override
                public List<String> tokens() {
                    return List.of("platform");
                }

                @Override
                public String token() {
                    return token;
                }

                @Override
                public List<TokenCertificate> certificates() {
                    return List.of(new TokenCertificate(token, "sm2", new CertificateInfo("CN=platform", "CN=ca", "01", "SM2",
                            Instant.EPOCH, Instant.EPOCH, new byte[] {7})));
                }

                @Override
                public PinStatus pinStatus() {
                    return new PinStatus(10, 10, false);
                }

                @Override
                public void login(char[] pin) throws TokenException {
                    calls.add("login " + new String(pin));
                    if (!"12345678".equals(new String(pin))) {
                        throw new PinIncorrectException(token, 9);
                    }
                    loggedIn = true;
                }

                @Override
                public byte[] sign(String alias, byte[] data) throws TokenException {
                    return sign(alias, "default", data);
                }

                @Override
                public byte[] sign(String alias, String algorithm, byte[] data) throws TokenException {
                    if (tokenRestarted) {
                        tokenRestarted = false;
                        loggedIn = false;
                    }
                    if (!loggedIn) {
                        throw new TokenException("log in first");
                    }
                    if (!"sm2".equals(alias)) {
                        throw new TokenException("no key " + alias);
                    }
                    return (alias + "/" + algorithm + "/" + new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public void changePin(char[] oldPin, char[] newPin) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean verify(byte[] certificate, byte[] data, byte[] signature) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CertificateInfo validate(List<byte[]> chain, Instant at) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CertificateInfo describe(byte[] certificate) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        }

        @Override
        public Reference getReference() {
            return null;
        }
    }
}
