package cn.etax.identity.certificate.web;

import cn.etax.identity.certificate.application.CertificateService;
import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * §9: the certificate connector's connection factory {@link CertificateService#TOKENS} for the self-contained WAR on
 * Payara Micro, where the connector is the standalone RAR {@code etax-connector} deployed before the WAR. The EAR
 * names its own connector module instead ({@code EarTokenConnectorDefinition}) and leaves this class out of its WAR.
 */
@ConnectionFactoryDefinition(name = CertificateService.TOKENS,
        description = CertificateService.TOKENS_DESCRIPTION,
        interfaceName = CertificateService.TOKENS_INTERFACE,
        resourceAdapter = "etax-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = CertificateService.TOKENS_MAX_POOL,
        properties = {CertificateService.TOKENS_PKCS11_LIBRARY, CertificateService.TOKENS_PKCS11_TOKEN,
                CertificateService.TOKENS_REVOCATION_CHECKER})
@Singleton
public class TokenConnectorDefinition {
}
