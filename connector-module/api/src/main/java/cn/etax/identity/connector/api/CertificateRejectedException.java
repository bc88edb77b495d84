package cn.etax.identity.connector.api;

/** A certificate chain did not validate; {@link #reason()} is what the user is told. */
public class CertificateRejectedException extends TokenException {

    public enum Reason {
        /** Not a readable X.509 certificate. */
        MALFORMED,
        /** Does not chain to a configured tax CA root. */
        UNTRUSTED,
        EXPIRED,
        NOT_YET_VALID,
        REVOKED,
        /** The key usage does not allow signatures. */
        NOT_FOR_SIGNING,
        /** Revocation status could not be determined (no current CRL, OCSP unreachable). */
        REVOCATION_UNKNOWN
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
