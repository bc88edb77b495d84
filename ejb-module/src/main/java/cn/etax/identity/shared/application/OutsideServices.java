package cn.etax.identity.shared.application;

import cn.etax.identity.authentication.infrastructure.SmsGateway;
import cn.etax.identity.certificate.application.CertificateHelper;
import cn.etax.identity.grant.infrastructure.CoreTaxSystem;
import cn.etax.identity.shared.ServiceBusyException;
import cn.etax.identity.registration.infrastructure.IdentityRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the implementation of each outside-service port: the simulator when {@code identity.simulators.enabled}
 * is true, otherwise a production adapter (a CDI bean of the port type with the {@code @Production} qualifier,
 * shipped by the deployment). Without either, the port fails loudly at start (see {@link StartupChecks}).
 */
@ApplicationScoped
public class OutsideServices {

    @Inject
    @ConfigProperty(name = "identity.simulators.enabled", defaultValue = "false")
    boolean simulators;

    @Inject
    @Any
    Instance<SmsGateway> smsGateways;

    @Inject
    @Any
    Instance<IdentityRegistry> registries;

    @Inject
    @Any
    Instance<CertificateHelper> certificateHelpers;

    @Inject
    @Any
    Instance<CoreTaxSystem> coreTaxSystems;

    public boolean simulatorsEnabled() {
        return simulators;
    }

    /**
     * The certificate helper next to the user's key (ENT-7, LOGIN-6). Optional: without an adapter the platform runs,
     * and what needs the key answers CERTIFICATE_HELPER_UNAVAILABLE, the seeds' "如未安装企业证书驱动…".
     */
    public CertificateHelper certificateHelper() {
        Instance<CertificateHelper> chosen = simulators ? certificateHelpers.select(Simulated.Literal.INSTANCE)
                : certificateHelpers.select(Production.Literal.INSTANCE);
        if (chosen.isUnsatisfied()) {
            throw new ServiceBusyException("CERTIFICATE_HELPER_UNAVAILABLE");
        }
        return chosen.get();
    }

    @Produces
    @Default
    @ApplicationScoped
    SmsGateway smsGateway() {
        return pick(smsGateways, "SMS gateway");
    }

    @Produces
    @Default
    @ApplicationScoped
    IdentityRegistry identityRegistry() {
        return pick(registries, "public-security identity registry");
    }

    @Produces
    @Default
    @ApplicationScoped
    CoreTaxSystem coreTaxSystem() {
        return pick(coreTaxSystems, "core tax system");
    }

    private <T> T pick(Instance<T> candidates, String what) {
        Instance<T> chosen = simulators ? candidates.select(Simulated.Literal.INSTANCE)
                : candidates.select(Production.Literal.INSTANCE);
        if (chosen.isUnsatisfied()) {
            throw new IllegalStateException("no " + what + " adapter is configured (simulators " + (simulators ? "on" : "off") + "); install one (qualifier @Production)"
                    + " or, for development only, set identity.simulators.enabled=true");
        }
        return chosen.get();
    }
}
