package cn.etax.identity.certificate.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * Whose certificate it is, as a page or an integrator shows it: the holder's name (CN), the taxpayer's credit code
 * (the subject's SERIALNUMBER as the tax CAs issue it), issuer, serial number, SM2 or RSA, validity.
 */
public record CertificateHolder(String holder, String creditCode, String issuer, String serialNumber, String algorithm,
                                Instant notBefore, Instant notAfter) implements Serializable {
}
