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

/** API-2, §9: the platform signer logs in per signature, signs on the token and always hands the connection back. */
class PlatformSignerTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void signsWithTheConfiguredKeyAndClosesTheConnection() {
        PlatformSigner signer = signer("platform", "sm2", "12345678");
        byte[] signature = signer.sign("assertion".getBytes(StandardCharsets.UTF_8), "SM3withSM2");
        assertThat(new String(signature, StandardCharsets.UTF_8)).isEqualTo("sm2/SM3withSM2/assertion");
        assertThat(calls).containsExactly("open platform", "login 12345678", "close");
        assertThat(signer.key().algorithm()).isEqualTo("SM2");
        assertThat(signer.key().certificate()).containsExactly(7);
    }

    @Test
    void aWrongPinOrAMissingKeyOrNoConfigurationIsTheOperatorsProblemNotTheCallers() {
        assertThatThrownBy(() -> signer("platform", "sm2", "00000000").sign(new byte[] {1}, null))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThat(calls).endsWith("close");
        assertThatThrownBy(() -> signer("platform", "rsa", "12345678").sign(new byte[] {1}, null))
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
        assertThatThrownBy(() -> signer(null, "sm2", "12345678").key())
                .isInstanceOf(ServiceBusyException.class).hasMessage("PLATFORM_SIGNER_UNAVAILABLE");
    }

    private PlatformSigner signer(String token, String alias, String pin) {
        PlatformSigner signer = new PlatformSigner();
        signer.tokens = new FakeTokens();
        signer.pins = new PlatformPinGuard();
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
                    if (!loggedIn) {
                        throw new TokenException("log in first");
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
