package cn.etax.identity.certificate.application;

import java.io.Serializable;
import java.util.List;

/**
 * Port to the certificate helper (证书助手 / 证书驱动) next to the user's key (ENT-7, LOGIN-6): what the inserted keys
 * hold, a signature made on the key after its PIN, and the PIN change done on the key itself. The simulator ({@code @Simulated}) answers with the connector's tokens; a
 * production adapter ({@code @Production}) reaches the helper on the user's machine. Failures are domain errors
 * with the codes of {@link Certificates#refusal}.
 */
public interface CertificateHelper {

    /** One certificate on an inserted key: the key ({@code token}), the entry on it and whose it is. */
    record KeyCertificate(String token, String alias, CertificateHolder holder) implements Serializable {
    }

    /** The key's signature over {@code data} and its certificate (DER), as the user's UKey makes it after the PIN. */
    record Signed(byte[] signature, byte[] certificate) implements Serializable {
    }

    List<KeyCertificate> certificates();

    /**
     * Signs {@code data} with the key under {@code alias} on {@code token} after the PIN; a wrong PIN counts toward the
     * key's lock (CERTIFICATE_PIN_INCORRECT with the attempts left, then CERTIFICATE_LOCKED). The PIN is wiped.
     */
    Signed sign(String token, String alias, char[] pin, byte[] data);

    /** Changes the key's PIN; a wrong old PIN counts toward the key's lock (CERTIFICATE_PIN_INCORRECT, CERTIFICATE_LOCKED). */
    void changePin(String token, char[] oldPin, char[] newPin);
}
