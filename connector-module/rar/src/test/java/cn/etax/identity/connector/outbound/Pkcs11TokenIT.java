package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import cn.etax.identity.connector.token.DemoCertificateAuthority;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * §9, LOGIN-6, ENT-7 against a real PKCS#11 module: a SoftHSM2 token created for this run (RSA-2048 and EC P-256
 * keys with certificates of a demo RSA tax CA). SoftHSM2 never locks a PIN, so the lockout seen here is the
 * adapter's; the PIN change goes through C_SetPIN (the wrapper), signatures through SunPKCS11.
 */
class Pkcs11TokenIT {

    private static final String LABEL = "etax-it";
    private static final String PIN = "12345678";
    private static final byte[] DATA = "TAX-LOGIN|nonce|https://etax.example".getBytes(StandardCharsets.UTF_8);

    private static DemoCertificateAuthority ca;

    @TempDir
    Path base;

    @BeforeAll
    static void token() throws Exception {
        // skipped on a developer's machine without the packages; CI (.ci/run installs them) must never skip it
        assertThat(SoftHsm.available() || System.getenv("CI") == null)
                .as("CI=true but SoftHSM2 + OpenSC are missing or SOFTHSM2_CONF is unset").isTrue();
        assumeTrue(SoftHsm.available(), "SoftHSM2 + OpenSC not installed (apt-get install softhsm2 opensc) or SOFTHSM2_CONF unset");
        SoftHsm.prepare();
        SoftHsm.initToken(LABEL, PIN);
        Instant now = Instant.now();
        ca = DemoCertificateAuthority.create("PKCS#11 test tax CA", "RSA", now);
        DemoCertificateAuthority.Issued rsa = ca.issue("北京示例信息技术有限公司", "91110108351303601C", "RSA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        DemoCertificateAuthority.Issued ec = ca.issue("北京示例信息技术有限公司", "91110108351303601C", "EC", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        SoftHsm.importKey(LABEL, PIN, "01", "rsa", rsa.keys().getPrivate(), rsa.certificate());
        SoftHsm.importKey(LABEL, PIN, "02", "ec", ec.keys().getPrivate(), ec.certificate());
    }

    private TokenManagedConnectionFactory configured(Path state, int maxPinAttempts) throws Exception {
        Files.createDirectories(base.resolve("roots"));
        Files.writeString(base.resolve("roots/ca.crt"), DemoCertificateAuthority.pem(ca.root()));
        // the CA's current (empty) CRL: without one, revocation is unknown and every certificate refused
        Files.createDirectories(base.resolve("crls"));
        Files.write(base.resolve("crls/ca.crl"), ca.crl(List.of(), Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))).getEncoded());
        TokenManagedConnectionFactory factory = Connectors.managedFactory(base, maxPinAttempts);
        factory.setPkcs11Library(SoftHsm.LIBRARY);
        factory.setPkcs11TokenLabel(LABEL);
        factory.setStateDirectory(state.toString());
        factory.setLoginWaitSeconds(1);
        return factory;
    }

    @Test
    void listsSignsVerifiesAndValidatesWithKeysThatStayOnTheToken() throws Exception {
        TokenConnectionFactory factory = Connectors.unmanaged(configured(base.resolve("state"), 5));
        try (TokenConnection connection = factory.getConnection(LABEL)) {
            assertThat(connection.tokens()).contains(LABEL);
            List<TokenCertificate> certificates = connection.certificates();
            assertThat(certificates).extracting(TokenCertificate::alias).containsExactly("ec", "rsa");
            assertThat(certificates).extracting(c -> c.certificate().keyAlgorithm()).containsExactly("EC", "RSA");
            connection.login(PIN.toCharArray());
            for (TokenCertificate certificate : certificates) {
                byte[] signature = connection.sign(certificate.alias(), DATA);
                assertThat(connection.verify(certificate.certificate().encoded(), DATA, signature)).as(certificate.alias()).isTrue();
                assertThat(connection.verify(certificate.certificate().encoded(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
                CertificateInfo valid = connection.validate(List.of(certificate.certificate().encoded()), Instant.now());
                assertThat(valid.subjectAttribute("SERIALNUMBER")).isEqualTo("91110108351303601C");
            }
            // a JWS-ready (P1363) ECDSA signature for a platform signer
            assertThat(connection.sign("ec", "SHA256withECDSAinP1363Format", DATA)).hasSize(64);
        }
    }

    @Test
    void anEs256AssertionSignatureComesFromTheDerSignatureTheAssertionSignerAsksFor() throws Exception {
        // API-2, §9: the token assertion signer asks for SHA256withECDSA (DER, what every back end can do) and turns
        // it into the JWS R||S form; here the DER comes from SoftHSM2 through SunPKCS11
        TokenConnectionFactory factory = Connectors.unmanaged(configured(base.resolve("state-jws"), 5));
        try (TokenConnection connection = factory.getConnection(LABEL)) {
            TokenCertificate ec = connection.certificates().stream().filter(c -> c.alias().equals("ec")).findFirst().orElseThrow();
            connection.login(PIN.toCharArray());
            byte[] der = connection.sign("ec", "SHA256withECDSA", DATA);
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            byte[] jws = new byte[64];
            for (int i = 0; i < 2; i++) {
                byte[] value = BigIntegers.asUnsignedByteArray(32,
                        ASN1Integer.getInstance(sequence.getObjectAt(i)).getPositiveValue());
                System.arraycopy(value, 0, jws, 32 * i, 32);
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(ec.certificate().encoded())).getPublicKey());
            verifier.update(DATA);
            assertThat(verifier.verify(jws)).isTrue();
        }
    }

    @Test
    void locksAfterTheConfiguredWrongPinsThoughSoftHsmNeverDoesAndStaysLockedAfterARestart() throws Exception {
        Path state = base.resolve("lock-state");
        TokenConnectionFactory factory = Connectors.unmanaged(configured(state, 3));
        try (TokenConnection connection = factory.getConnection(LABEL)) {
            assertThatThrownBy(() -> connection.login("00000000".toCharArray())).isInstanceOf(PinIncorrectException.class);
            assertThatThrownBy(() -> connection.login("00000001".toCharArray())).isInstanceOf(PinIncorrectException.class)
                    .satisfies(e -> assertThat(((PinIncorrectException) e).remainingAttempts()).isEqualTo(1));
            assertThatThrownBy(() -> connection.login("00000002".toCharArray())).isInstanceOf(TokenLockedException.class);
            assertThatThrownBy(() -> connection.login(PIN.toCharArray())).isInstanceOf(TokenLockedException.class);
        }
        TokenConnectionFactory restarted = Connectors.unmanaged(configured(state, 3));
        try (TokenConnection connection = restarted.getConnection(LABEL)) {
            assertThat(connection.pinStatus().locked()).isTrue();
            assertThatThrownBy(() -> connection.login(PIN.toCharArray())).isInstanceOf(TokenLockedException.class);
        }
        // the same token under a fresh counter (another test's state) still takes the right PIN: SoftHSM itself never locked
        try (TokenConnection connection = Connectors.unmanaged(configured(base.resolve("other-state"), 3)).getConnection(LABEL)) {
            connection.login(PIN.toCharArray());
        }
    }

    @Test
    void changesThePinThroughCSetPin() throws Exception {
        TokenConnectionFactory factory = Connectors.unmanaged(configured(base.resolve("pin-state"), 5));
        char[] newPin = "24681357".toCharArray();
        try (TokenConnection connection = factory.getConnection(LABEL)) {
            assertThatThrownBy(() -> connection.changePin("99999999".toCharArray(), newPin)).isInstanceOf(PinIncorrectException.class);
            connection.changePin(PIN.toCharArray(), newPin);
            assertThatThrownBy(() -> connection.login(PIN.toCharArray())).isInstanceOf(PinIncorrectException.class);
            connection.login(newPin);
            assertThat(connection.sign("rsa", DATA)).hasSize(256);
            connection.changePin(newPin, PIN.toCharArray());
            connection.login(PIN.toCharArray());
        }
    }

    @Test
    void aPooledConnectionComesBackLoggedOutSoAWrongPinIsNotSilentlyAccepted() throws Exception {
        TokenManagedConnectionFactory managed = configured(base.resolve("pool-state"), 5);
        PoolingConnectionManager pool = new PoolingConnectionManager();
        TokenConnectionFactory factory = (TokenConnectionFactory) managed.createConnectionFactory(pool);
        try (TokenConnection first = factory.getConnection(LABEL)) {
            first.login(PIN.toCharArray());
            first.sign("rsa", DATA);
        }
        try (TokenConnection second = factory.getConnection(LABEL)) {
            assertThat(pool.created()).isEqualTo(1);
            assertThatThrownBy(() -> second.sign("rsa", DATA)).hasMessageContaining("log in");
            // SunPKCS11 skips C_Login while the token is logged in: only a real logout makes this PIN count as wrong
            assertThatThrownBy(() -> second.login("00000000".toCharArray())).isInstanceOf(PinIncorrectException.class);
            second.login(PIN.toCharArray());
        }
    }

    @Test
    void oneLoginPerTokenAtATime() throws Exception {
        TokenConnectionFactory factory = Connectors.unmanaged(configured(base.resolve("busy-state"), 5));
        try (TokenConnection first = factory.getConnection(LABEL)) {
            first.login(PIN.toCharArray());
            try (TokenConnection second = factory.getConnection(LABEL)) {
                assertThatThrownBy(() -> second.login(PIN.toCharArray())).isInstanceOf(TokenException.class).hasMessageContaining("busy");
                // reading certificates and verifying need no login and are not held up
                assertThat(second.certificates()).hasSize(2);
            }
        }
        try (TokenConnection third = factory.getConnection(LABEL)) {
            third.login(PIN.toCharArray());
        }
    }
}
