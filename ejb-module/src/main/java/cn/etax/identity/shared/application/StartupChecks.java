package cn.etax.identity.shared.application;

import cn.etax.identity.authentication.infrastructure.SmsGateway;
import cn.etax.identity.grant.infrastructure.CoreTaxSystem;
import cn.etax.identity.registration.infrastructure.IdentityRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Resolves every outside-service port at start, so a configuration without simulators and without production
 * adapters stops the deployment with a clear message instead of failing on the first registration.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    OutsideServices services;

    @Inject
    SmsGateway sms;

    @Inject
    IdentityRegistry registry;

    @Inject
    CoreTaxSystem coreTax;

    @Inject
    PersonalDataProtector protector;

    @PostConstruct
    void check() {
        // touching the proxies makes the producers run now
        LOG.info(() -> "outside services: SMS " + sms.name() + ", identity registry " + registry.name()
                + ", core tax system " + coreTax.name()
                + (services.simulatorsEnabled() ? " (simulators ON: not for production)" : ""));
        protector.digest("startup", "check");
    }
}
