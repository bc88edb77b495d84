package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.ConfirmationFaceCheck;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The natural-person login (LOGIN-1, RULE-2FA, RULE-LOCK): slider → account + password → SMS code or QR face check
 * → agreements / initial-password change when due → logged in. The enterprise entry (LOGIN-2) runs the same steps
 * after naming a registered taxpayer and ends with the identity in it: logged in, choose, or confirm an offer.
 *
 * <p>This bean runs outside transactions on purpose: the password hash (tens of milliseconds of CPU) must not hold
 * a database connection or a row lock. Each database step is a short transaction in {@link LoginSteps}, the
 * attempt counter in {@link LoginGuardService}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginService {

    /** Refusals of a password step before its person is known (recorded without one). */
    private static final Set<String> ANONYMOUS_REFUSALS = Set.of("HUMAN_CHECK_FAILED", "USER_NOT_REGISTERED",
            "PHONE_NOT_REGISTERED", "EMAIL_NOT_UNIQUE", "TAXPAYER_NOT_FOUND", "NOT_TAX_AGENT_INSTITUTION",
            "NOT_NON_RESIDENT_ENTERPRISE");

    @EJB
    HumanCheckService humanCheck;

    @EJB
    AddressThrottle throttle;

    @EJB
    PersonDirectory directory;

    @EJB
    LoginGuardService guard;

    @EJB
    LoginSteps steps;

    @EJB
    LoginLogService log;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AgentService agents;

    @Inject
    PasswordHasher hasher;

    @EJB
    QrCheckService qr;

    /** Step 1. Answers the seeds' messages: 该用户未注册, 手机号码不存在…, 尚未设置密码, locked until…, wrong password. */
    public PasswordAccepted password(String account, String password, String humanToken, Integer humanAnswer,
                                     ClientContext client) {
        throttle.attempt(client);
        requireCredentials(account, password);
        return anonymousRefusalsLogged(LoginLogService.PERSON_ENTRY, client, () -> {
            if (!humanCheck.verify(humanToken, humanAnswer)) {
                throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
            }
            return steps.passwordAccepted(checkPassword(account, password,
                    LoginLogService.Entry.of(LoginLogService.PERSON_ENTRY), client), null, client);
        });
    }

    /**
     * LOGIN-2 step 1: the credit code (CREDIT_CODE_REQUIRED / CREDIT_CODE_INVALID) of a registered taxpayer
     * (TAXPAYER_NOT_FOUND), then the natural-person password step with its slider, throttle and lockout. Whether the
     * person is related to the taxpayer is told only after the second factor.
     */
    public PasswordAccepted enterprisePassword(String creditCode, String account, String password, String humanToken,
                                               Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        CreditCode code = CreditCode.of(creditCode); // the form's first field, asked for first
        requireCredentials(account, password);
        return anonymousRefusalsLogged(LoginLogService.ENTERPRISE_ENTRY, client, () -> {
            if (!humanCheck.verify(humanToken, humanAnswer)) {
                throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
            }
            long taxpayerId = identities.taxpayerId(code);
            Person person = checkPassword(account, password,
                    new LoginLogService.Entry(LoginLogService.ENTERPRISE_ENTRY, taxpayerId), client);
            return steps.passwordAccepted(person, taxpayerId, client);
        });
    }

    /**
     * LOGIN-3 step 1: the credit code of a registered tax-agent institution (TAXPAYER_NOT_FOUND,
     * NOT_TAX_AGENT_INSTITUTION), then the natural-person password step with its slider, throttle and lockout.
     * Whether the person is one of its agents, and for which clients, is told only after the second factor.
     */
    public PasswordAccepted agentPassword(String agencyCreditCode, String account, String password, String humanToken,
                                          Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        CreditCode code = CreditCode.of(agencyCreditCode);
        requireCredentials(account, password);
        return anonymousRefusalsLogged(LoginLogService.ENTERPRISE_ENTRY, client, () -> {
            if (!humanCheck.verify(humanToken, humanAnswer)) {
                throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
            }
            long agencyId = identities.taxpayerId(code);
            agents.requireAgency(agencyId);
            Person person = checkPassword(account, password,
                    new LoginLogService.Entry(LoginLogService.ENTERPRISE_ENTRY, agencyId), client);
            return steps.passwordAccepted(person, FlowKind.AGENT_LOGIN, agencyId, client);
        });
    }

    /**
     * LOGIN-4 step 1: the special-subject type, the credit code of a registered taxpayer, then the natural-person
     * password step with its slider, throttle and lockout. Which of its cross-region subjects the person may enter is
     * told only after the second factor.
     */
    public PasswordAccepted specialPassword(CrossRegionKind kind, String creditCode, String account, String password,
                                            String humanToken, Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        if (kind == null) {
            throw new InvalidInputException("CROSS_REGION_KIND_REQUIRED");
        }
        CreditCode code = CreditCode.of(creditCode);
        requireCredentials(account, password);
        return anonymousRefusalsLogged(LoginLogService.ENTERPRISE_ENTRY, client, () -> {
            if (!humanCheck.verify(humanToken, humanAnswer)) {
                throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
            }
            long taxpayerId = identities.taxpayerId(code);
            Person person = checkPassword(account, password,
                    new LoginLogService.Entry(LoginLogService.ENTERPRISE_ENTRY, taxpayerId), client);
            return steps.specialPasswordAccepted(person, taxpayerId, kind, client);
        });
    }

    /** LOGIN-4: the subject picked from the CHOOSE_SUBJECT list. */
    public LoginResult enterSubject(String flowToken, Long subjectId, ClientContext client) {
        if (subjectId == null) {
            throw new InvalidInputException("CROSS_REGION_SUBJECT_REQUIRED");
        }
        return steps.enterSubject(flowToken, subjectId, client);
    }

    /**
     * LOGIN-5 非居民企业登录 step 1: the non-resident enterprise identity code of a non-resident taxpayer
     * ({@code NOT_NON_RESIDENT_ENTERPRISE} for any other), the person's email address, phone or username and password
     * with the slider, throttle and lockout. The rest is the enterprise entry's (LOGIN-2): second factor, then his
     * identity in the enterprise.
     */
    public PasswordAccepted nonResidentPassword(String identityCode, String account, String password,
                                                String humanToken, Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        requireCredentials(account, password);
        CreditCode code = CreditCode.of(identityCode);
        return anonymousRefusalsLogged(LoginLogService.ENTERPRISE_ENTRY, client, () -> {
            if (!humanCheck.verify(humanToken, humanAnswer)) {
                throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
            }
            long taxpayerId = identities.taxpayerId(code);
            identities.requireKind(taxpayerId, TaxpayerKind.NON_RESIDENT, "NOT_NON_RESIDENT_ENTERPRISE");
            Person person = checkPassword(directory.resolveAccount(account, true), password,
                    new LoginLogService.Entry(LoginLogService.ENTERPRISE_ENTRY, taxpayerId), client);
            return steps.passwordAccepted(person, taxpayerId, client);
        });
    }

    /** LOGIN-3: the client picked from the CHOOSE_CLIENT list, entered under that mandate. */
    public LoginResult enterClient(String flowToken, Long mandateId, ClientContext client) {
        if (mandateId == null) {
            throw new InvalidInputException("MANDATE_ID_REQUIRED");
        }
        return steps.enterClient(flowToken, mandateId, client);
    }

    /** LOGIN-2: the identity picked from the CHOOSE_IDENTITY list. */
    public LoginResult chooseIdentity(String flowToken, Long grantId, ClientContext client) {
        return steps.chooseIdentity(flowToken, requireGrant(grantId), client);
    }

    /**
     * LOGIN-2: "是否确认成为该企业的财务负责人" / "…办税员（开票员）" answered yes for the offer, proven by the face check
     * of {@link #startConfirmationFaceCheck} ({@code proofToken}) unless the second factor was one.
     */
    public LoginResult confirmIdentity(String flowToken, Long grantId, String proofToken, ClientContext client) {
        return steps.confirmIdentity(flowToken, requireGrant(grantId), proofToken, client);
    }

    /** LOGIN-2: the QR face check that proves the confirmation of the offer ("完成扫码认证"). */
    public ConfirmationFaceCheck startConfirmationFaceCheck(String flowToken, Long grantId, QrApp app,
                                                            ClientContext client) {
        return steps.startConfirmationFaceCheck(flowToken, requireGrant(grantId), app, client);
    }

    public cn.etax.identity.authentication.domain.QrState confirmationFaceCheckState(String flowToken,
                                                                                      String proofToken) {
        return steps.confirmationFaceCheckState(flowToken, proofToken);
    }

    /**
     * An empty account or password is a form sent too early, answered before the slider and the account are looked
     * at: it tells nothing and spends none of the day's attempts; a malformed one (too long, control characters) is
     * refused the same way.
     */
    private static void requireCredentials(String account, String password) {
        RequiredText.account(account, RequiredText.CREDENTIAL_MAX, "ACCOUNT_REQUIRED");
        RequiredText.secret(password, RequiredText.CREDENTIAL_MAX, "PASSWORD_REQUIRED");
    }

    /**
     * RULE-LOG: a login attempt refused before its person is known — the slider, an account or taxpayer that does not
     * exist — is recorded too, without a person (the failures and locks of a known person are recorded where they
     * are counted).
     */
    private <T> T anonymousRefusalsLogged(String entry, ClientContext client, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (DomainException e) {
            if (ANONYMOUS_REFUSALS.contains(e.code())) {
                log.recordSeparately(LoginLogService.Entry.of(entry), null, AuthMethod.PASSWORD, LoginOutcome.FAILURE,
                        e.code(), client);
            }
            throw e;
        }
    }

    private static long requireGrant(Long grantId) {
        if (grantId == null) {
            throw new InvalidInputException("GRANT_ID_REQUIRED");
        }
        return grantId;
    }

    /** The password hash is checked here, outside any transaction; answers the person. */
    private Person checkPassword(String account, String password, LoginLogService.Entry entry,
                               ClientContext client) {
        return checkPassword(directory.resolveAccount(account), password, entry, client);
    }

    private Person checkPassword(Person person, String password, LoginLogService.Entry entry, ClientContext client) {
        long personId = person.id();
        if (person.passwordHash() == null) {
            log.recordSeparately(entry, personId, AuthMethod.PASSWORD, LoginOutcome.FAILURE, "PASSWORD_NOT_SET",
                    client);
            throw new AuthenticationFailedException("PASSWORD_NOT_SET");
        }
        int left = begin(personId, AuthMethod.PASSWORD, entry, client);
        if (password == null || !hasher.verify(password, person.passwordHash())) {
            throw failed(personId, AuthMethod.PASSWORD, entry, "PASSWORD_WRONG", left, client);
        }
        return person;
    }

    /** Sends the login SMS code to the phone chosen at the password step. */
    public void sendSmsCode(String flowToken) {
        steps.sendSmsCode(flowToken);
    }

    public String startQr(String flowToken, QrApp app, ClientContext client) {
        return steps.startQr(flowToken, app, client);
    }

    public cn.etax.identity.authentication.domain.QrState qrState(String flowToken) {
        return steps.qrState(flowToken);
    }

    /**
     * Step 2 by SMS code. A wrong code counts towards the SMS lockout; the code is checked and the attempt counted
     * (or the count cleared) in the transaction that, when the code is right, goes on with the login.
     */
    public LoginResult completeWithSms(String flowToken, String code, ClientContext client) {
        LoginSteps.SmsAnswer answer = steps.smsCodeEntered(flowToken, code, client);
        if (answer.result() != null) {
            return answer.result();
        }
        LoginSteps.FlowSubject subject = answer.subject();
        String refusal = switch (answer.outcome()) {
            case EXPIRED -> "SMS_CODE_EXPIRED";
            case USED -> "SMS_CODE_USED";
            default -> "SMS_CODE_WRONG";
        };
        throw failed(subject.personId(), AuthMethod.SMS_CODE, subject.logEntry(), refusal, answer.left(), client);
    }

    /**
     * Step 2 by a QR face check the app confirmed. A failed face check counts towards the face lockout once, however
     * often its result is asked for; a locked account is refused and logged.
     */
    public LoginResult completeWithQr(String flowToken, ClientContext client) {
        LoginSteps.FlowSubject subject = steps.subject(flowToken);
        LoginLogService.Entry entry = subject.logEntry();
        try {
            // RULE-LOCK: a flow whose password passed before the lock ends no differently from a new one; checked
            // in a transaction of its own, as qrPassed's clears the face count in one of its own
            return lockLogged(subject.personId(), AuthMethod.TAX_APP_FACE, entry, client, () -> {
                guard.ensureUnlocked(subject.personId());
                return steps.qrPassed(flowToken, client);
            });
        } catch (AuthenticationFailedException e) {
            java.util.Optional<QrApp> failedIn = "FACE_CHECK_FAILED".equals(e.code())
                    ? qr.takeFailure(subject.flowDigest()) : java.util.Optional.empty();
            if (failedIn.isPresent()) {
                // RULE-LOG names the app that checked (tax app face, IIT app); both count on the face counter
                AuthMethod method = failedIn.get().method();
                int left = begin(subject.personId(), method, entry, client);
                throw failed(subject.personId(), method, entry, "FACE_CHECK_FAILED", left, client);
            }
            throw e;
        }
    }

    /** LOGIN-7: the page's QR code was confirmed in the app; the login completes as the app session's business. */
    public LoginResult completeQrLogin(String flowToken, ClientContext client) {
        return steps.qrLoginConfirmed(flowToken, client);
    }

    public LoginResult signAgreements(String flowToken, ClientContext client) {
        return steps.signAgreements(flowToken, client);
    }

    /** Migrated persons replace the initial password, then log in again with the new one. */
    public LoginResult changeInitialPassword(String flowToken, String newPassword, String confirmation,
                                             ClientContext client) {
        return steps.changeInitialPassword(flowToken, newPassword, confirmation, client);
    }

    private int begin(long personId, AuthMethod method, LoginLogService.Entry entry, ClientContext client) {
        return lockLogged(personId, method, entry, client, () -> guard.begin(personId, method));
    }

    /** Runs an attempt of the guard; a refusal because the account is locked goes to the login log. */
    private <T> T lockLogged(long personId, AuthMethod method, LoginLogService.Entry entry, ClientContext client,
                             Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (AccountLockedException e) {
            log.recordSeparately(entry, personId, method, LoginOutcome.LOCKED, e.code(), client);
            throw e;
        }
    }

    /** Records the failure and answers with the lock when this was the last allowed attempt. */
    private DomainException failed(long personId, AuthMethod method, LoginLogService.Entry entry, String code,
                                   int left, ClientContext client) {
        log.recordSeparately(entry, personId, method, LoginOutcome.FAILURE, code, client);
        if (left == 0) {
            try {
                guard.ensureUnlocked(personId);
            } catch (AccountLockedException locked) {
                return locked;
            }
        }
        return new AuthenticationFailedException(code, left);
    }
}
