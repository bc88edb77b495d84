package cn.etax.identity.certificate.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * A certificate of the current taxpayer as the account center shows it (ENT-7 税务数字证书): on which key, holder,
 * issuer, serial, SM2 (国密) or RSA (非国密), validity, and where it stands — {@code VALID}, {@code EXPIRING} (within
 * the warning days; {@code daysLeft} says how many), {@code EXPIRED} or {@code NOT_YET_VALID}.
 */
public record EnterpriseCertificate(String token, String alias, String holder, String creditCode, String issuer,
                                    String serialNumber, String algorithm, boolean nationalAlgorithm, Instant notBefore,
                                    Instant notAfter, State state, long daysLeft) implements Serializable {

    public enum State {
        VALID, EXPIRING, EXPIRED, NOT_YET_VALID
    }
}
