package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.account.domain.UsernamePolicy;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.socialsecurity.domain.FeePayerAccount;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LOGIN-10 社保费用户注册 and 找回密码: the payer names itself as the fee collection system registered it (a unit
 * by credit code, a person by ID document, with the name), a code goes to the payer's registered phone, then the
 * first username and password — or, for an account that exists, a new password, which also lifts a lock. Nothing is
 * written unless the code was right and the password meets RULE-PWD; a wrong code counts on the code (dead after
 * five guesses).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SocialSecurityAccountService {

    static final FlowKind ACCOUNT = FlowKind.FEE_PAYER_ACCOUNT;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AddressThrottle throttle;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    FeePayerRegistry registry;

    @EJB
    FlowService flows;

    @EJB
    SmsCodeService sms;

    @EJB
    FeePayerGuardService guard;

    @EJB
    AuditService audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    @Inject
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /**
     * Step 1: which payer (SOCIAL_SECURITY_PAYER_NOT_FOUND when the number and the name do not name one the fee
     * collection system registered, or it was closed). Answers the flow, the phone the code goes to (masked) and
     * whether the account exists already — not its username, which only the code's owner learns (at the end).
     */
    public Identified identify(FeePayerKind kind, IdType idType, String number, String name, String humanToken,
                               Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        if (!humanCheck.verify(humanToken, humanAnswer)) {
            throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
        }
        FeePayerAccount account = registry.find(kind, idType, number, false)
                .filter(a -> a.active() && name != null && a.payerName().equals(name.strip()))
                .orElseThrow(() -> new NotFoundException("SOCIAL_SECURITY_PAYER_NOT_FOUND"));
        FlowService.Started started = flows.start(ACCOUNT, client);
        started.flow().bindFeePayer(account.id());
        return new Identified(started.token(), account.phoneMasked(), account.registered(), account.kind(),
                account.payerName());
    }

    /** {@code registered} false: no account yet, the next step registers one. */
    public record Identified(String flowToken, String phoneMasked, boolean registered, FeePayerKind kind,
                             String payerName) implements java.io.Serializable {
    }

    public void sendCode(String flowToken) {
        AuthFlow flow = flows.find(flowToken, ACCOUNT);
        FeePayerAccount account = em.find(FeePayerAccount.class, flow.requireFeePayer());
        sms.send(flow.tokenDigest(), ACCOUNT, MobileNumber.parse(protector.decrypt(account.phoneCipher())));
    }

    /**
     * Step 2: the code, then the username (first time only: RULE-USER, unique among fee payers' accounts) and the
     * password twice (RULE-PWD). What the form alone can tell is checked first; then the code (a wrong one counts on
     * the code, which dies after five); only then whether the username is free, so the step cannot probe usernames
     * without the payer's phone. The account row is locked: a concurrent registration or sync of the same payer
     * waits, and the second registration is refused. A reset ends the account's open sessions. Answers the account's
     * username.
     */
    public String complete(String flowToken, String code, String username, String password, String confirmation,
                           ClientContext client) {
        AuthFlow flow = flows.find(flowToken, ACCOUNT);
        FeePayerAccount account = em.find(FeePayerAccount.class, flow.requireFeePayer(),
                LockModeType.PESSIMISTIC_WRITE);
        if (!account.active()) {
            throw new ForbiddenException("SOCIAL_SECURITY_PAYER_CLOSED");
        }
        boolean first = !account.registered();
        String chosen = first ? UsernamePolicy.check(username == null ? null : username.strip())
                : account.username();
        PasswordPolicy.requireConfirmed(password, confirmation);
        new PasswordPolicy(passwordCategories).check(password, chosen);
        // RULE-LOCK: wrong codes count on the account's recovery counter, or new flows would let codes be guessed
        // without end; five close this way (not the account) for the day
        LoginGuardService.Checked<OneTimeSecret.Outcome> checked = guard.checkRecoveryCode(account.id(),
                () -> sms.check(flow.tokenDigest(), ACCOUNT, account.phoneDigest(), code));
        if (checked.outcome() != OneTimeSecret.Outcome.ACCEPTED) {
            if (checked.outcome() == OneTimeSecret.Outcome.WRONG && checked.left() == 0) {
                guard.ensureRecoveryOpen(account.id()); // the fifth: RECOVERY_CODE_LOCKED with the time
            }
            throw checked.outcome() == OneTimeSecret.Outcome.WRONG
                    ? new AuthenticationFailedException("SMS_CODE_WRONG", checked.left())
                    : SmsCodeService.rejected(checked.outcome());
        }
        if (first && !em.createNamedQuery(FeePayerAccount.BY_USERNAME, FeePayerAccount.class)
                .setParameter("username", chosen).getResultList().isEmpty()) {
            throw new ConflictException("USERNAME_TAKEN"); // the code is spent: the next try asks for a new one
        }
        String hash = hasher.hash(password);
        if (first) {
            account.register(chosen, hash, clock.now());
        } else {
            account.changePassword(hash, clock.now());
            guard.reset(account.id());
            sessionsEnded.fire(SessionsEnded.ofFeePayer(account.id(), clock.now())); // whoever held one loses it
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            // another payer took the same username at the same moment
            throw new ConflictException("USERNAME_TAKEN");
        }
        flow.complete();
        audit.record(null, first ? "SOCIAL_SECURITY_ACCOUNT_REGISTERED" : "SOCIAL_SECURITY_PASSWORD_RESET",
                FeePayerLoginSteps.target(account.id()), account.describeForLog()
                        + (first ? "" : "; lockout lifted"), client);
        return chosen;
    }
}
