package cn.etax.identity.container;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.Gb11643;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.simulation.application.SimulatorService;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.TaxpayerRegistrar;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import cn.etax.identity.taxpayer.domain.VatQualification;
import cn.etax.identity.transition.application.LegacyLoginService;
import cn.etax.identity.transition.application.LegacyPasswordDigest;
import cn.etax.identity.transition.application.TransitionService;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LOGIN-11's switch-off inside the container, where the business clock may jump past the transition's last day
 * (2090-12-31 in this container's configuration) without disturbing any other test: old enterprise passwords carried
 * over while the old entry is open; the day after its last day the old entry refuses, and no old password is left in
 * the database — nothing of the old shared enterprise password survives the switch; the migration is refused too.
 */
@ExtendWith(ArquillianExtension.class)
@DisplayName("LOGIN-11: the switch-off deletes every old enterprise password")
class TransitionInContainerIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ClientContext CLIENT = new ClientContext("127.0.0.1", "TransitionInContainerIT");

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(TransitionInContainerIT.class);
    }

    @EJB
    TransitionService transition;

    @EJB
    LegacyLoginService legacy;

    @EJB
    TaxpayerRegistrar registrar;

    @EJB
    SimulatorService simulators;

    @EJB
    HumanCheckService humanCheck;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Test
    @DisplayName("the day after the last day: the old entry and the migration refuse, and no old password is left")
    void switch_off_leaves_nothing() {
        String first = registeredTaxpayer();
        String second = registeredTaxpayer();
        byte[] salt = "container-salt".getBytes(StandardCharsets.UTF_8);
        assertEquals("APPLIED", transition.record(first, LegacyPasswordDigest.sm3(salt, "Qiye@2019"), CLIENT));
        assertEquals("APPLIED", transition.record(second, LegacyPasswordDigest.sm3(salt, "Qiye@2020"), CLIENT));
        assertTrue(oldPasswords() >= 2);
        assertTrue(transition.open());
        // a login of the old entry under way at the switch-off: the password passed, no staff chosen yet
        Duration shiftBefore = simulators.shiftClock(Duration.ZERO);
        HumanCheckService.Challenge slider = humanCheck.issue();
        simulators.shiftClock(Duration.ofSeconds(1)); // a person's pace on the business clock the slider reads
        String underWay = legacy.password(first, "Qiye@2019", slider.token(), slider.position(), CLIENT).flowToken();
        LocalDate lastDay = transition.period().lastDay();
        assertEquals(LocalDate.of(2090, 12, 31), lastDay);

        Instant businessNow = Instant.now().plus(simulators.shiftClock(Duration.ZERO));
        Duration toTheDayAfter = Duration.between(businessNow,
                lastDay.plusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(60));
        simulators.shiftClock(toTheDayAfter);
        try {
            assertFalse(transition.open());
            DomainException closed = assertThrows(DomainException.class,
                    () -> legacy.password(first, "Qiye@2019", null, null, CLIENT));
            assertEquals("LEGACY_ENTRY_CLOSED", closed.code());
            assertEquals(0, oldPasswords(), "nothing of the old passwords survives the switch");
            DomainException ended = assertThrows(DomainException.class, () -> legacy.chooseStaff(underWay, 1L));
            assertEquals("FLOW_INVALID", ended.code(), "the login under way ended with the switch");
            DomainException migration = assertThrows(DomainException.class,
                    () -> transition.record(second, LegacyPasswordDigest.sm3(salt, "Qiye@2020"), CLIENT));
            assertEquals("LEGACY_ENTRY_CLOSED", migration.code());
            assertTrue(transition.closeIfOver(), "the hourly switch-off finds the transition over");
            assertEquals(0, oldPasswords());
        } finally {
            simulators.shiftClock(toTheDayAfter.negated()); // back to no shift, then to the shift before
            simulators.shiftClock(shiftBefore);
        }
        assertTrue(transition.open(), "the clock is back");
    }

    private long oldPasswords() {
        return em.createQuery("select count(p) from LegacyEnterprisePassword p", Long.class).getSingleResult();
    }

    /** A taxpayer as the core tax system registers it; answers its credit code. */
    private String registeredTaxpayer() {
        String first17 = "91360100" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String code = first17 + CreditCode.checkCharacter(first17);
        LocalDate on = LocalDate.of(2020, 6, 1);
        registrar.register(new TaxpayerRegistration("transition-" + code, code, "双轨测试企业" + code.substring(12),
                TaxpayerKind.ORDINARY, "13601000000", "国家税务总局南昌市税务局", "36", "江西省", "有限责任公司",
                "软件和信息技术服务业", VatQualification.SMALL_SCALE, "江西省南昌市示范路2号", on,
                on.atStartOfDay(ZONE).toInstant(), new SyncPerson("法人甲", IdType.RESIDENT_ID_CARD,
                idNumber()), new SyncPerson("财务乙", IdType.RESIDENT_ID_CARD, idNumber()), List.of()), CLIENT);
        return code;
    }

    private static String idNumber() {
        String first17 = "11010519" + String.format("%02d", 60 + ThreadLocalRandom.current().nextInt(30)) + "0101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + Gb11643.checkCharacter(first17);
    }
}
