package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import cn.etax.identity.shared.ForbiddenException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.Set;

/**
 * Clerk accounts as they come into being outside the console: the demo clerks, the simulators' test fixtures and
 * the first administrator named in the configuration ({@link FirstClerkAdministrator}). Every other clerk is
 * created by an administrator ({@link ClerkAdminService}); a clerk cannot be registered from the portal.
 */
@Stateless
public class ClerkAccounts {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    ClerkGuardService guards;

    @Inject
    PasswordHasher hasher;

    @EJB
    PhoneOwnership phones;

    @Inject
    BusinessClock clock;

    @Inject
    jakarta.enterprise.event.Event<SessionsEnded> sessionsEnded;

    /**
     * Creates the clerk unless the username exists; answers his id either way. The phone of his second factor
     * (RULE-2FA) is set on an existing clerk that has none yet (one created before clerks had a second factor).
     */
    public long ensure(String username, String name, String password, String phone, String taxOfficeCode,
                       String taxOfficeName, Set<ClerkRole> roles) {
        return ensure(username, name, password, phone, taxOfficeCode, taxOfficeName, roles, false);
    }

    /** As above; {@code initial}: the password is one he must replace at his first login. */
    public long ensure(String username, String name, String password, String phone, String taxOfficeCode,
                       String taxOfficeName, Set<ClerkRole> roles, boolean initial) {
        username = username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        ProtectedValue protectedPhone = phones.protect(MobileNumber.parse(phone));
        Optional<Clerk> existing = byUsername(username);
        if (existing.isPresent()) {
            if (!existing.get().hasPhone()) {
                existing.get().assignPhone(protectedPhone);
            }
            return existing.get().id();
        }
        String hash = hasher.hash(password);
        Clerk clerk = new Clerk(username, name, hash, taxOfficeCode, taxOfficeName, roles, clock.now());
        if (initial) {
            clerk.passwordSetByAdministration(hash);
        }
        clerk.assignPhone(protectedPhone);
        em.persist(clerk);
        em.flush();
        guards.create(clerk.id());
        return clerk.id();
    }

    /**
     * His own new password replaces {@code replacedHash}; {@code CLERK_LOGIN_REQUIRED} when it changed meanwhile
     * (an administrator's reset), so a reset is never undone by a change begun before it. His sessions opened until
     * now end (another browser, a copied cookie); answers that moment, after which the session he changed it in is
     * to count as opened.
     */
    public java.time.Instant passwordChanged(long clerkId, String replacedHash, String newHash) {
        Clerk clerk = em.find(Clerk.class, clerkId, LockModeType.PESSIMISTIC_WRITE);
        if (clerk == null || !clerk.passwordHash().equals(replacedHash)) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        clerk.changePassword(newHash);
        java.time.Instant now = clock.now();
        sessionsEnded.fire(SessionsEnded.ofClerk(clerkId, now));
        return now;
    }

    /**
     * Which of a clerk's unique values another clerk holds: asked in a transaction of its own, once the other's has
     * committed (the unique index made this one wait for it); {@code clerkId} is null for a clerk not yet stored.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String takenByAnother(String username, String phoneDigest, Long clerkId) {
        if (byUsername(username).filter(other -> !other.id().equals(clerkId)).isPresent()) {
            return "CLERK_USERNAME_TAKEN";
        }
        if (phoneDigest != null && em.createNamedQuery(Clerk.BY_PHONE, Clerk.class).setParameter("digest", phoneDigest)
                .getResultStream().anyMatch(other -> !other.id().equals(clerkId))) {
            return "CLERK_PHONE_TAKEN";
        }
        return "CLERK_ACCOUNT_CONFLICT";
    }

    public Optional<Clerk> byUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 30) {
            return Optional.empty();
        }
        return em.createNamedQuery(Clerk.BY_USERNAME, Clerk.class)
                .setParameter("username", username.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst();
    }
}
