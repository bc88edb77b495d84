package cn.etax.identity.sso.application;

import cn.etax.identity.certificate.application.PlatformSigner;
import cn.etax.identity.shared.application.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.Base64;

/**
 * API-2: one key on the platform token as the issuer sees it — its certificate's public key as a JWK, and signing
 * through {@link PlatformSigner}. Holds no private key: there is none outside the token.
 *
 * <p>ECDSA and SM2 signatures come from the token in DER and are turned into the fixed-length {@code R||S} form JWS
 * requires (RFC 7518 §3.4); RSA signatures are already in JWS form.
 */
final class TokenSigningKey implements SigningKey {

    /** Not a registered JWS algorithm: SM2 with SM3 (GM/T 0003, user id of the connector), signature {@code R||S}. */
    static final String SM2_ALGORITHM = "SM3withSM2";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Provider BC = new BouncyCastleProvider();
    private static final String P256_PRIME = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
    private static final String SM2_PRIME = "fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff";

    private final String alias;
    private final String keyId;
    private final String algorithm;
    private final String jcaAlgorithm;
    private final JsonObject jwk;
    private final PlatformSigner platform;

    private TokenSigningKey(String alias, String keyId, String algorithm, String jcaAlgorithm, JsonObject jwk, PlatformSigner platform) {
        this.alias = alias;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.jcaAlgorithm = jcaAlgorithm;
        this.jwk = jwk;
        this.platform = platform;
    }

    /** Reads the public key of the token's certificate (DER); refuses curves and key types JWS has no name for. */
    static TokenSigningKey of(String alias, byte[] certificate, PlatformSigner platform) {
        try {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(certificate));
            String keyId = URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate));
            PublicKey key = parsed.getPublicKey();
            JsonObjectBuilder jwk = JsonBuilders.object();
            String algorithm;
            String jca;
            if (key instanceof RSAPublicKey rsa) {
                algorithm = "RS256";
                jca = "SHA256withRSA";
                jwk.add("kty", "RSA").add("n", unsigned(rsa.getModulus())).add("e", unsigned(rsa.getPublicExponent()));
            } else if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField() instanceof ECFieldFp field) {
                String prime = field.getP().toString(16);
                String curve;
                if (prime.equals(P256_PRIME)) {
                    algorithm = "ES256";
                    jca = "SHA256withECDSA";
                    curve = "P-256";
                } else if (prime.equals(SM2_PRIME)) {
                    algorithm = SM2_ALGORITHM;
                    jca = "SM3withSM2";
                    curve = "SM2";
                } else {
                    throw new IllegalStateException("key " + alias + ": only EC P-256, SM2 and RSA keys sign assertions");
                }
                jwk.add("kty", "EC").add("crv", curve).add("x", fixed(ec.getW().getAffineX(), 32))
                        .add("y", fixed(ec.getW().getAffineY(), 32));
            } else {
                throw new IllegalStateException("key " + alias + ": only EC P-256, SM2 and RSA keys sign assertions");
            }
            jwk.add("use", "sig").add("alg", algorithm).add("kid", keyId).add("x5t#S256", keyId);
            return new TokenSigningKey(alias, keyId, algorithm, jca, jwk.build(), platform);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate of key " + alias + " cannot be read", e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        byte[] signature = platform.sign(alias, signingInput, jcaAlgorithm);
        return algorithm.equals("RS256") ? signature : concatenated(signature, 32);
    }

    /** The public JWK (no private member: the token never hands one out). */
    JsonObject jwk() {
        return jwk;
    }

    /** DER {@code SEQUENCE {r INTEGER, s INTEGER}} to {@code R||S}, each left-padded to {@code length} bytes. */
    static byte[] concatenated(byte[] der, int length) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        if (sequence.size() != 2) {
            throw new IllegalStateException("not an ECDSA/SM2 signature");
        }
        byte[] r = bytes(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), length);
        byte[] s = bytes(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), length);
        byte[] out = Arrays.copyOf(r, 2 * length);
        System.arraycopy(s, 0, out, length, length);
        return out;
    }

    private static String fixed(BigInteger value, int length) {
        return URL.encodeToString(bytes(value, length));
    }

    private static byte[] bytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        if (raw.length == length + 1 && raw[0] == 0) {
            return Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (raw.length > length) {
            throw new IllegalStateException("value longer than " + length + " bytes");
        }
        byte[] padded = new byte[length];
        System.arraycopy(raw, 0, padded, length - raw.length, raw.length);
        return padded;
    }

    private static String unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            raw = Arrays.copyOfRange(raw, 1, raw.length);
        }
        return URL.encodeToString(raw);
    }

    @Override
    public String toString() {
        return algorithm + " key " + alias + " on the platform token (kid " + keyId + ")";
    }
}
