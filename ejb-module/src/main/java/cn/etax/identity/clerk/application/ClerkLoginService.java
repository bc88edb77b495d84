package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.clerk.domain.ClerkRole;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Clerk login to the staff console (§8): username + password + slider, then a code to the clerk's phone (RULE-2FA:
 * every login has a second factor, and a clerk unlocks accounts and binds staff). The person login's safeguards hold:
 * the per-address throttle first, the anti-automation slider before any password or counter is touched (so nobody
 * can lock a clerk with five scripted calls), then the clerk's own RULE-LOCK counters (five consecutive failures of
 * the password or of the code lock him until midnight), the Argon2 check outside any transaction. An unknown
 * username and a wrong password get the same answer, and an unknown one costs the same hashing time. Every attempt
 * is audited.
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClerkLoginService {

    private static final Logger LOG = Logger.getLogger(ClerkLoginService.class.getName());
    private static volatile String unknownUserHash;

    @EJB
    AddressThrottle throttle;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    ClerkAccounts accounts;

    @EJB
    ClerkGuardService guard;

    @EJB
    ClerkLoginSteps steps;

    @EJB
    AuditService audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    EndedAccounts ended;

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /**
     * Step 1: username, password and slider. Answers the flow of the code step and the masked phone the code goes
     * to; a clerk without a phone on record cannot log in ({@code CLERK_PHONE_MISSING}).
     */
    public PasswordStep login(String username, String password, String humanToken, Integer humanAnswer,
                              ClientContext client) {
        throttle.attempt(client);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("CLERK_CREDENTIALS_REQUIRED");
        }
        RequiredText.account(username, RequiredText.CREDENTIAL_MAX, "CLERK_CREDENTIALS_REQUIRED");
        RequiredText.secret(password, RequiredText.CREDENTIAL_MAX, "CLERK_CREDENTIALS_REQUIRED");
        if (!humanCheck.verify(humanToken, humanAnswer)) {
            throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
        }
        Clerk clerk = accounts.byUsername(username).filter(Clerk::active).orElse(null);
        if (clerk == null) {
            hasher.verify(password, unknownUserHash());
            audit.recordSeparately(null, "CLERK_LOGIN_FAILED", "clerk", "unknown username", client);
            throw new AuthenticationFailedException("CLERK_LOGIN_FAILED");
        }
        int left;
        try {
            left = guard.begin(clerk.id());
        } catch (AccountLockedException e) {
            audit.recordSeparately(null, "CLERK_LOGIN_LOCKED", target(clerk), clerk.describe(), client);
            throw forClerks(e);
        }
        if (!hasher.verify(password, clerk.passwordHash())) {
            audit.recordSeparately(null, "CLERK_LOGIN_FAILED", target(clerk), clerk.describe() + ": wrong password",
                    client);
            throw failed(clerk, left);
        }
        guard.succeeded(clerk.id());
        if (!clerk.hasPhone()) {
            audit.recordSeparately(null, "CLERK_LOGIN_FAILED", target(clerk), clerk.describe() + ": no phone",
                    client);
            throw new ConflictException("CLERK_PHONE_MISSING");
        }
        return new PasswordStep(steps.passwordAccepted(clerk, client), clerk.phoneMasked());
    }

    /** {@code flowToken} of the code step and the phone the code goes to, masked. */
    public record PasswordStep(String flowToken, String phoneMasked) {
    }

    /** Sends the login's code to the clerk's phone (RULE-SMS: ten per phone in ten minutes). */
    public void sendCode(String flowToken) {
        try {
            steps.sendCode(flowToken);
        } catch (AccountLockedException e) {
            throw forClerks(e);
        }
    }

    /**
     * Step 2 (RULE-2FA): the code. A wrong one counts towards the clerk's lock and says how many tries are left
     * today; the right one opens the console, audited as the login.
     */
    public CodeResult code(String flowToken, String code, ClientContext client) {
        ClerkLoginSteps.CodeAnswer answer;
        try {
            answer = steps.codeEntered(flowToken, code);
        } catch (AccountLockedException e) {
            throw forClerks(e);
        }
        Clerk clerk = answer.clerk();
        if (answer.outcome() != OneTimeSecret.Outcome.ACCEPTED) {
            audit.recordSeparately(null, "CLERK_LOGIN_FAILED", target(clerk), clerk.describe() + ": SMS code "
                    + answer.outcome(), client);
            if (answer.left() == 0) {
                try {
                    guard.ensureUnlocked(clerk.id());
                } catch (AccountLockedException locked) {
                    throw forClerks(locked);
                }
            }
            throw answer.outcome() == OneTimeSecret.Outcome.WRONG
                    ? new AuthenticationFailedException("SMS_CODE_WRONG", answer.left())
                    : SmsCodeService.rejected(answer.outcome());
        }
        if (clerk.passwordChangeRequired()) {
            audit.recordSeparately(null, "CLERK_LOGIN_PASSWORD_CHANGE_REQUIRED", target(clerk), clerk.describe()
                    + ", password + SMS; the administration's password to be replaced", client);
            return new CodeResult(null, flowToken);
        }
        audit.recordSeparately(null, "CLERK_LOGIN", target(clerk), clerk.describe() + ", password + SMS", client);
        LOG.info(() -> "clerk " + clerk.username() + " logged in");
        return new CodeResult(new AuthenticatedClerk(clerk.id(), clerk.username(), clerk.name(),
                clerk.taxOfficeCode(), clerk.taxOfficeName(), clerk.roles(), clock.now()), null);
    }

    /**
     * What the code step opened: the console ({@code clerk}), or — his password being one the administration set
     * (a new account, a reset) — the step that replaces it ({@code passwordChangeFlow}); then he logs in again.
     */
    public record CodeResult(AuthenticatedClerk clerk, String passwordChangeFlow) {

        public boolean passwordChangeRequired() {
            return clerk == null;
        }
    }

    /**
     * §8, RULE-PWD: the clerk replaces the password the administration set, after both factors of his login passed;
     * not with the same one ({@code PASSWORD_UNCHANGED}). He then logs in with the new one.
     */
    public void replaceInitialPassword(String flowToken, String newPassword, String confirmation,
                                       ClientContext client) {
        Clerk clerk = steps.passwordChangeDue(flowToken);
        requireAcceptable(clerk, newPassword, confirmation);
        steps.passwordReplaced(flowToken, clerk.passwordHash(), newHash(clerk, newPassword));
        audit.recordSeparately(null, "CLERK_PASSWORD_CHANGED", target(clerk), clerk.describe()
                + ": the administration's password replaced", client);
    }

    /**
     * The logged-in clerk changes his password: the old one is checked like a login's (a wrong one counts towards
     * his lock and says how many tries are left today), the new one by RULE-PWD. His other sessions end; answers
     * the moment of the change, after which the calling session is to count as opened.
     */
    @RolesAllowed(ClerkRole.CLERK)
    public java.time.Instant changePassword(String oldPassword, String newPassword, String confirmation, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        RequiredText.secret(oldPassword, RequiredText.CREDENTIAL_MAX, "OLD_PASSWORD_REQUIRED");
        requireAcceptable(clerk, newPassword, confirmation);
        int left;
        try {
            left = guard.begin(clerk.id());
        } catch (AccountLockedException e) {
            throw forClerks(e);
        }
        if (!hasher.verify(oldPassword, clerk.passwordHash())) {
            audit.recordSeparately(null, "CLERK_PASSWORD_CHANGE_FAILED", target(clerk), clerk.describe()
                    + ": wrong old password", client);
            if (left == 0) {
                try {
                    guard.ensureUnlocked(clerk.id());
                } catch (AccountLockedException locked) {
                    // the fifth wrong one locked him: this session ends with his others (RULE-LOCK). Not when a
                    // right one in another session cleared the count meanwhile: then nothing is locked
                    ended.locked(SessionsEnded.ofClerk(clerk.id(), clock.now()));
                    throw forClerks(locked);
                }
            }
            throw new AuthenticationFailedException("OLD_PASSWORD_WRONG", left);
        }
        guard.succeeded(clerk.id());
        java.time.Instant changed = accounts.passwordChanged(clerk.id(), clerk.passwordHash(),
                newHash(clerk, newPassword));
        audit.recordSeparately(null, "CLERK_PASSWORD_CHANGED", target(clerk), clerk.describe(), client);
        return changed;
    }

    /** RULE-PWD for a clerk's own new password, typed twice. */
    private void requireAcceptable(Clerk clerk, String newPassword, String confirmation) {
        PasswordPolicy.requireConfirmed(newPassword, confirmation);
        new PasswordPolicy(passwordCategories).check(newPassword, clerk.username());
    }

    /** The new password's hash; {@code PASSWORD_UNCHANGED} when it is the one he has. */
    private String newHash(Clerk clerk, String newPassword) {
        if (hasher.verify(newPassword, clerk.passwordHash())) {
            throw new InvalidInputException("PASSWORD_UNCHANGED");
        }
        return hasher.hash(newPassword);
    }

    /** The console's logout, recorded. */
    public void loggedOut(AuthenticatedClerk clerk, ClientContext client) {
        audit.recordSeparately(null, "CLERK_LOGOUT", ClerkCaller.PREFIX + clerk.clerkId(), "clerk '"
                + clerk.username() + "' (" + clerk.taxOfficeCode() + " " + clerk.taxOfficeName() + ")", client);
    }

    private DomainException failed(Clerk clerk, int left) {
        if (left == 0) {
            try {
                guard.ensureUnlocked(clerk.id());
            } catch (AccountLockedException locked) {
                return forClerks(locked);
            }
        }
        return new AuthenticationFailedException("CLERK_LOGIN_FAILED");
    }

    /** A clerk has no 忘记密码: his lock message names only the time it ends. */
    private static AccountLockedException forClerks(AccountLockedException e) {
        Object[] arguments = e.arguments();
        return new AccountLockedException("CLERK_ACCOUNT_LOCKED",
                java.util.Arrays.copyOf(arguments, arguments.length, java.io.Serializable[].class));
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hasher.hash("unknown-clerk-" + System.nanoTime());
        }
        return unknownUserHash;
    }

    private static String target(Clerk clerk) {
        return ClerkCaller.PREFIX + clerk.id();
    }
}
