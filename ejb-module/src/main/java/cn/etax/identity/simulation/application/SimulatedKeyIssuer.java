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
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
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
final class SimulatedKeyIssuer {

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimulatedKeyIssuer() {
    }

    /** The directory of the connector's soft tokens, as its connection factory resolves it by default. */
    static Path tokenDirectory() {
        String base = System.getProperty("identity.certificates.dir");
        if (base == null || base.isBlank()) {
            base = System.getProperty("identity.data.dir", "data") + "/certificates";
        }
        return Path.of(base).toAbsolutePath().resolve("tokens");
    }

    /** @return the alias of the key on the new token ({@code sm2} or {@code rsa}) */
    static String issue(Path tokenDirectory, String token, String holder, String creditCode, String algorithm, Instant notBefore,
                        Instant notAfter, char[] pin) throws IOException, GeneralSecurityException {
        boolean sm2 = "SM2".equals(algorithm);
        KeyPair ca = keyPair(sm2);
        KeyPair subject = keyPair(sm2);
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "国家税务总局（演示）").addRDN(BCStyle.CN, "税务数字证书测试CA（" + algorithm + "）").build();
        X500Name subjectName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, holder)
                .addRDN(BCStyle.SERIALNUMBER, creditCode).addRDN(BCStyle.CN, holder).build();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate certificate = certificate(caName, subjectName, subject, ca, sm2, notBefore, notAfter, extensions);
        ExtensionsGenerator caExtensions = new ExtensionsGenerator();
        caExtensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        X509Certificate root = certificate(caName, caName, ca, ca, sm2, notBefore, notAfter.plusSeconds(86_400L * 3650),
                caExtensions);

        String alias = sm2 ? "sm2" : "rsa";
        Path directory = tokenDirectory.resolve(token);
        Files.createDirectories(tokenDirectory);
        Files.createDirectory(directory);
        KeyStore store = KeyStore.getInstance("PKCS12", BC);
        store.load(null, null);
        store.setKeyEntry(alias, subject.getPrivate(), pin, new X509Certificate[] {certificate, root});
        Files.writeString(directory.resolve(alias + ".crt"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        Path temporary = Files.createTempFile(directory, ".keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, pin);
        }
        // the key store last: its presence makes the directory a token
        Files.move(temporary, directory.resolve("keystore.p12"));
        return alias;
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
        AlgorithmIdentifier signatureAlgorithm = sm2 ? new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3)
                : new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
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
        Signature signer = Signature.getInstance(sm2 ? "SM3withSM2" : "SHA256withRSA", BC);
        signer.initSign(issuerKeys.getPrivate());
        signer.update(certificate.getEncoded(ASN1Encoding.DER));
        ASN1EncodableVector signed = new ASN1EncodableVector();
        signed.add(certificate);
        signed.add(signatureAlgorithm);
        signed.add(new DERBitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                .generateCertificate(new ByteArrayInputStream(new DERSequence(signed).getEncoded(ASN1Encoding.DER)));
    }
}
