package cn.etax.identity.connector.api;

import java.io.Serializable;

/** A certificate found on a token, with the alias of the key it belongs to. */
public record TokenCertificate(String token, String alias, CertificateInfo certificate) implements Serializable {
}
