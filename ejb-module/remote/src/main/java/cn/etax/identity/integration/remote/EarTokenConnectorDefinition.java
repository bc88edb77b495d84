package cn.etax.identity.integration.remote;

import cn.etax.identity.certificate.application.CertificateService;
import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * §9: the certificate connector's connection factory {@link CertificateService#TOKENS} in the EAR, from the EAR's own
 * connector module ({@code #etax-connector}: the resource adapter {@code etax-connector.rar} of this application, as
 * the GlassFish family names embedded adapters). This module is carried only by the EAR; the WAR for Payara Micro
 * defines the same factory on the standalone RAR instead. Same pool and properties as there.
 */
@ConnectionFactoryDefinition(name = CertificateService.TOKENS,
        description = "Certificate hardware: PKCS#11 modules and soft tokens",
        interfaceName = "cn.etax.identity.connector.api.TokenConnectionFactory",
        resourceAdapter = "#etax-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = 16,
        properties = {"pkcs11Library=${identity.pkcs11.library}", "pkcs11TokenLabel=${identity.pkcs11.token-label}",
                "revocationChecker=${identity.certificates.revocation-checker}"})
@Singleton
public class EarTokenConnectorDefinition {
}
