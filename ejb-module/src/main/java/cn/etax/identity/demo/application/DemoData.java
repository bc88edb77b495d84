package cn.etax.identity.demo.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.registration.domain.OfflineCollection;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.simulation.application.PersonFixtures;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Demo data for the embedded default ({@code identity.demo.enabled=true}), read from {@code demo-data.csv}; the
 * README lists it. Idempotent: what exists already is left alone, so restarts keep whatever a tester changed.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "StartupChecks"})
public class DemoData {

    /** Password of the registered demo persons. */
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
    PersonFixtures fixtures;

    @EJB
    SimulatorService simulators;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        for (String[] row : rows()) {
            IdDocument document = IdDocument.of(IdType.valueOf(row[2]), row[3]);
            switch (row[0]) {
                case "citizen" -> simulators.addCitizen(row[1], document.type(), document.number(), row[5]);
                case "person", "migrated" -> {
                    if (directory.byDocument(document).isEmpty()) {
                        long id = fixtures.create(row[1], document, row[4], DEMO_PASSWORD, row[0].equals("migrated"));
                        if (!row[6].isEmpty()) {
                            em.find(Person.class, id).chooseUsername(row[6]);
                        }
                    }
                }
                case "collected" -> collected(row[1], document, row[4], row[5], row[6]);
                default -> throw new IllegalStateException("unknown demo row kind " + row[0]);
            }
        }
        LOG.info("demo data ready (see README: demo persons)");
    }

    private void collected(String name, IdDocument document, String phone, String nationality, String office) {
        String digest = directory.documentDigest(document);
        boolean known = !em.createNamedQuery(OfflineCollection.BY_DOCUMENT, OfflineCollection.class)
                .setParameter("digest", digest).getResultList().isEmpty();
        if (!known) {
            em.persist(new OfflineCollection(name, document.type(), digest,
                    protector.digest("phone", MobileNumber.parse(phone).value()), nationality, office, clock.now()));
        }
    }

    private static List<String[]> rows() {
        try (InputStream in = DemoData.class.getResourceAsStream("demo-data.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
