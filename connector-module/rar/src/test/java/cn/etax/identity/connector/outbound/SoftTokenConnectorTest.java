package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.CertificateRejectedException;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import cn.etax.identity.connector.token.DemoCertificateAuthority;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * §9, LOGIN-6, ENT-7: the adapter without a container (the non-managed factory and a managed connection driven by
 * hand), on the demo tax CA's Bouncy Castle soft tokens — SM2 and RSA.
 */
class SoftTokenConnectorTest {

    private static final char[] PIN = DemoCertificateAuthority.DEMO_PIN.toCharArray();
    private static final byte[] CHALLENGE = "TAX-LOGIN|c2VjcmV0LW5vbmNl|https://etax.example|2026-11-23T10:00:00Z"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path base;

    private TokenManagedConnectionFactory managed;
    private TokenConnectionFactory factory;

    /** One demo set per class (RSA key generation is slow), copied for every test. */
    @TempDir
    static Path template;

    @BeforeAll
    static void writeDemoSet() throws Exception {
        DemoCertificateAuthority.installDemo(template.resolve("tokens"), template.resolve("roots"), template.resolve("crls"), Instant.now());
    }

    @BeforeEach
    void demoSet() throws Exception {
        try (var files = Files.walk(template)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = base.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        managed = Connectors.managedFactory(base, 3);
        managed.setDemoCertificates("true");
        factory = Connectors.unmanaged(managed);
    }

    @Test
    void listsTheDemoTokensAndTheirCertificatesWithoutAPin() throws Exception {
        try (TokenConnection connection = factory.getConnection("demo-sm2")) {
            assertThat(connection.tokens()).containsExactly("demo-expired", "demo-revoked", "demo-rsa", "demo-sm2", "platform");
            List<TokenCertificate> certificates = connection.certificates();
            assertThat(certificates).hasSize(1);
            CertificateInfo sm2 = certificates.get(0).certificate();
            assertThat(certificates.get(0).alias()).isEqualTo("sm2");
            assertThat(sm2.keyAlgorithm()).isEqualTo("SM2");
            assertThat(sm2.subjectAttribute("SERIALNUMBER")).isEqualTo("91350100M000100Y43");
            assertThat(sm2.subjectAttribute("CN")).isEqualTo("福州示例科技有限公司");
            assertThat(sm2.issuer()).contains("SM2");
        }
    }

    @Test
    void signsWithSm2AndRsaAndVerifiesThroughTheConnector() throws Exception {
        for (String[] token : new String[][] {{"demo-sm2", "sm2"}, {"demo-rsa", "rsa"}}) {
            try (TokenConnection connection = factory.getConnection(token[0])) {
                byte[] certificate = connection.certificates().get(0).certificate().encoded();
                connection.login(PIN);
                byte[] signature = connection.sign(token[1], CHALLENGE);
                assertThat(connection.verify(certificate, CHALLENGE, signature)).as(token[0]).isTrue();
                byte[] tampered = CHALLENGE.clone();
                tampered[0] ^= 1;
                assertThat(connection.verify(certificate, tampered, signature)).as(token[0] + " tampered").isFalse();
                assertThat(connection.verify(certificate, CHALLENGE, new byte[] {1, 2, 3})).isFalse();
            }
        }
    }

    @Test
    void thePlatformTokenHoldsItsSm2KeyAndTheEcAndRsaKeysForAssertionsUnderTheTaxCaRoots() throws Exception {
        try (TokenConnection connection = factory.getConnection("platform")) {
            List<TokenCertificate> certificates = connection.certificates();
            assertThat(certificates).extracting(TokenCertificate::alias).containsExactlyInAnyOrder("sm2", "es256", "es256-2", "rs256");
            connection.login(PIN);
            for (TokenCertificate certificate : certificates) {
                byte[] encoded = certificate.certificate().encoded();
                assertThat(connection.validate(List.of(encoded), Instant.now()).subjectAttribute("SERIALNUMBER"))
                        .isEqualTo("PLATFORM");
                byte[] signature = connection.sign(certificate.alias(), CHALLENGE);
                assertThat(connection.verify(encoded, CHALLENGE, signature)).as(certificate.alias()).isTrue();
            }
            assertThat(certificates).filteredOn(c -> c.alias().equals("es256")).first()
                    .satisfies(c -> assertThat(c.certificate().keyAlgorithm()).isEqualTo("EC"));
            // API-2: JWS ES256 wants R||S, 64 bytes for P-256
            assertThat(connection.sign("es256", "SHA256withECDSAinP1363Format", CHALLENGE)).hasSize(64);
        }
    }

    @Test
    void signingNeedsALogin() throws Exception {
        try (TokenConnection connection = factory.getConnection("demo-sm2")) {
            assertThatThrownBy(() -> connection.sign("sm2", CHALLENGE)).isInstanceOf(TokenException.class)
                    .hasMessageContaining("log in");
        }
    }

    @Test
    void validatesChainsAgainstTheTaxCaRootsWithValidityAndRevocation() throws Exception {
        try (TokenConnection connection = factory.getConnection()) {
            Instant now = Instant.now();
            CertificateInfo valid = connection.validate(List.of(certificate("demo-sm2")), now);
            assertThat(valid.subjectAttribute("SERIALNUMBER")).isEqualTo("91350100M000100Y43");
            assertThat(connection.validate(List.of(certificate("demo-rsa")), now).keyAlgorithm()).isEqualTo("RSA");
            assertRejected(connection, certificate("demo-revoked"), now, CertificateRejectedException.Reason.REVOKED);
            assertRejected(connection, certificate("demo-expired"), now, CertificateRejectedException.Reason.EXPIRED);
            assertRejected(connection, certificate("demo-sm2"), now.plus(Duration.ofDays(800)), CertificateRejectedException.Reason.EXPIRED);
            // a business clock days ahead of the real one (the simulators'): validity at that day, revocation as of now
            assertThat(connection.validate(List.of(certificate("demo-rsa")), now.plus(Duration.ofDays(3))).keyAlgorithm()).isEqualTo("RSA");
            assertRejected(connection, certificate("demo-revoked"), now.plus(Duration.ofDays(3)), CertificateRejectedException.Reason.REVOKED);

            DemoCertificateAuthority foreign = DemoCertificateAuthority.create("Foreign CA", "SM2", now);
            byte[] foreignCertificate = foreign.issue("外地公司", "91110108351303601C", "SM2", now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(30))).certificate().getEncoded();
            assertRejected(connection, foreignCertificate, now, CertificateRejectedException.Reason.UNTRUSTED);
            assertRejected(connection, new byte[] {0x30, 0x03, 1, 2, 3}, now, CertificateRejectedException.Reason.MALFORMED);
        }
    }

