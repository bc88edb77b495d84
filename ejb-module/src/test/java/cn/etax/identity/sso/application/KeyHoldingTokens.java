package cn.etax.identity.sso.application;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.PinStatus;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.naming.Reference;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software token for the token signer's tests: one token {@code platform}, PIN {@code 12345678}, with real keys
 * that only sign after a login and never leave this class (the connector API has no way to ask for them).
 */
final class KeyHoldingTokens implements TokenConnectionFactory {

    static final Provider BC = new BouncyCastleProvider();
    static final String PIN = "12345678";

    record Key(KeyPair pair, X509Certificate certificate, String algorithm) {
    }

    final Map<String, Key> keys = new LinkedHashMap<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Adds a key: {@code EC} (P-256), {@code EC384}, {@code RSA} or {@code SM2}, with a self-signed certificate. */
    KeyHoldingTokens with(String alias, String algorithm) throws Exception {
        KeyPairGenerator generator;
        String certificateSignature;
        switch (algorithm) {
            case "EC", "EC384" -> {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(algorithm.equals("EC") ? "secp256r1" : "secp384r1"));
                certificateSignature = "SHA256withECDSA";
            }
            case "SM2" -> {
                generator = KeyPairGenerator.getInstance("EC", BC);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                certificateSignature = "SM3withSM2";
            }
            default -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                certificateSignature = "SHA256withRSA";
            }
        }
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=platform " + alias + ",SERIALNUMBER=PLATFORM");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(keys.size() + 1L), Date.from(now.minus(Duration.ofDays(1))),
                        Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic())
                        .build(new JcaContentSignerBuilder(certificateSignature).setProvider(BC).build(pair.getPrivate())));
        keys.put(alias, new Key(pair, certificate, algorithm.startsWith("EC") ? "EC" : algorithm));
        return this;
    }

    @Override
    public TokenConnection getConnection() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TokenConnection getConnection(String token) throws TokenException {
        if (!token.equals("platform")) {
            throw new TokenException("no token " + token);
        }
        calls.add("open");
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
            public List<TokenCertificate> certificates() throws TokenException {
                List<TokenCertificate> list = new ArrayList<>();
                for (Map.Entry<String, Key> e : keys.entrySet()) {
                    try {
                        X509Certificate c = e.getValue().certificate();
                        list.add(new TokenCertificate(token, e.getKey(), new CertificateInfo(c.getSubjectX500Principal().getName(),
                                c.getIssuerX500Principal().getName(), c.getSerialNumber().toString(16).toUpperCase(),
                                e.getValue().algorithm(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getEncoded())));
                    } catch (Exception ex) {
                        throw new TokenException("unreadable certificate", ex);
                    }
                }
                return list;
            }

            @Override
            public PinStatus pinStatus() {
                return new PinStatus(10, 10, false);
            }

            @Override
            public void login(char[] pin) throws TokenException {
                calls.add("login");
                if (!PIN.equals(new String(pin))) {
                    throw new PinIncorrectException(token, 9);
                }
                loggedIn = true;
            }

            @Override
            public byte[] sign(String alias, byte[] data) throws TokenException {
                throw new TokenException("the signer names its algorithm");
            }

            @Override
            public byte[] sign(String alias, String algorithm, byte[] data) throws TokenException {
                if (!loggedIn) {
                    throw new TokenException("log in first");
                }
                Key key = keys.get(alias);
                if (key == null) {
                    throw new TokenException("no key " + alias);
                }
                calls.add("sign " + alias + " " + algorithm);
                try {
                    Signature signature = algorithm.contains("SM2") ? Signature.getInstance(algorithm, BC) : Signature.getInstance(algorithm);
                    signature.initSign(key.pair().getPrivate());
                    signature.update(data);
                    return signature.sign();
                } catch (Exception e) {
                    throw new TokenException("cannot sign", e);
                }
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
                loggedIn = false;
                calls.add("close");
            }
        };
    }

    @Override
    public Reference getReference() {
        return null;
    }
}
