package cn.etax.identity.authentication.application;

import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * RULE-LOCK's per-address throttling: password attempts from one client address are limited per window before
 * any password is checked, so a script that knows ID numbers cannot lock their owners out wholesale. Addresses
 * listed in {@code identity.throttle.exempt-addresses} (a load balancer's health checker, a benchmark on loopback)
 * are not counted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AddressThrottle {

    @EJB
    RateLimiter limiter;

    @Inject
    PersonalDataProtector protector;

    @Inject
    @ConfigProperty(name = "identity.throttle.address-limit", defaultValue = "100")
    int limit;

    @Inject
    @ConfigProperty(name = "identity.throttle.address-window-minutes", defaultValue = "10")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "identity.throttle.exempt-addresses", defaultValue = "none")
    List<String> exempt;

    /**
     * LOGIN-7: one new QR login code for the client's address, in a window of its own (a code is no guess at anybody's
     * secret, so it does not use up the password attempts of everyone behind the same address), or
     * {@code TOO_MANY_ATTEMPTS} (429): nobody fills the tables with codes.
     */
    public void qrCode(ClientContext client) {
        if (exempt.contains(client.address())) {
            return;
        }
        limiter.consume("qr-address:" + protector.digest("address", client.address()), limit,
                Duration.ofMinutes(windowMinutes), "TOO_MANY_ATTEMPTS");
    }

    /**
     * REG-1: one registration identity check (a name tried for a document) from the client's address, in a window of
     * its own, or {@code TOO_MANY_REGISTRATION_ATTEMPTS} (429): nobody learns a registrant's name by trying names.
     */
    public void registration(ClientContext client) {
        if (exempt.contains(client.address())) {
            return;
        }
        limiter.consume("registration-address:" + protector.digest("address", client.address()), limit,
                Duration.ofMinutes(windowMinutes), "TOO_MANY_REGISTRATION_ATTEMPTS");
    }

    /**
     * RULE-SMS: one SMS code to a number the caller typed (registration, a new phone, 找回手机) from the client's
     * address, in a window of its own, or {@code SMS_TOO_FREQUENT} (429): nobody sends codes to a list of numbers.
     */
    public void smsToTypedNumber(ClientContext client) {
        if (exempt.contains(client.address())) {
            return;
        }
        limiter.consume("sms-address:" + protector.digest("address", client.address()), limit,
                Duration.ofMinutes(windowMinutes), "SMS_TOO_FREQUENT");
    }

    /** Counts one attempt from the client's address or throws {@code TOO_MANY_ATTEMPTS} (429). */
    public void attempt(ClientContext client) {
        if (exempt.contains(client.address())) {
            return;
        }
        limiter.consume("address:" + protector.digest("address", client.address()), limit,
                Duration.ofMinutes(windowMinutes), "TOO_MANY_ATTEMPTS");
    }
}