    @Test
    void withoutACrlAndWithoutAnOcspClientACertificateIsRefusedNotAcceptedUnchecked() throws Exception {
        try (var crls = Files.list(base.resolve("crls"))) {
            for (Path crl : (Iterable<Path>) crls::iterator) {
                Files.delete(crl);
            }
        }
        try (TokenConnection connection = factory.getConnection()) {
            assertRejected(connection, certificate("demo-sm2"), Instant.now(),
                    CertificateRejectedException.Reason.REVOCATION_UNKNOWN);
        }
        managed.setRevocationChecker(RefusingResponder.class.getName());
        try (TokenConnection connection = factory.getConnection()) {
            assertThat(connection.validate(List.of(certificate("demo-sm2")), Instant.now()).keyAlgorithm())
                    .isEqualTo("SM2");
        }
    }

    @Test
    void anOcspClientPlugsInAsARevocationChecker() throws Exception {
        managed.setRevocationChecker(RefusingResponder.class.getName());
        try (TokenConnection connection = factory.getConnection()) {
            assertRejected(connection, certificate("demo-rsa"), Instant.now(), CertificateRejectedException.Reason.REVOKED);
            assertThat(connection.validate(List.of(certificate("demo-sm2")), Instant.now()).keyAlgorithm()).isEqualTo("SM2");
        }
    }

    @Test
    void locksTheTokenAfterTheConfiguredWrongPinsAndTheLockSurvivesARestart() throws Exception {
        try (TokenConnection connection = factory.getConnection("demo-rsa")) {
            assertThatThrownBy(() -> connection.login("00000000".toCharArray())).isInstanceOf(PinIncorrectException.class)
                    .satisfies(e -> assertThat(((PinIncorrectException) e).remainingAttempts()).isEqualTo(2));
            assertThatThrownBy(() -> connection.login("11111111".toCharArray())).isInstanceOf(PinIncorrectException.class)
                    .satisfies(e -> assertThat(((PinIncorrectException) e).remainingAttempts()).isEqualTo(1));
            assertThatThrownBy(() -> connection.login("22222222".toCharArray())).isInstanceOf(TokenLockedException.class);
            // even the right PIN: a locked key stays locked
            assertThatThrownBy(() -> connection.login(PIN)).isInstanceOf(TokenLockedException.class);
            assertThat(connection.pinStatus().locked()).isTrue();
        }
        // a new factory over the same directories = a restarted server
        TokenConnectionFactory restarted = Connectors.unmanaged(Connectors.managedFactory(base, 3));
        try (TokenConnection connection = restarted.getConnection("demo-rsa")) {
            assertThatThrownBy(() -> connection.login(PIN)).isInstanceOf(TokenLockedException.class);
            assertThatThrownBy(() -> connection.changePin(PIN, "87654321".toCharArray())).isInstanceOf(TokenLockedException.class);
        }
        // other tokens are not affected
        try (TokenConnection connection = restarted.getConnection("demo-sm2")) {
            connection.login(PIN);
            assertThat(connection.pinStatus().remainingAttempts()).isEqualTo(3);
        }
    }

    @Test
    void aRightPinClearsTheCount() throws Exception {
        try (TokenConnection connection = factory.getConnection("demo-sm2")) {
            assertThatThrownBy(() -> connection.login("00000000".toCharArray())).isInstanceOf(PinIncorrectException.class);
            assertThat(connection.pinStatus().remainingAttempts()).isEqualTo(2);
            connection.login(PIN);
            assertThat(connection.pinStatus().remainingAttempts()).isEqualTo(3);
        }
    }

