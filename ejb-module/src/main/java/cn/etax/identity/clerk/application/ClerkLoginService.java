package cn.etax.identity.clerk.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Clerk login to the staff console (§8): username + password + slider, with the person login's safeguards — the
 * per-address throttle first, the anti-automation slider before any password or counter is touched (so nobody can
 * lock a clerk with five scripted calls), then the clerk's own RULE-LOCK counters (five consecutive failures lock
 * him until midnight), the Argon2 check outside any transaction. An unknown username and a wrong password get the same answer, and an
 * unknown one costs the same hashing time. Every attempt is audited.
 */
@Stateless
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
    AuditService audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    public AuthenticatedClerk login(String username, String password, String humanToken, Integer humanAnswer,
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
        audit.recordSeparately(null, "CLERK_LOGIN", target(clerk), clerk.describe(), client);
        LOG.info(() -> "clerk " + clerk.username() + " logged in");
        return new AuthenticatedClerk(clerk.id(), clerk.username(), clerk.name(), clerk.taxOfficeCode(),
                clerk.taxOfficeName(), clerk.roles(), clock.now());
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
