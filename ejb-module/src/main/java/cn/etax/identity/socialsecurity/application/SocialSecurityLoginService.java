package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.socialsecurity.domain.FeePayerAccount;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LOGIN-10 社保费登录: a social-security fee payer logs in from the portal's no-login area with the username and
 * password of its social-security account, passes the slider, then a code sent to the payer's phone (RULE-2FA). A
 * pure social-security payer (纯社保户) skips the code only when {@code identity.social-security.pure-payer-sms-exempt}
 * is true — off by default, the seeds' one exception kept a decision of the deployment.
 *
 * <p>The person login's safeguards hold here too: the per-address throttle, the account's own RULE-LOCK counters
 * (five consecutive failures of the password or of the code in a business day lock it until midnight, counted
 * before the secret is checked), the Argon2 check outside any transaction. Every attempt is audited.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SocialSecurityLoginService {

    private static volatile String unknownUserHash;

    @EJB
    AddressThrottle throttle;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    FeePayerLoginSteps steps;

    @EJB
    FeePayerGuardService guard;

    @EJB
    AuditService audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "identity.social-security.pure-payer-sms-exempt", defaultValue = "false")
    boolean pureExemption;

    /** Step 1: username, password and slider. Answers the flow of the code step, or the login itself. */
    public PasswordStep password(String username, String password, String humanToken, Integer humanAnswer,
                                 ClientContext client) {
        throttle.attempt(client);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("SOCIAL_SECURITY_CREDENTIALS_REQUIRED");
        }
        RequiredText.account(username, RequiredText.CREDENTIAL_MAX, "SOCIAL_SECURITY_CREDENTIALS_REQUIRED");
        RequiredText.secret(password, RequiredText.CREDENTIAL_MAX, "SOCIAL_SECURITY_CREDENTIALS_REQUIRED");
        if (!humanCheck.verify(humanToken, humanAnswer)) {
            throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
        }
        FeePayerAccount account = steps.byUsername(username.strip()).orElse(null);
        if (account == null) {
            hasher.verify(password, unknownUserHash());
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_FAILED", "fee-payer", "unknown username", client);
            throw new AuthenticationFailedException("SOCIAL_SECURITY_USER_UNKNOWN");
        }
        long id = account.id();
        String target = FeePayerLoginSteps.target(id);
        int left;
        try {
            left = guard.begin(id, AuthMethod.PASSWORD);
        } catch (AccountLockedException e) {
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_LOCKED", target, account.describeForLog(), client);
            throw e;
        }
        if (!hasher.verify(password, account.passwordHash())) {
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_FAILED", target, account.describeForLog()
                    + ": wrong password", client);
            throw failed(id, "PASSWORD_WRONG", left);
        }
        guard.succeeded(id, AuthMethod.PASSWORD);
        if (!account.active()) {
            audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_FAILED", target, account.describeForLog()
                    + ": payer closed", client);
            throw new ForbiddenException("SOCIAL_SECURITY_PAYER_CLOSED");
        }
        if (account.exemptFromSms(pureExemption)) {
            return new PasswordStep(null, null, steps.exemptLogin(id, client));
        }
        return new PasswordStep(steps.passwordAccepted(id, account.passwordHash(), client), account.phoneMasked(), null);
    }

    /** {@code flowToken} and the masked phone when a code is due; {@code payer} when the password was enough. */
    public record PasswordStep(String flowToken, String phoneMasked, AuthenticatedFeePayer payer) {
    }

    /** Sends the code to the payer's phone (RULE-SMS: ten per phone in ten minutes). */
    public void sendCode(String flowToken) {
        steps.sendCode(flowToken);
    }

    /** Step 2: the code. A wrong one counts towards the SMS lockout and says how many tries are left today. */
    public AuthenticatedFeePayer code(String flowToken, String code, ClientContext client) {
        FeePayerLoginSteps.SmsAnswer answer = steps.codeEntered(flowToken, code, client);
        if (answer.payer() != null) {
            return answer.payer();
        }
        audit.recordSeparately(null, "SOCIAL_SECURITY_LOGIN_FAILED", FeePayerLoginSteps.target(answer.accountId()),
                "SMS code " + answer.outcome(), client);
        String refusal = switch (answer.outcome()) {
            case EXPIRED -> "SMS_CODE_EXPIRED";
            case USED -> "SMS_CODE_USED";
            default -> "SMS_CODE_WRONG";
        };
        throw failed(answer.accountId(), refusal, answer.left());
    }

    public String maskedPhone(String flowToken) {
        return steps.maskedPhone(flowToken);
    }

    /** The fee payer's logout, recorded. */
    public void loggedOut(AuthenticatedFeePayer payer, ClientContext client) {
        audit.recordSeparately(null, "SOCIAL_SECURITY_LOGOUT", FeePayerLoginSteps.target(payer.accountId()),
                payer.username(), client);
    }

    /** The refusal of a failed attempt: the lock with its end when this one locked the account. */
    private DomainException failed(long accountId, String refusal, int left) {
        if (left == 0) {
            try {
                guard.ensureUnlocked(accountId);
            } catch (AccountLockedException locked) {
                return locked;
            }
        }
        return "PASSWORD_WRONG".equals(refusal) || "SMS_CODE_WRONG".equals(refusal)
                ? new AuthenticationFailedException(refusal, left)
                : new AuthenticationFailedException(refusal);
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash("unknown-fee-payer-" + System.nanoTime());
        }
        return unknownUserHash;
    }
}