    @Test
    void changesThePinAndCountsAWrongOldPin() throws Exception {
        char[] newPin = "20261123".toCharArray();
        try (TokenConnection connection = factory.getConnection("demo-sm2")) {
            assertThatThrownBy(() -> connection.changePin("99999999".toCharArray(), newPin)).isInstanceOf(PinIncorrectException.class);
            assertThat(connection.pinStatus().remainingAttempts()).isEqualTo(2);
            connection.changePin(PIN, newPin);
            assertThat(connection.pinStatus().remainingAttempts()).isEqualTo(3);
            assertThatThrownBy(() -> connection.login(PIN)).isInstanceOf(PinIncorrectException.class);
            connection.login(newPin);
            byte[] signature = connection.sign("sm2", CHALLENGE);
            assertThat(connection.verify(connection.certificates().get(0).certificate().encoded(), CHALLENGE, signature)).isTrue();
        }
    }

    @Test
    void cleanupLogsOutAndInvalidatesTheHandlesBeforeThePoolReusesTheConnection() throws Exception {
        TokenManagedConnection physical = (TokenManagedConnection) managed.createManagedConnection(null, new TokenRequest("demo-sm2"));
        List<ConnectionEvent> events = new ArrayList<>();
        physical.addConnectionEventListener(new Recorder(events));

        TokenConnection first = (TokenConnection) physical.getConnection(null, new TokenRequest("demo-sm2"));
        first.login(PIN);
        assertThat(first.sign("sm2", CHALLENGE)).isNotEmpty();
        assertThat(physical.loggedIn()).isTrue();
        first.close();
        assertThat(events).extracting(ConnectionEvent::getId).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.get(0).getConnectionHandle()).isSameAs(first);
        physical.cleanup();
        assertThat(physical.loggedIn()).isFalse();
        assertThatThrownBy(() -> first.sign("sm2", CHALLENGE)).hasMessageContaining("closed");

        // the next user of the same physical connection finds no login
        TokenConnection second = (TokenConnection) physical.getConnection(null, new TokenRequest("demo-sm2"));
        assertThatThrownBy(() -> second.sign("sm2", CHALLENGE)).hasMessageContaining("log in");
        // a handle still open when the pool cleans up is cut off too
        second.login(PIN);
        physical.cleanup();
        assertThat(physical.loggedIn()).isFalse();
        assertThatThrownBy(() -> second.sign("sm2", CHALLENGE)).hasMessageContaining("closed");
        physical.destroy();
        assertThatThrownBy(() -> physical.getConnection(null, new TokenRequest("demo-sm2"))).hasMessageContaining("destroyed");
    }

    @Test
    void transactionsAreRefusedAndEqualConfigurationsMatch() throws Exception {
        TokenManagedConnection physical = (TokenManagedConnection) managed.createManagedConnection(null, null);
        assertThatThrownBy(physical::getXAResource).isInstanceOf(jakarta.resource.NotSupportedException.class);
        assertThatThrownBy(physical::getLocalTransaction).isInstanceOf(jakarta.resource.NotSupportedException.class);
        TokenManagedConnectionFactory same = Connectors.managedFactory(base, 3);
        same.setDemoCertificates("true");
        assertThat(same).isEqualTo(managed).hasSameHashCodeAs(managed);
        assertThat(managed.matchManagedConnections(java.util.Set.of(physical), null, new TokenRequest("demo-rsa"))).isSameAs(physical);
        assertThat(same.matchManagedConnections(java.util.Set.of(physical), null, null)).isSameAs(physical);
        TokenManagedConnectionFactory other = Connectors.managedFactory(base.resolve("elsewhere"), 3);
        assertThat(other.matchManagedConnections(java.util.Set.of(physical), null, null)).isNull();
        physical.destroy();
        assertThat(managed.matchManagedConnections(java.util.Set.of(physical), null, null)).isNull();
    }

    @Test
    void propertiesNameSystemProperties() {
        System.setProperty("connector.test.dir", "/srv/etax");
        assertThat(TokenManagedConnectionFactory.resolve("${connector.test.dir}/certificates")).isEqualTo("/srv/etax/certificates");
        assertThat(TokenManagedConnectionFactory.resolve("${connector.test.absent:data}/certificates")).isEqualTo("data/certificates");
        assertThat(TokenManagedConnectionFactory.resolve("plain")).isEqualTo("plain");
    }

    private byte[] certificate(String token) throws TokenException {
        try (TokenConnection connection = factory.getConnection(token)) {
            return connection.certificates().get(0).certificate().encoded();
        }
    }

    private static void assertRejected(TokenConnection connection, byte[] certificate, Instant at, CertificateRejectedException.Reason reason) {
        assertThatThrownBy(() -> connection.validate(List.of(certificate), at)).isInstanceOf(CertificateRejectedException.class)
                .satisfies(e -> assertThat(((CertificateRejectedException) e).reason()).isEqualTo(reason));
    }

    private record Recorder(List<ConnectionEvent> events) implements ConnectionEventListener {

        @Override
        public void connectionClosed(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            events.add(event);
        }
    }
}
