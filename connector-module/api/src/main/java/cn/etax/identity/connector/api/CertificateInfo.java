package cn.etax.identity.connector.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a person or a rule needs to know about a certificate. {@code keyAlgorithm} is {@code SM2}, {@code RSA} or
 * {@code EC}; {@code serialNumber} is upper-case hexadecimal; {@code encoded} is the DER form.
 */
public record CertificateInfo(String subject, String issuer, String serialNumber, String keyAlgorithm,
                              Instant notBefore, Instant notAfter, byte[] encoded) implements Serializable {

    public CertificateInfo {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** One attribute of the subject DN, e.g. {@code SERIALNUMBER} or {@code CN}; {@code null} when absent. */
    public String subjectAttribute(String name) {
        return DistinguishedNames.attribute(subject, name);
    }

    /** One attribute of the issuer DN, e.g. the CA's {@code CN}; {@code null} when absent. */
    public String issuerAttribute(String name) {
        return DistinguishedNames.attribute(issuer, name);
    }
}
