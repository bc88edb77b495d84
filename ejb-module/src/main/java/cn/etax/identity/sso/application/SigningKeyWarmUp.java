package cn.etax.identity.sso.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API-2: makes the single-sign-on signing key ready just after the application has started: the in-memory keys are
 * generated (two RSA keys, up to a second here), the token's key is read through the connector (on the demo token,
 * after the demo tax CA is written, a few seconds). Otherwise the first request that needs an assertion would wait
 * for it, and every request behind it too. A token that cannot be read is reported here, at start, and again at the
 * first request that needs it. A timer, because the connector's beans answer only once the deployment is complete.
 */
@Singleton
@Startup
public class SigningKeyWarmUp {

    private static final Logger LOG = Logger.getLogger(SigningKeyWarmUp.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ConfiguredAssertionSigner signer;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void prepare() {
        try {
            String keyId = signer.current().keyId();
            LOG.info(() -> "single-sign-on signing key ready: " + keyId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "single-sign-on signing key not ready at start: {0}", e.toString());
        }
    }
}
