package cn.etax.identity.integration.remote;

import cn.etax.identity.certificate.application.CertificateService;
import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * §9: the certificate connector's connection factory {@link CertificateService#TOKENS} in the EAR, from the EAR's own
 * connector module ({@code #etax-connector}: the resource adapter {@code etax-connector.rar} of this application, as
 * the GlassFish family names embedded adapters). This module is carried only by the EAR; the WAR for Payara Micro
 * defines the same factory on the standalone RAR instead. Pool and properties as there ({@link CertificateService}).
 */
@ConnectionFactoryDefinition(name = CertificateService.TOKENS,
        description = CertificateService.TOKENS_DESCRIPTION,
        interfaceName = CertificateService.TOKENS_INTERFACE,
        resourceAdapter = "#etax-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = CertificateService.TOKENS_MAX_POOL,
        properties = {CertificateService.TOKENS_PKCS11_LIBRARY, CertificateService.TOKENS_PKCS11_TOKEN,
                CertificateService.TOKENS_REVOCATION_CHECKER})
@Singleton
public class EarTokenConnectorDefinition {
}
