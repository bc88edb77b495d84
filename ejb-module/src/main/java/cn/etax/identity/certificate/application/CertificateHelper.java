package cn.etax.identity.certificate.application;

import java.io.Serializable;
import java.util.List;

/**
 * Port to the certificate helper (证书助手 / 证书驱动) next to the user's key (ENT-7): what the inserted keys hold, and
 * the PIN change done on the key itself. The simulator ({@code @Simulated}) answers with the connector's tokens; a
 * production adapter ({@code @Production}) reaches the helper on the user's machine. Failures are domain errors
 * with the codes of {@link Certificates#refusal}.
 */
public interface CertificateHelper {

    /** One certificate on an inserted key: the key ({@code token}), the entry on it and whose it is. */
    record KeyCertificate(String token, String alias, CertificateHolder holder) implements Serializable {
    }

    List<KeyCertificate> certificates();

    /** Changes the key's PIN; a wrong old PIN counts toward the key's lock (CERTIFICATE_PIN_INCORRECT, CERTIFICATE_LOCKED). */
    void changePin(String token, char[] oldPin, char[] newPin);
}
