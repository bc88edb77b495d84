package cn.etax.identity.transition.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LegacyEnterprisePassword;
import cn.etax.identity.authentication.domain.TransitionPeriod;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * LOGIN-11 双轨运行: whether the old entry is still open ({@code identity.transition.legacy-entry-last-day}, the last
 * business day it takes logins; unset: there is none), the old system's enterprise passwords carried over for it, an
 * enterprise stopping it for itself, and the switch-off: once the last day is over every old password is deleted —
 * at start, every hour, and before the old entry answers that it is closed ({@link #closeIfOver} in a transaction
 * of its own, so that refusal cannot roll the deletion back).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TransitionService {

    private static final Logger LOG = Logger.getLogger(TransitionService.class.getName());
    private static final List<FlowKind> LEGACY_FLOWS = List.of(FlowKind.LEGACY_LOGIN, FlowKind.LEGACY_AGENT);

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    @ConfigProperty(name = "identity.transition.legacy-entry-last-day")
    Optional<String> lastDayText;

    private TransitionPeriod period;

    @PostConstruct
    void start() {
        String text = lastDayText.map(String::strip).orElse("");
        try {
            period = new TransitionPeriod(text.isEmpty() ? null : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("identity.transition.legacy-entry-last-day must be a date like 2027-06-30",
                    e);
        }
        closeIfOver();
    }

    /** The configured period; the old entry is open on a business day within it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TransitionPeriod period() {
        return period;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean open() {
        return period.open(clock.today());
    }

    /**
     * The switch-off: when the transition is over, no old enterprise password remains (deleted now if any did), and
     * no login of the old entry still under way can finish. Answers whether it is over. A transaction of its own, so
     * no refusal of a caller can roll the deletion back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean closeIfOver() {
        if (period.open(clock.today())) {
            return false;
        }
        em.createNamedQuery(AuthFlow.DELETE_OF_KINDS).setParameter("kinds", LEGACY_FLOWS).executeUpdate();
        int deleted = em.createNamedQuery(LegacyEnterprisePassword.DELETE_ALL).executeUpdate();
        if (deleted > 0) {
            audit.record(null, "LEGACY_PASSWORDS_PURGED", "transition",
                    deleted + " old enterprise passwords deleted at the end of the transition (last day "
                            + period.lastDay() + ")", ClientContext.UNKNOWN);
            LOG.info(() -> "transition over: " + deleted + " old enterprise passwords deleted");
        }
        return true;
    }

    /**
     * The switch-off's rounds: just after midnight in Asia/Shanghai (when a last day ends) and every hour
     * (non-persistent timers: every node may run them; the deletes are idempotent).
     */
    @Schedule(hour = "*", minute = "7", persistent = false)
    @Schedule(hour = "0", minute = "0", second = "5", timezone = "Asia/Shanghai", persistent = false)
    public void hourly() {
        closeIfOver();
    }

    /**
     * The old system's enterprise password of a registered taxpayer, carried over (API-3 migration). Refused once the
     * transition is over ({@code LEGACY_ENTRY_CLOSED}); a taxpayer that stopped the old entry stays stopped. Answers
     * APPLIED or UNCHANGED.
     */
    public String record(String rawCreditCode, String rawDigest, ClientContext client) {
        if (!open()) {
            throw new ForbiddenException("LEGACY_ENTRY_CLOSED");
        }
        CreditCode code = CreditCode.of(rawCreditCode);
        String digest = LegacyPasswordDigest.check(rawDigest);
        long taxpayerId = em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class)
                .setParameter("code", code.value()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        LegacyEnterprisePassword row = em.find(LegacyEnterprisePassword.class, taxpayerId,
                LockModeType.PESSIMISTIC_WRITE);
        boolean changed;
        if (row == null) {
            em.persist(new LegacyEnterprisePassword(taxpayerId, digest, clock.now(), clock.today()));
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw new ConflictException("LEGACY_PASSWORD_CONFLICT"); // the same taxpayer's message at once
            }
            changed = true;
        } else {
            changed = row.replace(digest, clock.now());
        }
        if (changed) {
            audit.record(null, "LEGACY_PASSWORD_MIGRATED", "taxpayer:" + code.value(), "old enterprise password "
                    + "carried over for the transition", client);
        }
        return changed ? "APPLIED" : "UNCHANGED";
    }

    /** What the enterprise account center shows: whether its old password still works, and until when. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LegacyStatus status(long taxpayerId) {
        LegacyEnterprisePassword row = open() ? em.find(LegacyEnterprisePassword.class, taxpayerId) : null;
        return new LegacyStatus(row != null && !row.stopped(), row != null && row.stopped(), period.lastDay());
    }

    /** {@code available}: the old entry takes this enterprise's old password; {@code stopped}: it stopped that. */
    public record LegacyStatus(boolean available, boolean stopped, LocalDate lastDay) implements java.io.Serializable {
    }

    /**
     * The enterprise stops the old entry for itself before the switch-off: its old password is erased at once.
     * {@code LEGACY_PASSWORD_NOT_AVAILABLE} when there is none (never carried over, stopped, or the transition over).
     */
    public void stop(long taxpayerId, long personId, ClientContext client) {
        LegacyEnterprisePassword row = open()
                ? em.find(LegacyEnterprisePassword.class, taxpayerId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (row == null || row.stopped()) {
            throw new NotFoundException("LEGACY_PASSWORD_NOT_AVAILABLE");
        }
        row.stop(clock.now());
        // a login that passed the old password before the stop cannot go on to a staff identity or its second factor
        em.createNamedQuery(AuthFlow.DELETE_OF_KINDS_AT_TAXPAYER).setParameter("kinds", LEGACY_FLOWS)
                .setParameter("taxpayer", taxpayerId).executeUpdate();
        audit.record(personId, "LEGACY_PASSWORD_STOPPED", "taxpayer:" + taxpayerId,
                "the enterprise stopped the old entry; old enterprise password erased", client);
    }
}
