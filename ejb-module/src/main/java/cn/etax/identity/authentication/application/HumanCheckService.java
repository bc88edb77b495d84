package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AnsweredChallenge;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * The anti-automation slider that comes before any password is checked (RULE-LOCK): the page shows a gap at a
 * random position and the person drags the slider onto it. A challenge is good for one answer, must not be
 * answered faster than a person can, and expires after two minutes. Issuing one costs no database work (the
 * challenge is a signed token, {@link SliderChallenge}); its answer records it as answered in a transaction of its
 * own. A vendor CAPTCHA would replace this class.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HumanCheckService {

    private static final Logger LOG = Logger.getLogger(HumanCheckService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Challenge issue() {
        SliderChallenge challenge = SliderChallenge.issue(clock.now(), 15 + RANDOM.nextInt(71));
        return new Challenge(challenge.token(this::mac), challenge.position());
    }

    /**
     * True when the answer is near the gap, came at a person's pace and is the challenge's first; the challenge is
     * used up either way.
     */
    public boolean verify(String token, Integer answer) {
        if (answer == null) {
            return false;
        }
        SliderChallenge challenge = SliderChallenge.parse(token, this::mac).orElse(null);
        if (challenge == null) {
            return false;
        }
        SliderChallenge.Verdict verdict = challenge.judge(answer, clock.now());
        if (verdict == SliderChallenge.Verdict.EXPIRED) {
            return false;
        }
        return firstAnswer(token, challenge) && verdict == SliderChallenge.Verdict.PASSED;
    }

    /** Records the challenge as answered; false when it was already (or is being, by a racing request). */
    private boolean firstAnswer(String token, SliderChallenge challenge) {
        try {
            em.persist(new AnsweredChallenge(protector.digest("slider", token), challenge.expiresAt()));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // the primary key refused a second answer; this transaction rolls back with nothing in it
            LOG.fine("slider challenge answered again");
            return false;
        }
    }

    private String mac(String payload) {
        return protector.digest("slider-challenge", payload);
    }

    /** A slider challenge: the token to send back and where the gap is (percent of the track). */
    public record Challenge(String token, int position) {
    }
}
