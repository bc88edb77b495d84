package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.socialsecurity.domain.FeePayerAccount;
import cn.etax.identity.socialsecurity.domain.FeePayerLoginGuard;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * The database steps of 社保费登录 (LOGIN-10), each a short transaction; {@link SocialSecurityLoginService} hashes
 * outside them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class FeePayerLoginSteps {

    static final FlowKind LOGIN = FlowKind.FEE_PAYER_LOGIN;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FlowService flows;

    @EJB
    SmsCodeService sms;

    @EJB
    AuditService audit;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FeePayerAccount> byUsername(String username) {
        return em.createNamedQuery(FeePayerAccount.BY_USERNAME, FeePayerAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /**
     * The password passed and a code is due: a flow bound to the account and to the password proved ({@code
     * passwordHash}, as stored), for the code's steps.
     */
    public String passwordAccepted(long accountId, String passwordHash, ClientContext client) {
        FlowService.Started started = flows.start(LOGIN, client);
        started.flow().bindFeePayer(accountId);
        started.flow().bindTo(PasswordHasher.binding(passwordHash));
        return started.token();
    }

    /** The pure social-security payer's exemption (LOGIN-10): the password was the whole login. */
    public AuthenticatedFeePayer exemptLogin(long accountId, ClientContext client) {
        FeePayerAccount account = lockedActive(accountId, client);
        return loggedIn(account, List.of(AuthMethod.PASSWORD), "password only (pure social-security payer)", client);
    }

    /** The code of the login to the payer's phone; refused while the account is locked (RULE-LOCK). */
    public void sendCode(String flowToken) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        FeePayerAccount account = em.find(FeePayerAccount.class, flow.requireFeePayer());
        em.find(FeePayerLoginGuard.class, account.id()).ensureUnlocked(clock.now(), clock.zone());
        sms.send(flow.tokenDigest(), LOGIN, MobileNumber.parse(protector.decrypt(account.phoneCipher())));
    }

    /**
     * The login's code (RULE-2FA, RULE-LOCK), checked and counted while this transaction holds the flow and the
     * account's guard row. A wrong, used or expired code commits its count and comes back in the answer; a right one
     * completes the flow in the same transaction, so two tabs with one code log in once. A payer the fee collection
     * system closed, or whose password was reset, since the password step is refused ({@code FLOW_INVALID} for the
     * latter); a locked account is refused before the code is compared,
     * both audited.
     */
    public SmsAnswer codeEntered(String flowToken, String code, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        FeePayerAccount account = lockedActive(flow.requireFeePayer(), client);
        if (!PasswordHasher.binding(account.passwordHash()).equals(flow.boundTo())) {
            // the password was reset since the flow's password step: that proof is worth nothing now
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        FeePayerLoginGuard guard = em.find(FeePayerLoginGuard.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
        try {
            guard.ensureUnlocked(clock.now(), clock.zone());
        } catch (AccountLockedException e) {
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_LOCKED", target(account.id()),
                    account.describeForLog() + ", SMS step", client);
            throw e;
        }
        OneTimeSecret.Outcome outcome = sms.check(flow.tokenDigest(), LOGIN, account.phoneDigest(), code);
        if (outcome != OneTimeSecret.Outcome.ACCEPTED) {
            return new SmsAnswer(null, account.id(), outcome, guard.beginAttempt(AuthMethod.SMS_CODE, clock.now(),
                    clock.zone()));
        }
        guard.succeeded(AuthMethod.SMS_CODE);
        flow.complete();
        return new SmsAnswer(loggedIn(account, List.of(AuthMethod.PASSWORD, AuthMethod.SMS_CODE), "password + SMS",
                client), account.id(), outcome, guard.remaining(AuthMethod.SMS_CODE));
    }

    /**
     * The account locked for this transaction — the lock the sync takes to close a payer — and still active: a
     * closing sync either commits first (this login is refused) or waits for this login, whose time then precedes
     * the closing and whose session it ends.
     */
    private FeePayerAccount lockedActive(long accountId, ClientContext client) {
        FeePayerAccount account = em.find(FeePayerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.active()) {
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_FAILED", target(account.id()),
                    account.describeForLog() + ": payer closed", client);
            throw new ForbiddenException("SOCIAL_SECURITY_PAYER_CLOSED");
        }
        return account;
    }

    /** {@code payer} when the code was accepted; else the code's outcome and the attempts left today. */
    public record SmsAnswer(AuthenticatedFeePayer payer, long accountId, OneTimeSecret.Outcome outcome, int left) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String maskedPhone(String flowToken) {
        AuthFlow flow = flows.peek(flowToken, LOGIN);
        return em.find(FeePayerAccount.class, flow.requireFeePayer()).phoneMasked();
    }

    private AuthenticatedFeePayer loggedIn(FeePayerAccount account, List<AuthMethod> methods, String how,
                                           ClientContext client) {
        audit.record(null, "SOCIAL_SECURITY_LOGIN", target(account.id()), account.describeForLog() + ", " + how,
                client);
        return new AuthenticatedFeePayer(account.id(), account.username(), account.kind(), account.payerName(),
                account.payerMasked(), account.purePayer(), methods, clock.now());
    }

    static String target(long accountId) {
        return "fee-payer:" + accountId;
    }
}
