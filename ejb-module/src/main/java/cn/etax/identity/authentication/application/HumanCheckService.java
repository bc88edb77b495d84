package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.SecretKind;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.Secrets;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * The anti-automation slider that comes before any password is checked (RULE-LOCK): the page shows a gap at a
 * random position and the person drags the slider onto it. A challenge is good for one answer, must not be
 * answered faster than a person can, and expires after two minutes. A vendor CAPTCHA would replace this class.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HumanCheckService {

    public static final int TOLERANCE = 4;
    static final Duration MIN_ANSWER_TIME = Duration.ofMillis(300);
    static final Duration LIFE = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    public Challenge issue() {
        String token = Secrets.token();
        int position = 15 + RANDOM.nextInt(71);
        em.persist(new OneTimeSecret(SecretKind.SLIDER, protector.digest("slider", token), "slider",
                protector.digest("slider-answer", Integer.toString(position)), clock.now(),
                clock.now().plus(LIFE)));
        return new Challenge(token, position);
    }

    /** True when the answer is near the gap; the challenge is used up either way. */
    public boolean verify(String token, Integer answer) {
        if (token == null || token.isBlank() || answer == null || token.length() > 64) {
            return false;
        }
        OneTimeSecret secret = em.createNamedQuery(OneTimeSecret.UNUSED, OneTimeSecret.class)
                .setParameter("kind", SecretKind.SLIDER).setParameter("flow", protector.digest("slider", token))
                .setParameter("target", "slider").setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .stream().findFirst().orElse(null);
        if (secret == null) {
            return false;
        }
        if (clock.now().isBefore(secret.createdAt().plus(MIN_ANSWER_TIME))) {
            secret.supersede(clock.now());
            return false;
        }
        java.util.List<String> candidates = new java.util.ArrayList<>(2 * TOLERANCE + 1);
        for (int candidate = answer - TOLERANCE; candidate <= answer + TOLERANCE; candidate++) {
            candidates.add(protector.digest("slider-answer", Integer.toString(candidate)));
        }
        if (secret.presentAny(candidates, clock.now()) == OneTimeSecret.Outcome.ACCEPTED) {
            return true;
        }
        secret.supersede(clock.now());
        return false;
    }

    /** A slider challenge: the token to send back and where the gap is (percent of the track). */
    public record Challenge(String token, int position) {
    }
}
