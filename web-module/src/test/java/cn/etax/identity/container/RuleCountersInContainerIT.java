package cn.etax.identity.container;

import cn.etax.identity.authentication.application.Housekeeping;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.SecretKind;
import cn.etax.identity.authentication.application.RateLimiter;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.Gb11643;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.RateLimitedException;
import cn.etax.identity.simulation.application.PersonFixtures;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The counters behind RULE-LOCK and RULE-SMS, exercised inside the container: many EJB calls at once, each in its
 * own container-managed transaction on its own pooled connection, exactly as parallel HTTP requests reach them.
 * Runs in Payara Micro with the application's own WAR on an H2 database of its own.
 */
@ExtendWith(ArquillianExtension.class)
@DisplayName("RULE-LOCK / RULE-SMS under parallel calls in the container; housekeeping")
class RuleCountersInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(RuleCountersInContainerIT.class);
    }

    @EJB
    PersonFixtures fixtures;

    @EJB
    LoginGuardService guard;

    @EJB
    RateLimiter limiter;

    @Resource
    ManagedExecutorService executor;

    @EJB
    Housekeeping housekeeping;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Test
    @DisplayName("20 parallel password attempts for one person: exactly 5 are let through, 15 find the account locked")
    void parallel_attempts_never_exceed_five() throws Exception {
        long personId = fixtures.create("并发测试", randomDocument(), null, "Conc@2026tax", false);
        int[] outcome = race(20, () -> guard.begin(personId, AuthMethod.PASSWORD), AccountLockedException.class);
        assertEquals(5, outcome[0], "attempts let through");
        assertEquals(15, outcome[1], "attempts refused as locked");
    }

    @Test
    @DisplayName("20 parallel wrong SMS codes for one person: exactly 5 are checked, 15 find the account locked")
    void parallel_quick_checks_never_exceed_five() throws Exception {
        long personId = fixtures.create("并发验证码", randomDocument(), null, "Conc@2026tax", false);
        AtomicInteger checked = new AtomicInteger();
        int[] outcome = race(20, () -> guard.check(personId, AuthMethod.SMS_CODE, checked::incrementAndGet,
                n -> false), AccountLockedException.class);
        assertEquals(5, outcome[0], "wrong codes answered");
        assertEquals(15, outcome[1], "attempts refused as locked");
        assertEquals(5, checked.get(), "codes compared at all");
        assertThrows(AccountLockedException.class, () -> guard.check(personId, AuthMethod.SMS_CODE, () -> true,
                ok -> ok), "the right code after five wrong ones: still locked");
    }

    @Test
    @DisplayName("a right SMS code after wrong ones clears the count: five more tries, not one")
    void a_passed_quick_check_clears_the_count() {
        long personId = fixtures.create("清零测试", randomDocument(), null, "Conc@2026tax", false);
        for (int i = 0; i < 4; i++) {
            assertEquals(4 - i, guard.check(personId, AuthMethod.SMS_CODE, () -> false, ok -> ok).left());
        }
        assertEquals(5, guard.check(personId, AuthMethod.SMS_CODE, () -> true, ok -> ok).left());
        assertEquals(5, guard.remaining(personId, AuthMethod.SMS_CODE));
    }

    @Test
    @DisplayName("15 parallel SMS sends to one phone in one window: exactly 10 pass, 5 are too frequent")
    void parallel_sms_never_exceed_ten() throws Exception {
        String key = "sms:in-container-" + System.nanoTime();
        int[] outcome = race(15, () -> limiter.consume(key, 10, Duration.ofMinutes(10), "SMS_TOO_FREQUENT"),
                RateLimitedException.class);
        assertEquals(10, outcome[0], "codes sent");
        assertEquals(5, outcome[1], "codes refused");
    }

    @Test
    @DisplayName("housekeeping removes one-time secrets a day after they expired, and only those")
    void housekeeping_removes_only_long_expired_secrets() throws Exception {
        Instant now = Instant.now();
        tx.begin();
        OneTimeSecret old = new OneTimeSecret(SecretKind.SMS_CODE, "housekeeping-old", "t", "d",
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        OneTimeSecret recent = new OneTimeSecret(SecretKind.SMS_CODE, "housekeeping-recent", "t", "d",
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        em.persist(old);
        em.persist(recent);
        tx.commit();

        housekeeping.removeExpired();

        assertNull(em.find(OneTimeSecret.class, old.id()), "expired two days ago: removed");
        assertNotNull(em.find(OneTimeSecret.class, recent.id()), "expired an hour ago: kept");
    }

    /** Runs {@code calls} copies of the action released at once; counts successes and expected refusals. */
    private int[] race(int calls, Runnable action, Class<? extends RuntimeException> refusal) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            results.add(executor.submit(() -> {
                start.await();
                try {
                    action.run();
                    return true;
                } catch (RuntimeException e) {
                    if (refusal.isInstance(e)) {
                        return false;
                    }
                    throw e;
                }
            }));
        }
        start.countDown();
        int passed = 0;
        int refused = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                passed++;
            } else {
                refused++;
            }
        }
        return new int[]{passed, refused};
    }

    private static IdDocument randomDocument() {
        String first17 = String.format("44030419%02d0%d1%d%03d", 60 + ThreadLocalRandom.current().nextInt(40),
                1 + ThreadLocalRandom.current().nextInt(9), ThreadLocalRandom.current().nextInt(9),
                ThreadLocalRandom.current().nextInt(1000));
        return IdDocument.of(IdType.RESIDENT_ID_CARD, first17 + Gb11643.checkCharacter(first17));
    }
}
