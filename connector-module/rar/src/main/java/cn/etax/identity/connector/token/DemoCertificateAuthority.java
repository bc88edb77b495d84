package cn.etax.identity.connector.token;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A tax CA for the demo profile and the tests: a self-signed SM2 or RSA root that issues taxpayer signing
 * certificates (credit code in the subject's SERIALNUMBER) and CRLs. Keys are generated when asked — nothing of it
 * is ever committed — and the demo set is written once into the adapter's directories (see {@link #installDemo}).
 */
public final class DemoCertificateAuthority {

    /** The PIN of every demo token; a person changes it in the account center. */
    public static final String DEMO_PIN = "12345678";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate root;
    private final String keyAlgorithm;

    private DemoCertificateAuthority(KeyPair keys, X509Certificate root, String keyAlgorithm) {
        this.keys = keys;
        this.root = root;
        this.keyAlgorithm = keyAlgorithm;
    }

    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /** A new root CA with an {@code SM2}, {@code RSA} or {@code EC} key, valid ten years from {@code now}. */
    public static DemoCertificateAuthority create(String commonName, String keyAlgorithm, Instant now) throws GeneralSecurityException {
        KeyPair keys = keyPair(keyAlgorithm);
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "国家税务总局（演示）")
                .addRDN(BCStyle.CN, commonName).build();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate root = new JcaX509CertificateConverter().setProvider(Crypto.bc())
                    .getCertificate(builder.build(signer(keyAlgorithm, keys)));
            return new DemoCertificateAuthority(keys, root, keyAlgorithm);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** A taxpayer's signing certificate with a fresh key of {@code subjectKeyAlgorithm}. */
    public Issued issue(String commonName, String creditCode, String subjectKeyAlgorithm, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair subjectKeys = keyPair(subjectKeyAlgorithm);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, commonName)
                .addRDN(BCStyle.SERIALNUMBER, creditCode).addRDN(BCStyle.CN, commonName).build();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(), Date.from(notBefore),
                Date.from(notAfter), subject, subjectKeys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            return new Issued(subjectKeys, new JcaX509CertificateConverter().setProvider(Crypto.bc())
                    .getCertificate(builder.build(signer(keyAlgorithm, keys))));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A CRL of this CA listing {@code revoked}, current from {@code thisUpdate} to {@code nextUpdate}. */
    public X509CRL crl(List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) throws GeneralSecurityException {
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(root, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().setProvider(Crypto.bc()).getCRL(builder.build(signer(keyAlgorithm, keys)));
    }

    /**
     * Writes the demo set once (nothing happens when the roots exist): an SM2 and an RSA root with their CRLs, and
     * soft tokens {@code demo-sm2} and {@code demo-rsa} (valid), {@code demo-revoked} (SM2, on the CRL) and
     * {@code demo-expired} (RSA), all with the PIN {@link #DEMO_PIN}, and the platform's own token {@code platform}
     * with four signing keys: {@code sm2} (SM2, under the SM2 root), and for single-sign-on assertions that
     * MicroProfile JWT verifies {@code es256} and {@code es256-2} (EC P-256; two, so that a rotation by alias can be
     * tried) and {@code rs256} (RSA 2048), all three under the RSA root. The CA keys are not kept.
     */
    public static synchronized boolean installDemo(Path tokens, Path roots, Path crls, Instant now) throws IOException, GeneralSecurityException {
        if (Files.exists(roots.resolve("demo-sm2-root.crt"))) {
            return false;
        }
        DemoCertificateAuthority sm2 = create("税务数字证书演示根CA（SM2）", "SM2", now);
        DemoCertificateAuthority rsa = create("税务数字证书演示根CA（RSA）", "RSA", now);
        Instant from = now.minus(Duration.ofDays(1));
        Instant until = now.plus(Duration.ofDays(730));
        Issued sm2Valid = sm2.issue("福州示例科技有限公司", "91350100M000100Y43", "SM2", from, until);
        Issued rsaValid = rsa.issue("北京示例信息技术有限公司", "91110108351303601C", "RSA", from, until);
        Issued sm2Revoked = sm2.issue("福州示例科技有限公司", "91350100M000100Y43", "SM2", from, until);
        Issued platform = sm2.issue("电子税务局统一身份管理平台（演示）", "PLATFORM", "SM2", from, until);
        Issued platformEs256 = rsa.issue("电子税务局统一身份管理平台（演示）", "PLATFORM", "EC", from, until);
        Issued platformEs256Second = rsa.issue("电子税务局统一身份管理平台（演示）", "PLATFORM", "EC", from, until);
        Issued platformRs256 = rsa.issue("电子税务局统一身份管理平台（演示）", "PLATFORM", "RSA", from, until);
        Issued rsaExpired = rsa.issue("北京示例信息技术有限公司", "91110108351303601C", "RSA",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        char[] pin = DEMO_PIN.toCharArray();
        token(tokens.resolve("demo-sm2"), pin, "sm2", sm2Valid, sm2);
        token(tokens.resolve("demo-rsa"), pin, "rsa", rsaValid, rsa);
        token(tokens.resolve("demo-revoked"), pin, "sm2", sm2Revoked, sm2);
        token(tokens.resolve("demo-expired"), pin, "rsa", rsaExpired, rsa);
        SoftToken.create(tokens.resolve("platform"), pin, Map.of(
                "sm2", new SoftToken.KeyEntry(platform.keys().getPrivate(), new X509Certificate[] {platform.certificate(), sm2.root()}),
                "es256", new SoftToken.KeyEntry(platformEs256.keys().getPrivate(), new X509Certificate[] {platformEs256.certificate(), rsa.root()}),
                "es256-2", new SoftToken.KeyEntry(platformEs256Second.keys().getPrivate(),
                        new X509Certificate[] {platformEs256Second.certificate(), rsa.root()}),
                "rs256", new SoftToken.KeyEntry(platformRs256.keys().getPrivate(), new X509Certificate[] {platformRs256.certificate(), rsa.root()})));
        Files.createDirectories(crls);
        Files.write(crls.resolve("demo-sm2-root.crl"), sm2.crl(List.of(sm2Revoked.certificate()), now, now.plus(Duration.ofDays(365))).getEncoded());
        Files.write(crls.resolve("demo-rsa-root.crl"), rsa.crl(List.of(), now, now.plus(Duration.ofDays(365))).getEncoded());
        Files.createDirectories(roots);
        Files.writeString(roots.resolve("demo-rsa-root.crt"), pem(rsa.root()), StandardCharsets.US_ASCII);
        // written last: its presence means the set is complete
        Files.writeString(roots.resolve("demo-sm2-root.crt"), pem(sm2.root()), StandardCharsets.US_ASCII);
        return true;
    }

    private static void token(Path directory, char[] pin, String alias, Issued issued, DemoCertificateAuthority ca)
            throws IOException, GeneralSecurityException {
        SoftToken.create(directory, pin, Map.of(alias, new SoftToken.KeyEntry(issued.keys().getPrivate(),
                new X509Certificate[] {issued.certificate(), ca.root()})));
    }

    public static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    public static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case "SM2" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.bc());
                generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
                yield generator.generateKeyPair();
            }
            case "EC" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                yield generator.generateKeyPair();
            }
            case "RSA" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                yield generator.generateKeyPair();
            }
            default -> throw new IllegalArgumentException("unknown key algorithm " + algorithm);
        };
    }

    private static ContentSigner signer(String keyAlgorithm, KeyPair keys) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(Crypto.defaultAlgorithm(keyAlgorithm)).setProvider(Crypto.bc()).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }
}
