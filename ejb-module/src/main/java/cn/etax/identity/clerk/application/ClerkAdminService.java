package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkLoginGuard;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.enterprise.event.Event;
import cn.etax.identity.account.domain.ProtectedValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * §8 clerk administration (账户管理岗): the clerk accounts of the administrator's own province — the tax offices
 * whose codes carry its digits. He creates them with an initial password the clerk replaces at his first login
 * (RULE-PWD), sets their duties and the phone of their second factor (RULE-2FA), resets a forgotten password (which
 * also lifts a lock and ends the use of a session opened before), unlocks (RULE-LOCK), stops (停用) and restarts them.
 * He cannot stop himself, take his own administration duty away or reset his own password, so a province never loses
 * its last administrator by a slip. Every change and every refusal is audited with him and his office.
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@RolesAllowed(ClerkRole.ADMIN)
public class ClerkAdminService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    PhoneOwnership phones;

    @EJB
    ClerkGuardService guards;

    @EJB
    ClerkAccounts accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    @Inject
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /** A clerk account as the administrator sees it; {@code lockedUntil} null when he may log in now. */
    public record ClerkAccount(long id, String username, String name, String taxOfficeCode, String taxOfficeName,
                               Set<ClerkRole> roles, String phoneMasked, boolean active,
                               boolean passwordChangeRequired, Instant lockedUntil, Instant createdAt)
            implements Serializable {
    }

    /** A new clerk: {@code password} is the initial one he replaces at his first login. */
    public record NewClerk(String username, String name, String taxOfficeCode, String taxOfficeName,
                           Set<ClerkRole> roles, String phone, String password) implements Serializable {
    }

    /** The clerks of the administrator's province, by username. */
    public List<ClerkAccount> clerks() {
        Clerk admin = ClerkCaller.of(context, em);
        return em.createNamedQuery(Clerk.OF_OFFICES, Clerk.class)
                .setParameter("prefix", "1" + admin.provinceCode() + "%").getResultList().stream()
                .map(this::view).toList();
    }

    public ClerkAccount clerk(long id) {
        Clerk admin = ClerkCaller.of(context, em);
        return view(target(admin, id));
    }

    /**
     * A new clerk at a tax office of the administrator's province ({@code CLERK_OUTSIDE_JURISDICTION} elsewhere),
     * with at least one duty, a phone for his login codes and an initial password by RULE-PWD.
     */
    public ClerkAccount create(NewClerk c, ClientContext client) {
        Clerk admin = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, admin, "clerk", client, () -> {
            if (c == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            // the office first: another province is refused before anything else is looked at
            String officeCode = RequiredText.of(c.taxOfficeCode(), 11, "TAX_OFFICE_CODE_INVALID");
            if (!officeCode.matches("1\\d{10}")) {
                throw new InvalidInputException("TAX_OFFICE_CODE_INVALID");
            }
            if (!officeCode.substring(1, 3).equals(admin.provinceCode())) {
                throw new ForbiddenException("CLERK_OUTSIDE_JURISDICTION");
            }
            String username = c.username() == null ? null : c.username().strip();
            if (username == null || username.isEmpty()) {
                throw new InvalidInputException("CLERK_USERNAME_REQUIRED");
            }
            if (!Clerk.isValidUsername(username)) {
                throw new InvalidInputException("CLERK_USERNAME_INVALID");
            }
            String name = RequiredText.of(c.name(), 100, "CLERK_NAME_REQUIRED");
            String officeName = RequiredText.of(c.taxOfficeName(), 100, "TAX_OFFICE_NAME_REQUIRED");
            List<String> known = em.createNamedQuery(Clerk.OFFICE_NAMES, String.class).setParameter("code", officeCode)
                    .getResultList();
            if (!known.isEmpty() && !known.contains(officeName)) {
                throw new InvalidInputException("TAX_OFFICE_NAME_MISMATCH", known.get(0));
            }
            Set<ClerkRole> roles = duties(c.roles());
            MobileNumber phone = MobileNumber.parse(c.phone());
            new PasswordPolicy(passwordCategories).check(c.password(), username);
            if (accounts.byUsername(username).isPresent()) {
                throw new ConflictException("CLERK_USERNAME_TAKEN");
            }
            ProtectedValue protectedPhone = phoneOfNoOtherClerk(phone, null);
            String hash = hasher.hash(c.password());
            Clerk clerk = new Clerk(username, name, hash, officeCode, officeName, roles, clock.now());
            clerk.passwordSetByAdministration(hash);
            clerk.assignPhone(protectedPhone);
            em.persist(clerk);
            flushUnique(clerk);
            guards.create(clerk.id());
            audit.record(null, "CLERK_ACCOUNT_CREATED", target(clerk), admin.describe() + " created "
                    + clerk.describe() + " " + roles, client);
            return view(clerk);
        });
    }

    /** His duties from now on (at least one); his open sessions end (he logs in again with the new ones). */
    public ClerkAccount assignRoles(long id, Set<ClerkRole> roles, ClientContext client) {
        return change(id, "CLERK_ROLES_CHANGED", client, clerk -> {
            Set<ClerkRole> duties = duties(roles);
            if (self(clerk) && !duties.contains(ClerkRole.CLERK_ADMIN)) {
                throw new ConflictException("CLERK_SELF_CHANGE_REFUSED");
            }
            if (!duties.equals(clerk.roles())) {
                clerk.assignRoles(duties);
                if (!self(clerk)) {
                    sessionsEnded(clerk);
                }
            }
        }, () -> "" + roles);
    }

    /** The phone his login codes go to (RULE-2FA), no other clerk's ({@code CLERK_PHONE_TAKEN}). */
    public ClerkAccount assignPhone(long id, String phone, ClientContext client) {
        return change(id, "CLERK_PHONE_CHANGED", client, clerk -> {
            clerk.assignPhone(phoneOfNoOtherClerk(MobileNumber.parse(phone), clerk.id()));
            flushUnique(clerk);
        }, () -> "phone");
    }

    /**
     * A new initial password (RULE-PWD) for a clerk who forgot his: he replaces it at his next login, his lock is
     * lifted, and his open sessions end.
     */
    public ClerkAccount resetPassword(long id, String password, ClientContext client) {
        return change(id, "CLERK_PASSWORD_RESET", client, clerk -> {
            if (self(clerk)) {
                throw new ConflictException("CLERK_SELF_CHANGE_REFUSED");
            }
            new PasswordPolicy(passwordCategories).check(password, clerk.username());
            clerk.passwordSetByAdministration(hasher.hash(password));
            guard(clerk).reset();
            sessionsEnded(clerk);
        }, () -> "initial password set");
    }

    /** 停用: he cannot log in, and his open sessions end. */
    public ClerkAccount deactivate(long id, ClientContext client) {
        return change(id, "CLERK_DEACTIVATED", client, clerk -> {
            if (self(clerk)) {
                throw new ConflictException("CLERK_SELF_CHANGE_REFUSED");
            }
            clerk.deactivate();
            sessionsEnded(clerk);
        }, () -> "stopped");
    }

    public ClerkAccount activate(long id, ClientContext client) {
        return change(id, "CLERK_ACTIVATED", client, Clerk::activate, () -> "restarted");
    }

    /** 解锁 (RULE-LOCK): he may log in again at once; the day's counts start again. */
    public ClerkAccount unlock(long id, ClientContext client) {
        return change(id, "CLERK_UNLOCKED", client, clerk -> guard(clerk).reset(), () -> "unlocked");
    }

    private ClerkAccount change(long id, String action, ClientContext client, Consumer<Clerk> change,
                                java.util.function.Supplier<String> detail) {
        Clerk admin = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, admin, ClerkCaller.PREFIX + id, client, () -> {
            Clerk clerk = lockedTogether(admin, id);
            change.accept(clerk);
            audit.record(null, action, target(clerk), admin.describe() + ": " + clerk.describe() + " "
                    + detail.get(), client);
            return view(clerk);
        });
    }

    /**
     * The clerk of {@code id} and the administrator himself, both locked, in the order of their ids, and read again:
     * two administrators changing each other at the same moment are served one after the other, and the second finds
     * he is no longer one ({@code CLERK_DUTIES_CHANGED}) — a province never loses its last administrator that way.
     */
    private Clerk lockedTogether(Clerk admin, long id) {
        Clerk clerk = target(admin, id);
        boolean adminFirst = admin.id() < clerk.id();
        em.refresh(adminFirst ? admin : clerk, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(adminFirst ? clerk : admin, LockModeType.PESSIMISTIC_WRITE);
        if (!admin.active() || admin.passwordChangeRequired()) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        if (!admin.holds(ClerkRole.CLERK_ADMIN)) {
            throw new ForbiddenException("CLERK_DUTIES_CHANGED");
        }
        return clerk;
    }

    /** The clerk of {@code id}; his office must be in the administrator's province. */
    private Clerk target(Clerk admin, long id) {
        Clerk clerk = em.find(Clerk.class, id);
        if (clerk == null) {
            throw new NotFoundException("CLERK_NOT_FOUND");
        }
        if (clerk.provinceCode() == null || !clerk.provinceCode().equals(admin.provinceCode())) {
            throw new ForbiddenException("CLERK_OUTSIDE_JURISDICTION");
        }
        return clerk;
    }

    private void sessionsEnded(Clerk clerk) {
        sessionsEnded.fire(SessionsEnded.ofClerk(clerk.id(), clock.now()));
    }

    /** The phone protected for {@code clerkId}; {@code CLERK_PHONE_TAKEN} when another clerk's codes go there. */
    private ProtectedValue phoneOfNoOtherClerk(MobileNumber phone, Long clerkId) {
        ProtectedValue value = phones.protect(phone);
        boolean taken = em.createNamedQuery(Clerk.BY_PHONE, Clerk.class).setParameter("digest", value.digest())
                .getResultStream().anyMatch(other -> !other.id().equals(clerkId));
        if (taken) {
            throw new ConflictException("CLERK_PHONE_TAKEN");
        }
        return value;
    }

    /**
     * Two administrators racing for one username or phone: the database's unique index refuses the second, which is
     * then told which of the two the first took ({@code CLERK_USERNAME_TAKEN}, {@code CLERK_PHONE_TAKEN}), as it would
     * have been a moment later.
     */
    private void flushUnique(Clerk clerk) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException(accounts.takenByAnother(clerk.username(), clerk.phoneDigest(), clerk.id()));
        }
    }

    private boolean self(Clerk clerk) {
        return (ClerkCaller.PREFIX + clerk.id()).equals(context.getCallerPrincipal().getName());
    }

    private ClerkLoginGuard guard(Clerk clerk) {
        return em.find(ClerkLoginGuard.class, clerk.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static Set<ClerkRole> duties(Set<ClerkRole> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw new InvalidInputException("CLERK_ROLES_REQUIRED");
        }
        return EnumSet.copyOf(roles);
    }

    private ClerkAccount view(Clerk c) {
        ClerkLoginGuard guard = em.find(ClerkLoginGuard.class, c.id());
        Instant now = clock.now();
        // a lock of an earlier day is over; asking only about today's leaves the row as it is
        Instant lockedUntil = guard != null && guard.unlockAt(clock.zone()).isAfter(now)
                && guard.isLocked(now, clock.zone()) ? guard.unlockAt(clock.zone()) : null;
        return new ClerkAccount(c.id(), c.username(), c.name(), c.taxOfficeCode(), c.taxOfficeName(), c.roles(),
                c.phoneMasked(), c.active(), c.passwordChangeRequired(), lockedUntil, c.createdAt());
    }

    private static String target(Clerk clerk) {
        return ClerkCaller.PREFIX + clerk.id();
    }
}
