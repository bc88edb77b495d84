package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.SecretKind;
import cn.etax.identity.authentication.infrastructure.SmsGateway;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * SMS verification codes (RULE-SMS): six digits from a CSPRNG, stored as a keyed digest, bound to the flow, the
 * purpose and the phone they were sent to, valid for a few minutes, single use, dead after five wrong guesses;
 * at most 10 per phone per 10-minute window, enforced on a locked quota row.
 */
@Stateless
public class SmsCodeService {

    private static final Logger LOG = Logger.getLogger(SmsCodeService.class.getName());
    /** RULE-SMS: 10 codes per phone in a 10-minute window counted from the first of them. */
    static final int SMS_LIMIT = 10;
    static final java.time.Duration SMS_WINDOW = java.time.Duration.ofMinutes(10);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    SmsGateway gateway;

    @EJB
    RateLimiter limiter;

    @EJB
    AddressThrottle throttle;

    @Inject
    @ConfigProperty(name = "identity.sms.code-ttl-seconds", defaultValue = "300")
    long ttlSeconds;

    /**
     * Sends a new code for this flow and purpose to {@code phone}; earlier codes of the same binding die. Joins the
     * caller's transaction: when the gateway refuses, the quota is not spent and no code exists.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void send(String flowDigest, FlowKind purpose, MobileNumber phone) {
        String phoneDigest = phoneDigest(phone);
        limiter.consume("sms:" + phoneDigest, SMS_LIMIT, SMS_WINDOW, "SMS_TOO_FREQUENT");

        String target = target(purpose, phoneDigest);
        em.createNamedQuery(OneTimeSecret.UNUSED, OneTimeSecret.class)
                .setParameter("kind", SecretKind.SMS_CODE).setParameter("flow", flowDigest)
                .setParameter("target", target).getResultList()
                .forEach(old -> old.supersede(clock.now()));
        String code = Secrets.code(6);
        em.persist(new OneTimeSecret(SecretKind.SMS_CODE, flowDigest, target, protector.digest("sms", code),
                clock.now(), clock.now().plusSeconds(ttlSeconds)));
        gateway.send(phone, text(purpose, code));
        LOG.fine(() -> "SMS code for " + purpose + " sent to " + phone.masked());
    }

    /**
     * {@link #send} to a number the caller typed (registration, a new phone, 找回手机), where the phone's own quota is
     * not enough: one flow sends at most as many codes as one phone gets in the window, and one client address at most
     * the throttle's count ({@code identity.throttle.address-limit}), so a script can neither send codes to a list of
     * numbers through one flow nor through new flows without end ({@code SMS_TOO_FREQUENT}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendToTypedNumber(String flowDigest, FlowKind purpose, MobileNumber phone, ClientContext client) {
        throttle.smsToTypedNumber(client);
        limiter.consume("sms-flow:" + flowDigest, SMS_LIMIT, SMS_WINDOW, "SMS_TOO_FREQUENT");
        send(flowDigest, purpose, phone);
    }

    /**
     * Checks a code in a transaction of its own, so a wrong guess is counted even when the caller's step fails.
     * Returns the outcome instead of throwing for the same reason.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OneTimeSecret.Outcome verify(String flowDigest, FlowKind purpose, String phoneDigest, String code) {
        return check(flowDigest, purpose, phoneDigest, code);
    }

    /**
     * {@link #verify} in the caller's transaction, for a caller that counts the attempt in it (the login's
     * {@link LoginGuardService#check}): the code is consumed when that transaction commits.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OneTimeSecret.Outcome check(String flowDigest, FlowKind purpose, String phoneDigest, String code) {
        OneTimeSecret secret = unused(flowDigest, purpose, phoneDigest, code);
        return secret == null ? OneTimeSecret.Outcome.USED : secret.present(digest(code), clock.now());
    }

    /**
     * A code checked at a step before the one that uses it (registration's details, so that a wrong code is told
     * before the face check): a wrong one counts a guess on the code, in a transaction of its own; the right one
     * stays for the step that consumes it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OneTimeSecret.Outcome confirm(String flowDigest, FlowKind purpose, String phoneDigest, String code) {
        return confirmWithin(flowDigest, purpose, phoneDigest, code);
    }

    /** {@link #confirm} in the caller's transaction, for a caller that counts the attempt in it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OneTimeSecret.Outcome confirmWithin(String flowDigest, FlowKind purpose, String phoneDigest, String code) {
        OneTimeSecret secret = unused(flowDigest, purpose, phoneDigest, code);
        return secret == null ? OneTimeSecret.Outcome.USED : secret.confirm(digest(code), clock.now());
    }

    private OneTimeSecret unused(String flowDigest, FlowKind purpose, String phoneDigest, String code) {
        if (code == null || code.isBlank()) {
            // a form sent without the code is not a wrong code: no attempt of the day is spent on it
            throw new InvalidInputException("SMS_CODE_REQUIRED");
        }
        OneTimeSecret secret = em.createNamedQuery(OneTimeSecret.UNUSED_LOCKED, OneTimeSecret.class)
                .setParameter("kind", SecretKind.SMS_CODE).setParameter("flow", flowDigest)
                .setParameter("target", target(purpose, phoneDigest))
                .getResultList().stream().findFirst().orElse(null);
        if (secret == null && em.createNamedQuery(OneTimeSecret.ANY, Long.class)
                .setParameter("kind", SecretKind.SMS_CODE).setParameter("flow", flowDigest)
                .setParameter("target", target(purpose, phoneDigest)).getSingleResult() == 0) {
            // no code was ever sent to this phone in this flow: nothing to guess, nothing expired — ask for one
            throw new InvalidInputException("SMS_CODE_NOT_SENT");
        }
        return secret;
    }

    private String digest(String code) {
        return protector.digest("sms", code.strip());
    }

    /** The failure to answer when a code was not accepted (no attempt count: that is the login's business). */
    public static AuthenticationFailedException rejected(OneTimeSecret.Outcome outcome) {
        return new AuthenticationFailedException(switch (outcome) {
            case EXPIRED -> "SMS_CODE_EXPIRED";
            case USED -> "SMS_CODE_USED";
            default -> "SMS_CODE_INCORRECT";
        });
    }

    public String phoneDigest(MobileNumber phone) {
        return protector.digest("phone", phone.value());
    }

    private static String target(FlowKind purpose, String phoneDigest) {
        return purpose.name() + ":" + phoneDigest;
    }

    private String text(FlowKind purpose, String code) {
        ResourceBundle texts = ResourceBundle.getBundle("cn.etax.identity.authentication.application.sms-messages",
                Locale.SIMPLIFIED_CHINESE);
        return MessageFormat.format(texts.getString("sms." + purpose.name().toLowerCase(Locale.ROOT)), code,
                ttlSeconds / 60);
    }
}
