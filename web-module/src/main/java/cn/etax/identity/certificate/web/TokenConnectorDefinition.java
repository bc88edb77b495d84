package cn.etax.identity.certificate.web;

import cn.etax.identity.certificate.application.CertificateService;
import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * §9: the certificate connector's connection factory {@link CertificateService#TOKENS} for the self-contained WAR on
 * Payara Micro, where the connector is the standalone RAR {@code etax-connector} deployed before the WAR. The EAR
 * names its own connector module instead ({@code EarTokenConnectorDefinition}) and leaves this class out of its WAR.
 * A PKCS#11 module and an OCSP client come from system properties; unset means none.
 */
@ConnectionFactoryDefinition(name = CertificateService.TOKENS,
        description = "Certificate hardware: PKCS#11 modules and soft tokens",
        interfaceName = "cn.etax.identity.connector.api.TokenConnectionFactory",
        resourceAdapter = "etax-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = 16,
        properties = {"pkcs11Library=${identity.pkcs11.library}", "pkcs11TokenLabel=${identity.pkcs11.token-label}",
                "revocationChecker=${identity.certificates.revocation-checker}"})
@Singleton
public class TokenConnectorDefinition {
}
