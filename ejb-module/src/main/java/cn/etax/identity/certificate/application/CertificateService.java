package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies what a taxpayer's key signed (§9): the certificate chains to a configured tax CA root, is valid now, is not
 * revoked and allows signatures, and the signature over the data is the certificate key's. The connection factory
 * {@link #TOKENS} of the certificate connector is defined once per deployment for the whole application: in the WAR
 * for Payara Micro by the web module's {@code TokenConnectorDefinition} (the standalone RAR {@code etax-connector},
 * deployed before the WAR), in the EAR by {@code EarTokenConnectorDefinition} (the EAR's own connector module). Its
 * directories and the demo tax CA follow {@code identity.data.dir} / {@code identity.certificates.dir} and
 * {@code identity.demo.enabled}; a PKCS#11 module is named by {@code identity.pkcs11.library} +
 * {@code identity.pkcs11.token-label}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateService {

    /** JNDI name of the connection factory. */
    public static final String TOKENS = "java:app/eis/etaxTokens";

    /** What each deployment's {@code @ConnectionFactoryDefinition} of {@link #TOKENS} shares, whatever adapter it names. */
    public static final String TOKENS_INTERFACE = "cn.etax.identity.connector.api.TokenConnectionFactory";
    public static final String TOKENS_DESCRIPTION = "Certificate hardware: PKCS#11 modules and soft tokens";
    /** A PKCS#11 module (vendor HSM, key middleware, SoftHSM2) by system property; unset = none. */
    public static final String TOKENS_PKCS11_LIBRARY = "pkcs11Library=${identity.pkcs11.library}";
    public static final String TOKENS_PKCS11_TOKEN = "pkcs11TokenLabel=${identity.pkcs11.token-label}";
    /** An OCSP client ({@code PKIXCertPathChecker}) by system property; unset = CRLs only. */
    public static final String TOKENS_REVOCATION_CHECKER = "revocationChecker=${identity.certificates.revocation-checker}";
    public static final int TOKENS_MAX_POOL = 16;

    @Resource(lookup = TOKENS)
    TokenConnectionFactory tokens;

    @Inject
    BusinessClock clock;

    /**
     * @param chain the signer's certificate first, then any intermediate CA certificates (DER)
     * @return the holder of the certificate whose key made the signature
     */
    public CertificateHolder verifySignature(List<byte[]> chain, byte[] data, byte[] signature) {
        if (chain == null || chain.isEmpty() || chain.get(0) == null || chain.get(0).length == 0) {
            throw new InvalidInputException("CERTIFICATE_MALFORMED");
        }
        if (data == null || data.length == 0 || signature == null || signature.length == 0) {
            throw new InvalidInputException("SIGNATURE_INVALID");
        }
        try (TokenConnection connection = tokens.getConnection()) {
            CertificateInfo certificate = connection.validate(new ArrayList<>(chain), clock.now());
            if (!connection.verify(chain.get(0), data, signature)) {
                throw new InvalidInputException("SIGNATURE_INVALID");
            }
            return Certificates.holder(certificate);
        } catch (TokenException e) {
            throw Certificates.refusal(e);
        }
    }
}
