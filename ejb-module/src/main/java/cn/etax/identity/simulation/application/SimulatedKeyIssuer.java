package cn.etax.identity.simulation.application;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V2TBSCertListGenerator;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Issues a key as a tax CA's counter would hand one out, into a new soft token of the simulated helper (simulators
 * only): a fresh SM2 or RSA key and its certificate for a taxpayer (holder name, credit code in the subject's
 * SERIALNUMBER) under a throw-away test CA, stored in the soft-token layout the certificate connector reads
 * ({@code keystore.p12} under the PIN, public {@code <alias>.crt}). Tests and demos use it to have keys of their own
 * whose PIN they may change or lock without touching anyone else's.
 */
public final class SimulatedKeyIssuer {

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimulatedKeyIssuer() {
    }

    /** The directory of the connector's soft tokens, as its connection factory resolves it by default. */
    public static Path tokenDirectory() {
        return certificatesDirectory().resolve("tokens");
    }

    /** The connector's base directory: {@code tokens/}, {@code roots/} (tax CA roots), {@code crls/}. */
    static Path certificatesDirectory() {
        String base = System.getProperty("identity.certificates.dir");
        if (base == null || base.isBlank()) {
            base = System.getProperty("identity.data.dir", "data") + "/certificates";
        }
        return Path.of(base).toAbsolutePath();
    }

    /**
     * @param trusted the test CA becomes a tax CA the platform trusts (LOGIN-6): its root goes to {@code roots/} and an
     *                empty CRL of it to {@code crls/}; its name then carries the token's, so that each such root is
     *                found by its own name
     * @return the alias of the key on the new token ({@code sm2} or {@code rsa})
     */
    public static String issue(Path tokenDirectory, String token, String holder, String creditCode, String algorithm, Instant notBefore,
                        Instant notAfter, char[] pin, boolean trusted) throws IOException, GeneralSecurityException {
        boolean sm2 = "SM2".equals(algorithm);
        KeyPair ca = keyPair(sm2);
        KeyPair subject = keyPair(sm2);
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "国家税务总局（演示）")
                .addRDN(BCStyle.CN, "税务数字证书测试CA（" + algorithm + "）" + (trusted ? " " + token : "")).build();
        X500Name subjectName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, holder)
                .addRDN(BCStyle.SERIALNUMBER, creditCode).addRDN(BCStyle.CN, holder).build();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate certificate = certificate(caName, subjectName, subject, ca, sm2, notBefore, notAfter, extensions);
        ExtensionsGenerator caExtensions = new ExtensionsGenerator();
        caExtensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        // the root and its CRL from a day before the earlier of the key's start and the real clock: revocation is checked
        // as of the real time, validity at the business time, which the simulators may have moved ahead
        Instant caStart = notBefore.isBefore(Instant.now()) ? notBefore : Instant.now();
        caStart = caStart.minusSeconds(86_400);
        X509Certificate root = certificate(caName, caName, ca, ca, sm2, caStart, notAfter.plusSeconds(86_400L * 3650),
                caExtensions);

        String alias = sm2 ? "sm2" : "rsa";
        Path directory = tokenDirectory.resolve(token);
        Files.createDirectories(tokenDirectory);
        Files.createDirectory(directory);
        KeyStore store = KeyStore.getInstance("PKCS12", BC);
        store.load(null, null);
        store.setKeyEntry(alias, subject.getPrivate(), pin, new X509Certificate[] {certificate, root});
        Files.writeString(directory.resolve(alias + ".crt"), pem(certificate), StandardCharsets.US_ASCII);
        Path temporary = Files.createTempFile(directory, ".keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, pin);
        }
        if (trusted) {
            trust(tokenDirectory.getParent(), token, caName, ca, sm2, root, caStart);
        }
        // the key store last: its presence makes the directory a token
        Files.move(temporary, directory.resolve("keystore.p12"));
        return alias;
    }

    /** The CRL first, the root last: the connector never sees the root without the CRL its revocation check needs. */
    private static void trust(Path base, String token, X500Name caName, KeyPair ca, boolean sm2, X509Certificate root,
                              Instant thisUpdate) throws IOException, GeneralSecurityException {
        AlgorithmIdentifier signatureAlgorithm = signatureAlgorithm(sm2);
        V2TBSCertListGenerator list = new V2TBSCertListGenerator();
        list.setIssuer(caName);
        list.setSignature(signatureAlgorithm);
        list.setThisUpdate(new Time(Date.from(thisUpdate)));
        list.setNextUpdate(new Time(root.getNotAfter()));
        TBSCertList tbs = list.generateTBSCertList();
        ASN1EncodableVector crl = new ASN1EncodableVector();
        crl.add(tbs);
        crl.add(signatureAlgorithm);
        crl.add(new DERBitString(sign(tbs.getEncoded(ASN1Encoding.DER), ca, sm2)));
        Path crls = base.resolve("crls");
        Path roots = base.resolve("roots");
        Files.createDirectories(crls);
        Files.createDirectories(roots);
        Files.write(crls.resolve("sim-" + token + "-root.crl"), new DERSequence(crl).getEncoded(ASN1Encoding.DER));
        Files.writeString(roots.resolve("sim-" + token + "-root.crt"), pem(root), StandardCharsets.US_ASCII);
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static AlgorithmIdentifier signatureAlgorithm(boolean sm2) {
        return sm2 ? new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3)
                : new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
    }

    private static byte[] sign(byte[] data, KeyPair issuer, boolean sm2) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(sm2 ? "SM3withSM2" : "SHA256withRSA", BC);
        signer.initSign(issuer.getPrivate());
        signer.update(data);
        return signer.sign();
    }

    private static KeyPair keyPair(boolean sm2) throws GeneralSecurityException {
        if (sm2) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
                                               boolean sm2, Instant notBefore, Instant notAfter, ExtensionsGenerator extensions)
            throws IOException, GeneralSecurityException {
        AlgorithmIdentifier signatureAlgorithm = signatureAlgorithm(sm2);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, RANDOM).setBit(63)));
        tbs.setIssuer(issuer);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(notBefore)));
        tbs.setEndDate(new Time(Date.from(notAfter)));
        tbs.setSignature(signatureAlgorithm);
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
        tbs.setExtensions(extensions.generate());
        TBSCertificate certificate = tbs.generateTBSCertificate();
        ASN1EncodableVector signed = new ASN1EncodableVector();
        signed.add(certificate);
        signed.add(signatureAlgorithm);
        signed.add(new DERBitString(sign(certificate.getEncoded(ASN1Encoding.DER), issuerKeys, sm2)));
        return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                .generateCertificate(new ByteArrayInputStream(new DERSequence(signed).getEncoded(ASN1Encoding.DER)));
    }
}
