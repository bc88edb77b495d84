package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.CertificateRejectedException;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import cn.etax.identity.connector.api.UnknownTokenException;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.ServiceBusyException;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns the connector's answers into what the platform says: holders and domain errors with stable codes. */
public final class Certificates {

    private static final Logger LOG = Logger.getLogger(Certificates.class.getName());

    private Certificates() {
    }

    public static CertificateHolder holder(CertificateInfo info) {
        String algorithm = "EC".equals(info.keyAlgorithm()) ? "ECDSA" : info.keyAlgorithm();
        String issuer = info.issuerAttribute("CN");
        return new CertificateHolder(info.subjectAttribute("CN"), info.subjectAttribute("SERIALNUMBER"),
                issuer == null ? info.issuer() : issuer, info.serialNumber(), algorithm, info.notBefore(), info.notAfter());
    }

    /** The connector's failure as a domain error; hardware trouble is logged (never with a PIN) and shown as busy. */
    public static DomainException refusal(TokenException e) {
        if (e instanceof PinIncorrectException wrong) {
            return new AuthenticationFailedException("CERTIFICATE_PIN_INCORRECT", wrong.remainingAttempts());
        }
        if (e instanceof TokenLockedException) {
            return new AccountLockedException("CERTIFICATE_LOCKED");
        }
        if (e instanceof CertificateRejectedException rejected) {
            // what PKIX said about the chain, for the operator (a subject and issuer at most, no secret)
            LOG.log(Level.INFO, "certificate rejected: {0}", rejected.getMessage());
            return switch (rejected.reason()) {
                case MALFORMED -> new InvalidInputException("CERTIFICATE_MALFORMED");
                case UNTRUSTED -> new InvalidInputException("CERTIFICATE_UNTRUSTED");
                case EXPIRED -> new InvalidInputException("CERTIFICATE_EXPIRED");
                case NOT_YET_VALID -> new InvalidInputException("CERTIFICATE_NOT_YET_VALID");
                case REVOKED -> new InvalidInputException("CERTIFICATE_REVOKED");
                case NOT_FOR_SIGNING -> new InvalidInputException("CERTIFICATE_NOT_FOR_SIGNING");
                case REVOCATION_UNKNOWN -> new ServiceBusyException("CERTIFICATE_REVOCATION_UNKNOWN");
            };
        }
        if (e instanceof UnknownTokenException) {
            return new NotFoundException("CERTIFICATE_TOKEN_NOT_FOUND");
        }
        LOG.log(Level.WARNING, "certificate connector failed: {0}", e.toString());
        return new ServiceBusyException("CERTIFICATE_SERVICE_UNAVAILABLE");
    }
}
