package cn.etax.identity.taxpayer.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.taxpayer.domain.NonResidentApplication;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * LOGIN-5 非居民企业: an overseas natural person submits a non-resident enterprise's information (非居民企业身份信息
 * 采集) and follows it; a tax officer approves it — the enterprise is registered as a non-resident taxpayer through
 * the registrar, the applicant bound as its responsible person, and the enterprise's identity code issued — or
 * rejects it with a reason. The person side answers only the caller's own applications.
 */
@Stateless
@DeclareRoles({Caller.PERSON, Caller.ACCOUNT_CENTER, Caller.PERSONAL_BUSINESS})
public class NonResidentService {

    /** Registration authority "Y" (other) and type "1" mark the issued codes; then the province, then random. */
    static final String CODE_PREFIX = "Y1";

    private static final RandomGenerator RANDOM = new SecureRandom();

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    TaxpayerRegistrar registrar;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    @ConfigProperty(name = "identity.home-province", defaultValue = "36")
    String homeProvince;

    @Inject
    @ConfigProperty(name = "identity.home-province-name", defaultValue = "江西省")
    String homeProvinceName;

    /**
     * 提交: only an overseas natural person (境外自然人; never a resident identity card's holder, whatever his
     * registration declared) may, and only one application of his waits at a time
     * ({@code NON_RESIDENT_OVERSEAS_ONLY}, {@code NON_RESIDENT_APPLICATION_PENDING}).
     */
    @RolesAllowed(Caller.PERSON)
    public NonResidentView submit(NonResidentForm form, ClientContext client) {
        Person me = directory.get(Caller.inPersonalBusiness(context));
        if (!overseasPerson(me)) {
            throw new ForbiddenException("NON_RESIDENT_OVERSEAS_ONLY");
        }
        if (form == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        em.find(Person.class, me.id(), LockModeType.PESSIMISTIC_WRITE); // one submission of his at a time
        boolean waiting = em.createNamedQuery(NonResidentApplication.OF_APPLICANT, NonResidentApplication.class)
                .setParameter("person", me.id()).getResultStream()
                .anyMatch(a -> a.state() == NonResidentApplication.State.SUBMITTED);
        if (waiting) {
            throw new ConflictException("NON_RESIDENT_APPLICATION_PENDING");
        }
        NonResidentApplication a = new NonResidentApplication(me.id(), form.enterpriseName(), form.country(),
                form.registrationNumber(), form.address(), clock.now());
        em.persist(a);
        em.flush();
        audit.record(me.id(), "NON_RESIDENT_SUBMITTED", "non-resident:" + a.id(), a.country() + " "
                + a.enterpriseName(), client);
        return NonResidentView.of(a, Masking.name(me.name()));
    }

    /** Whether the caller may submit at all: the page says so before the form is filled in. */
    @RolesAllowed(Caller.PERSON)
    public boolean mayApply() {
        return overseasPerson(directory.get(Caller.inPersonalBusiness(context)));
    }

    private static boolean overseasPerson(Person p) {
        return p.overseas() && !p.idType().mainlandOnly();
    }

    /** The caller's own applications, newest first, with their state and, once approved, the identity code. */
    @RolesAllowed(Caller.PERSON)
    public List<NonResidentView> mine() {
        Person me = directory.get(Caller.inPersonalBusiness(context));
        return em.createNamedQuery(NonResidentApplication.OF_APPLICANT, NonResidentApplication.class)
                .setParameter("person", me.id()).getResultStream()
                .map(a -> NonResidentView.of(a, Masking.name(me.name()))).toList();
    }

    // ---- for the tax office: registration clerks (ClerkNonResidentService names the clerk and records)

    @RolesAllowed(ClerkRole.REGISTRATION)
    public List<NonResidentView> submitted() {
        return em.createNamedQuery(NonResidentApplication.IN_STATE, NonResidentApplication.class)
                .setParameter("state", NonResidentApplication.State.SUBMITTED).setMaxResults(200).getResultStream()
                .map(a -> NonResidentView.of(a, Masking.name(directory.get(a.applicantId()).name()))).toList();
    }

    /**
     * Approved: the enterprise registered as a non-resident taxpayer of the approving office, the applicant bound as
     * its responsible person (法定代表人/负责人, one active identity), its identity code issued.
     */
    @RolesAllowed(ClerkRole.REGISTRATION)
    public NonResidentView approve(long applicationId, long clerkId, String officeCode, String officeName,
                                   ClientContext client) {
        NonResidentApplication a = locked(applicationId);
        if (a.state() != NonResidentApplication.State.SUBMITTED) {
            throw new ConflictException("NON_RESIDENT_APPLICATION_DECIDED");
        }
        Person applicant = directory.get(a.applicantId());
        if (!applicant.active()) {
            throw new ConflictException("NON_RESIDENT_APPLICANT_GONE");
        }
        String code = newCode();
        registrar.register(new TaxpayerRegistration("non-resident-" + a.id(), code, a.enterpriseName(),
                TaxpayerKind.NON_RESIDENT, officeCode, officeName, homeProvince, homeProvinceName, "非居民企业", null,
                null, a.address(), clock.today(), clock.now(), new SyncPerson(applicant.name(), applicant.idType(),
                        protector.decrypt(applicant.idCipher())), null, List.of()), client);
        long taxpayerId = em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class).setParameter("code", code)
                .getSingleResult();
        a.approve(code, taxpayerId, clerkId, clock.now());
        return NonResidentView.of(a, Masking.name(applicant.name()));
    }

    @RolesAllowed(ClerkRole.REGISTRATION)
    public NonResidentView reject(long applicationId, String reason, long clerkId) {
        NonResidentApplication a = locked(applicationId);
        a.reject(reason, clerkId, clock.now());
        return NonResidentView.of(a, Masking.name(directory.get(a.applicantId()).name()));
    }

    private NonResidentApplication locked(long id) {
        NonResidentApplication a = em.find(NonResidentApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new NotFoundException("NON_RESIDENT_APPLICATION_NOT_FOUND");
        }
        return a;
    }

    /** A new identity code no taxpayer has: Y1, the province, four zeros, nine random digits, the check character. */
    private String newCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = code(homeProvince, RANDOM);
            boolean taken = !em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class).setParameter("code", code)
                    .getResultList().isEmpty();
            if (!taken) {
                return code;
            }
        }
        throw new IllegalStateException("no free non-resident identity code after 20 draws");
    }

    /** An 18-character code in the unified social credit code's form, its check character right (GB 32100). */
    static String code(String province, RandomGenerator random) {
        StringBuilder first17 = new StringBuilder(CODE_PREFIX).append(province).append("0000");
        for (int i = 0; i < 9; i++) {
            first17.append((char) ('0' + random.nextInt(10)));
        }
        String code = first17.toString() + CreditCode.checkCharacter(first17.toString());
        return CreditCode.of(code).value();
    }
}
