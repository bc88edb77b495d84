package cn.etax.identity.connector.outbound;

import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

/** A stand-in OCSP client for the pluggable revocation check: answers "revoked" for one taxpayer's certificates. */
public class RefusingResponder extends PKIXCertPathChecker {

    static final String REVOKED_CREDIT_CODE = "91110108351303601C";

    @Override
    public void init(boolean forward) {
    }

    @Override
    public boolean isForwardCheckingSupported() {
        return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
        return null;
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCriticalExtensions) throws CertPathValidatorException {
        X509Certificate x509 = (X509Certificate) certificate;
        if (x509.getSubjectX500Principal().toString().contains(REVOKED_CREDIT_CODE)) {
            throw new CertPathValidatorException("OCSP: revoked", null, null, -1, CertPathValidatorException.BasicReason.REVOKED);
        }
    }
}
