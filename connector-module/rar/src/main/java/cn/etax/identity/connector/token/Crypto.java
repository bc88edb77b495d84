package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.CertificateRejectedException;
import cn.etax.identity.connector.api.TokenException;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.Key;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECFieldFp;
import java.util.Locale;

/**
 * One Bouncy Castle provider instance for the adapter — passed explicitly, never installed JVM-wide (that would
 * change provider resolution for the whole server) — and the algorithm rules shared by signing and verifying.
 */
public final class Crypto {

    /** GM/T 0009-2012 default signer id. */
    public static final String DEFAULT_SM2_USER_ID = "1234567812345678";

    private static final Provider BC = new BouncyCastleProvider();

    private final byte[] sm2UserId;

    public Crypto(String sm2UserId) {
        this.sm2UserId = (sm2UserId == null || sm2UserId.isBlank() ? DEFAULT_SM2_USER_ID : sm2UserId)
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static Provider bc() {
        return BC;
    }

    public static X509Certificate parse(byte[] der) throws CertificateRejectedException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BC).generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.MALFORMED, e.getMessage());
        }
    }

    /** {@code SM2}, {@code RSA} or {@code EC}. */
    public static String keyAlgorithm(Key key) {
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        if (algorithm.equals("SM2")) {
            return "SM2";
        }
        if (algorithm.startsWith("EC") && isSm2(key)) {
            return "SM2";
        }
        return algorithm.startsWith("EC") ? "EC" : algorithm;
    }

    private static boolean isSm2(Key key) {
        // SM2 and P-256 are both 256-bit prime curves; SM2's prime starts fffffffeffffffff, P-256's ffffffff00000001
        return key instanceof java.security.interfaces.ECKey ecKey
                && ecKey.getParams().getCurve().getField() instanceof ECFieldFp field
                && field.getP().toString(16).startsWith("fffffffeffffffff");
    }

    public static String defaultAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "SM2" -> "SM3withSM2";
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("no signature algorithm for " + keyAlgorithm + " keys");
        };
    }

    public static CertificateInfo describe(X509Certificate certificate) {
        return new CertificateInfo(name(certificate.getSubjectX500Principal()), name(certificate.getIssuerX500Principal()),
                certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                keyAlgorithm(certificate.getPublicKey()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                encoded(certificate));
    }

    /** Readable attribute names (SERIALNUMBER, not 2.5.4.5) in the certificate's own order. */
    private static String name(javax.security.auth.x500.X500Principal principal) {
        return org.bouncycastle.asn1.x500.X500Name.getInstance(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE, principal.getEncoded()).toString();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signature object for {@code algorithm}: SM2 from Bouncy Castle with the configured user id, the rest from the
     * JDK (faster for RSA) unless a provider is given (a PKCS#11 provider for keys on a token).
     */
    public Signature signature(String algorithm, Provider provider) throws TokenException {
        try {
            if (algorithm.toUpperCase(Locale.ROOT).contains("SM2")) {
                Signature signature = Signature.getInstance(algorithm, provider == null ? BC : provider);
                signature.setParameter(new SM2ParameterSpec(sm2UserId));
                return signature;
            }
            return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        } catch (GeneralSecurityException e) {
            throw new TokenException("signature algorithm " + algorithm + " is not available", e);
        }
    }

    public boolean verify(byte[] certificateDer, byte[] data, byte[] signatureBytes) throws TokenException {
        X509Certificate certificate = parse(certificateDer);
        return verify(certificate.getPublicKey(), data, signatureBytes);
    }

    public boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) throws TokenException {
        String keyAlgorithm = keyAlgorithm(key);
        String algorithm = defaultAlgorithm(keyAlgorithm);
        try {
            Signature signature = signature(algorithm, null);
            try {
                signature.initVerify(key);
            } catch (InvalidKeyException e) {
                // a key class the JDK provider does not take: Bouncy Castle verifies the same algorithm
                signature = Signature.getInstance(algorithm, BC);
                signature.initVerify(key);
            }
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false; // malformed signature bytes are not a valid signature
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot verify with a " + keyAlgorithm + " key", e);
        }
    }
}
