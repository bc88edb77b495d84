package cn.etax.identity.transition.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LegacyEnterprisePassword;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The database steps of the old entry (LOGIN-11), each a short transaction of its own holding the taxpayer's old
 * password row locked: the attempt is counted before the password is compared, so parallel guesses never exceed
 * five a day; {@link LegacyLoginService} compares outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LegacyLoginSteps {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FlowService flows;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** Counts an attempt on the shared password; answers its digest and the attempts left should this one fail. */
    public Attempt begin(long taxpayerId) {
        LegacyEnterprisePassword row = row(taxpayerId);
        try {
            return new Attempt(row.digest(), row.beginAttempt(AuthMethod.ENTERPRISE_PASSWORD, clock.now(),
                    clock.zone()));
        } catch (AccountLockedException e) {
            throw new AccountLockedException("LEGACY_PASSWORD_LOCKED", e.arguments()[0].toString());
        }
    }

    /** The digest to compare with and the attempts left today should the comparison fail. */
    public record Attempt(String digest, int left) {
    }

    /** After the fifth failure: the lock with its end, for the answer. */
    public void ensureUnlocked(long taxpayerId) {
        try {
            row(taxpayerId).ensureUnlocked(clock.now(), clock.zone());
        } catch (AccountLockedException e) {
            throw new AccountLockedException("LEGACY_PASSWORD_LOCKED", e.arguments()[0].toString());
        }
    }

    /**
     * The password passed: the count starts again, a flow of {@code kind} (the enterprise or the agent entry) proves
     * the taxpayer, its staff follow.
     */
    public LegacyAccepted accepted(long taxpayerId, FlowKind kind, ClientContext client) {
        row(taxpayerId).succeeded(AuthMethod.ENTERPRISE_PASSWORD);
        FlowService.Started started = flows.start(kind, client);
        started.flow().enterprisePasswordPassed(taxpayerId);
        Taxpayer t = em.find(Taxpayer.class, taxpayerId);
        audit.record(null, "LEGACY_PASSWORD_ACCEPTED", "taxpayer:" + t.creditCode().value(),
                (kind == FlowKind.LEGACY_AGENT ? "old agent entry" : "old entry")
                        + " (transition): enterprise password passed", client);
        return new LegacyAccepted(started.token(), t.creditCode().value(), Masking.enterpriseName(t.name()),
                identities.staffOptions(taxpayerId));
    }

    private LegacyEnterprisePassword row(long taxpayerId) {
        LegacyEnterprisePassword row = em.find(LegacyEnterprisePassword.class, taxpayerId,
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.stopped()) {
            throw new NotFoundException("LEGACY_PASSWORD_NOT_AVAILABLE");
        }
        return row;
    }
}
