package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.authentication.domain.LoginRecord;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;

/** RULE-LOG for logins: every attempt is written, failures in a transaction of their own so they outlive the step. */
@Stateless
public class LoginLogService {

    public static final String PERSON_ENTRY = "PERSON";
    public static final String ENTERPRISE_ENTRY = "ENTERPRISE";

    /** The login-log entry of a login flow (RULE-LOG shows through which entry a person came). */
    public static String entryOf(FlowKind kind) {
        return kind.isEnterprise() ? ENTERPRISE_ENTRY
                : PERSON_ENTRY;
    }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(Long personId, AuthMethod method, LoginOutcome outcome, String reason,
                                 ClientContext client) {
        record(personId, method, outcome, reason, client);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Long personId, AuthMethod method, LoginOutcome outcome, String reason, ClientContext client) {
        record(PERSON_ENTRY, personId, method, outcome, reason, client);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String entry, Long personId, AuthMethod method, LoginOutcome outcome, String reason,
                       ClientContext client) {
        em.persist(new LoginRecord(personId, entry, method, outcome, reason, client.address(),
                client.userAgent(), clock.now()));
    }

    /** LOGIN-2 once the taxpayer is known: the record names it, for the enterprise's login log (ENT-10). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordEnterprise(long taxpayerId, Long personId, AuthMethod method, LoginOutcome outcome,
                                 String reason, ClientContext client) {
        em.persist(new LoginRecord(personId, ENTERPRISE_ENTRY, method, outcome, reason, client.address(),
                client.userAgent(), clock.now()).forTaxpayer(taxpayerId));
    }

    /**
     * Where a login attempt happened: the entry (natural person or enterprise) and, once an enterprise login has named
     * its taxpayer, that taxpayer, so that failures show in the enterprise's login log too (ENT-10).
     */
    public record Entry(String name, Long taxpayerId) {

        public static Entry of(String name) {
            return new Entry(name, null);
        }
    }

    /** A failure or lock of one step, in a transaction of its own so it stays when the step's is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(Entry entry, Long personId, AuthMethod method, LoginOutcome outcome, String reason,
                                 ClientContext client) {
        LoginRecord record = new LoginRecord(personId, entry.name(), method, outcome, reason, client.address(),
                client.userAgent(), clock.now());
        em.persist(entry.taxpayerId() == null ? record : record.forTaxpayer(entry.taxpayerId()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordEnterpriseSeparately(long taxpayerId, Long personId, AuthMethod method, LoginOutcome outcome,
                                           String reason, ClientContext client) {
        recordEnterprise(taxpayerId, personId, method, outcome, reason, client);
    }

    /**
     * ENT-10: logins through the enterprise entry for the taxpayer since {@code from}, of one person or (null) of
     * everyone.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LoginRecord> ofTaxpayer(long taxpayerId, Long personId, LocalDate from, int max) {
        return em.createNamedQuery(LoginRecord.OF_TAXPAYER_SINCE, LoginRecord.class)
                .setParameter("taxpayer", taxpayerId).setParameter("entry", ENTERPRISE_ENTRY)
                .setParameter("since", from.atStartOfDay(clock.zone()).toInstant())
                .getResultStream().filter(r -> personId == null || personId.equals(r.personId()))
                .limit(Math.min(max, 500)).toList();
    }

    /** The person's own records since {@code from} (the page defaults to one month back). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LoginRecord> of(long personId, LocalDate from, int max) {
        return em.createNamedQuery(LoginRecord.OF_PERSON_SINCE, LoginRecord.class)
                .setParameter("person", personId)
                .setParameter("since", from.atStartOfDay(clock.zone()).toInstant())
                .setMaxResults(Math.min(max, 500)).getResultList();
    }
}
