package cn.etax.identity.demo.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.registration.domain.OfflineCollection;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.simulation.application.SimulatorService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Demo data for the embedded default ({@code identity.demo.enabled=true}; the README lists it). Idempotent: what
 * exists already is left alone, so restarts keep whatever a tester changed.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "StartupChecks"})
public class DemoData {

    /** Registered person, level 4: log in with any of ID number, phone or username and this password. */
    public static final String DEMO_PASSWORD = "Demo@2026tax";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "identity.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    PhoneOwnership phones;

    @EJB
    LoginGuardService guards;

    @EJB
    SimulatorService simulators;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        // citizens the identity registry simulator knows (registered below, or free to register)
        simulators.addCitizen("张三", IdType.RESIDENT_ID_CARD, "11010519491231002X", "CHN");
        simulators.addCitizen("李四", IdType.RESIDENT_ID_CARD, "440524188001010014", "CHN");
        simulators.addCitizen("王五", IdType.RESIDENT_ID_CARD, "110101199003071233", "CHN");
        simulators.addCitizen("赵六", IdType.RESIDENT_ID_CARD, "320102198511122341", "CHN");
        simulators.addCitizen("孙七", IdType.RESIDENT_ID_CARD, "440304199205053451", "CHN");
        simulators.addCitizen("陈港生", IdType.HK_MACAO_RESIDENCE_PERMIT, "81000019900101567X", "CHN");

        Person zhang = person("张三", "11010519491231002X", "13800000001", false);
        if (zhang != null) {
            zhang.chooseUsername("zhangsan01");
        }
        person("李四", "440524188001010014", "13800000002", true);
        collected("John Smith", IdType.FOREIGN_PASSPORT, "P12345678", "13800000005", "USA");
        LOG.info("demo data ready (see README: demo persons)");
    }

    private Person person(String name, String number, String phone, boolean migrated) {
        IdDocument document = IdDocument.of(IdType.RESIDENT_ID_CARD, number);
        if (directory.byDocument(document).isPresent()) {
            return null;
        }
        ProtectedValue id = protector.protect("id", document.digestInput(), document.number(), v -> document.masked());
        Person p = migrated
                ? Person.migrated(name, document.type(), id, document.gender(), "CHN", document.birthDate(),
                        hasher.hash(number.substring(number.length() - 6)), clock.now())
                : Person.registered(name, document.type(), id, document.gender(), "CHN", document.birthDate(), false,
                        hasher.hash(DEMO_PASSWORD), 4, clock.now());
        em.persist(p);
        em.flush();
        p.addPhone(phones.release(MobileNumber.parse(phone), p.id(), ClientContext.UNKNOWN), clock.now());
        guards.create(p.id());
        return p;
    }

    private void collected(String name, IdType type, String number, String phone, String nationality) {
        IdDocument document = IdDocument.of(type, number);
        String digest = directory.documentDigest(document);
        boolean known = !em.createNamedQuery(OfflineCollection.BY_DOCUMENT, OfflineCollection.class)
                .setParameter("digest", digest).getResultList().isEmpty();
        if (!known) {
            em.persist(new OfflineCollection(name, type, digest,
                    protector.digest("phone", MobileNumber.parse(phone).value()), nationality, "国家税务总局示范市税务局第一税务所",
                    clock.now()));
        }
    }
}
