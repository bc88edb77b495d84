package cn.etax.identity.demo.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.registration.domain.OfflineCollection;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.simulation.application.SimulatedKeyIssuer;
import cn.etax.identity.simulation.application.PersonFixtures;
import cn.etax.identity.simulation.application.SimulatorService;
import cn.etax.identity.socialsecurity.application.FeePayerMessage;
import cn.etax.identity.socialsecurity.application.FeePayerRegistry;
import cn.etax.identity.socialsecurity.domain.FeePayerAccount;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.CrossRegionSubjectMessage;
import cn.etax.identity.taxpayer.application.TaxpayerRegistrar;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import cn.etax.identity.taxpayer.domain.VatQualification;
import cn.etax.identity.transition.application.LegacyPasswordDigest;
import cn.etax.identity.transition.application.TransitionService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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

    /** LOGIN-11: the old enterprise password (企业密码) of 示范科技 at the old entry while the transition lasts. */
    public static final String DEMO_ENTERPRISE_PASSWORD = "Qiye@2019";

    /** PIN of the demo taxpayers' certificate keys. */
    public static final String DEMO_KEY_PIN = "12345678";

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

    @EJB
    TaxpayerRegistrar registrar;

    @EJB
    FeePayerRegistry feePayers;

    @EJB
    TransitionService transition;

    @Inject
    PasswordHasher hasher;


    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        List<String[]> rows = rows();
        for (String[] row : rows) {
            if (row[0].equals("taxpayer") || row[0].equals("crossregion") || row[0].equals("feepayer")) {
                continue; // after every person exists; cross-region subjects after their taxpayers
            }
            IdDocument document = IdDocument.of(IdType.valueOf(row[2]), row[3]);
            switch (row[0]) {
                case "citizen" -> simulators.addCitizen(row[1], document.type(), document.number(), row[5]);
                case "person", "migrated", "overseas" -> {
                    if (directory.byDocument(document).isEmpty()) {
                        long id = fixtures.create(row[1], document, row[4], DEMO_PASSWORD, row[0].equals("migrated"),
                                row[0].equals("overseas"));
                        if (!row[6].isEmpty()) {
                            em.find(Person.class, id).chooseUsername(row[6]);
                        }
                    }
                }
                case "collected" -> collected(row[1], document, row[4], row[5], row[6]);
                default -> throw new IllegalStateException("unknown demo row kind " + row[0]);
            }
        }
        for (String[] row : rows) {
            if (row[0].equals("taxpayer")) {
                taxpayer(row[1], row[2], row[3], row[4], row[5],
                        row.length > 6 ? TaxpayerKind.valueOf(row[6]) : TaxpayerKind.ORDINARY);
                taxDigitalCertificate(row[1], row[2]);
            }
        }
        for (String[] row : rows) {
            if (row[0].equals("crossregion")) {
                crossRegionSubject(CrossRegionKind.valueOf(row[1]), row[2], row[3], row[4], row[5]);
            }
        }
        if (transition.open()) {
            // LOGIN-11: 示范科技's old shared enterprise password, as the old system kept it, for the old entry
            transition.record("91360102MA35K8DE0A", LegacyPasswordDigest.sm3("demo-salt".getBytes(
                    StandardCharsets.UTF_8), DEMO_ENTERPRISE_PASSWORD), ClientContext.UNKNOWN);
        }
        for (String[] row : rows) {
            if (row[0].equals("feepayer")) {
                feePayer(row);
            }
        }
        LOG.info("demo data ready (see README: demo persons)");
    }

    /**
     * REG-8 through the same path as the core tax system's message; the message id makes it idempotent, so a restart
     * leaves the taxpayer and whatever happened to its grants alone.
     */
    private void taxpayer(String name, String creditCode, String provinceCode, String legalId, String financeId,
                          TaxpayerKind kind) {
        Map<String, String> names = rows().stream().filter(r -> r[0].equals("person") || r[0].equals("migrated"))
                .collect(Collectors.toMap(r -> r[3], r -> r[1], (a, b) -> a));
        LocalDate registered = LocalDate.of(2020, 6, 1);
        registrar.register(new TaxpayerRegistration("demo-" + creditCode, creditCode, name, kind,
                "13601020000", "国家税务总局南昌市东湖区税务局", provinceCode, "江西省", "有限责任公司",
                "软件和信息技术服务业", VatQualification.SMALL_SCALE, "江西省南昌市东湖区示范路1号", registered,
                registered.atStartOfDay(clock.zone()).toInstant(),
                new SyncPerson(names.get(legalId), IdType.RESIDENT_ID_CARD, legalId),
                new SyncPerson(names.get(financeId), IdType.RESIDENT_ID_CARD, financeId), List.of()),
                ClientContext.UNKNOWN);
    }

    /**
     * LOGIN-4: a cross-region subject through the core tax system's message, idempotent by its id — which names the
     * validity, so that a restart in a later year extends it as a new message and never resends an id with other
     * content (SYNC_MESSAGE_ID_REUSED).
     */
    private void crossRegionSubject(CrossRegionKind kind, String number, String creditCode, String handlerName,
                                    String handlerPhone) {
        LocalDate until = clock.today().plusYears(1).withDayOfYear(1).plusMonths(5);
        registrar.recordCrossRegionSubject(new CrossRegionSubjectMessage("demo-" + number + "-" + until, kind,
                number, creditCode, "江西省", "九江市", "濂溪区", "国家税务总局九江市濂溪区税务局", handlerName,
                handlerPhone, LocalDate.of(2026, 1, 1), until, false), ClientContext.UNKNOWN);
    }

    /**
     * LOGIN-10: a social-security fee payer through the fee collection system's message (idempotent), and with a
     * username its account, registered once with the demo password.
     */
    private void feePayer(String[] row) {
        FeePayerKind kind = FeePayerKind.valueOf(row[1]);
        IdType idType = row[2].isEmpty() ? null : IdType.valueOf(row[2]);
        feePayers.record(new FeePayerMessage(kind, idType, row[3], row[4], row[5], Boolean.parseBoolean(row[6]), true),
                ClientContext.UNKNOWN);
        FeePayerAccount account = feePayers.find(kind, idType, row[3], true).orElseThrow();
        if (!row[7].isEmpty() && !account.registered()) {
            account.register(row[7], hasher.hash(DEMO_PASSWORD), clock.now());
        }
    }

    /**
     * LOGIN-6, ENT-7: the taxpayer's tax UKey "inserted" in the simulated certificate helper — token
     * {@code demo-<credit code>}, an SM2 certificate under a tax CA the platform trusts, PIN {@value #DEMO_KEY_PIN};
     * kept across restarts like the rest of the data directory. Written as files only (the certificate connector is not
     * needed at start); a failure costs the demo its key, never the deployment.
     */
    private void taxDigitalCertificate(String name, String creditCode) {
        Path tokens = SimulatedKeyIssuer.tokenDirectory();
        String token = "demo-" + creditCode;
        if (Files.exists(tokens.resolve(token))) {
            return; // an earlier start issued it; its PIN may have been changed since
        }
        try {
            SimulatedKeyIssuer.issue(tokens, token, name, creditCode, "SM2", clock.now().minus(Duration.ofDays(1)),
                    clock.now().plus(Duration.ofDays(730)), DEMO_KEY_PIN.toCharArray(), true);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo certificate key {0} not issued: {1}", new Object[] {token, e.toString()});
        }
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
