package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.registration.application.RealNameCollected;
import cn.etax.identity.registration.application.RealNameCollection;
import cn.etax.identity.registration.application.RealNameCollectionService;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
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
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;

/**
 * A natural person's business at the counter (§8), for any person whatever his province (persons are served
 * nationwide): 实名采集 — the document seen by the clerk, which lets the offline-only document types register online
 * (REG-3) — and 人工解锁 of a login locked by wrong passwords or codes (RULE-LOCK), after the clerk checked the
 * document: name and number must both match the account. Each action is audited with the clerk and his office.
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@RolesAllowed(ClerkRole.REGISTRATION)
public class ClerkPersonService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    RealNameCollectionService collections;

    @EJB
    PersonDirectory directory;

    @EJB
    LoginGuardService guards;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** What an unlock found: whose account (masked) and whether it was locked at all. */
    public record PersonUnlocked(String nameMasked, String documentMasked, boolean wasLocked) implements Serializable {
    }

    /** 实名采集: collected now at the clerk's office; the office and time given in the input are not used. */
    public RealNameCollected collect(RealNameCollection c, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, "collection", client, () -> {
            if (c == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            return collections.record(new RealNameCollection(c.name(), c.idType(), c.idNumber(), c.nationality(),
                    c.phone(), clerk.taxOfficeName(), clock.now()), clerk.describe(), client);
        });
    }

    /**
     * 人工解锁: the account of the document, its holder's name confirmed ({@code STAFF_NAME_MISMATCH} otherwise,
     * {@code PERSON_NOT_FOUND} without an account), may log in again at once; the day's counts start again.
     */
    public PersonUnlocked unlock(String name, IdType idType, String idNumber, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, "unlock", client, () -> {
            String cleanName = RequiredText.of(name, 100, "NAME_REQUIRED");
            IdDocument document = IdDocument.of(idType, idNumber);
            Person person = directory.byDocument(document).filter(Person::active)
                    .orElseThrow(() -> new NotFoundException("PERSON_NOT_FOUND"));
            if (!person.name().equals(cleanName)) {
                throw new InvalidInputException("STAFF_NAME_MISMATCH");
            }
            boolean wasLocked = guards.unlock(person.id());
            audit.record(null, "CLERK_PERSON_UNLOCKED", "person:" + person.id(), clerk.describe() + ": "
                    + document.masked() + (wasLocked ? " locked" : " not locked"), client);
            return new PersonUnlocked(Masking.name(person.name()), document.masked(), wasLocked);
        });
    }
}
