package cn.etax.identity.grant.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Staff relationships added or ended at a tax office (线下办理, §8, ENT-3), for the clerk console, which names the
 * clerk and audits. An offline grant waits for the person's confirmation like any offer and keeps its origin; while
 * pending only a tax office withdraws it ({@link Grant#withdraw} refuses the account centers). The holder need not be
 * registered yet: the clerk has seen his papers, and the grant is attached to his account when he registers.
 */
@Stateless
@RolesAllowed(ClerkRole.GRANTS)
public class OfflineGrantService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @Inject
    BusinessClock clock;

    public GrantView add(String creditCode, NewStaff staff, GrantActor clerk) {
        long taxpayerId = taxpayerId(creditCode);
        if (staff == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        if (staff.identityType() == null) {
            throw new InvalidInputException("STAFF_IDENTITY_TYPE_REQUIRED");
        }
        if (staff.idType() == null) {
            throw new InvalidInputException("ID_TYPE_REQUIRED");
        }
        if (!StaffService.STAFF_TYPES.contains(staff.identityType())) {
            throw new InvalidInputException("STAFF_IDENTITY_TYPE_INVALID");
        }
        String name = RequiredText.of(staff.name(), 100, "NAME_REQUIRED");
        IdDocument document = IdDocument.of(staff.idType(), staff.idNumber());
        Person registered = directory.byDocument(document).orElse(null);
        if (registered != null && !registered.name().equals(name)) {
            throw new InvalidInputException("STAFF_NAME_MISMATCH");
        }
        String digest = directory.documentDigest(document);
        em.find(Taxpayer.class, taxpayerId, LockModeType.PESSIMISTIC_WRITE);
        GrantDuplicates.refuse(em, taxpayerId, digest, staff.identityType(), clock.today());
        Grant g = Grant.grantOffline(taxpayerId, new GrantHolder(Masking.name(name), document.type(), digest,
                        document.masked()), registered == null ? null : registered.id(), staff.identityType(),
                staff.permissions(), staff.validUntil(), clerk, clock.now(), clock.today());
        em.persist(g);
        em.flush();
        return GrantView.of(g, clock.today());
    }

    /**
     * Ends a staff relationship, whoever started it: a pending one is withdrawn, an active, frozen or expired one
     * deleted. Key personnel change only through a key-personnel change. A transition lost to another clerk's
     * becomes {@code CONCURRENT_CHANGE}.
     */
    public GrantView remove(String creditCode, long grantId, GrantActor clerk) {
        if (clerk.side() != GrantParty.TAX_OFFICE) {
            throw new ForbiddenException("GRANT_TAX_OFFICE_ONLY");
        }
        long taxpayerId = taxpayerId(creditCode);
        Grant g = em.find(Grant.class, grantId);
        if (g == null || g.taxpayerId() != taxpayerId) {
            throw new ForbiddenException("GRANT_NOT_OF_THIS_TAXPAYER");
        }
        if (g.identityType().isKeyPerson()) {
            throw new ForbiddenException("GRANT_KEY_PERSON_BY_PERSONNEL_CHANGE");
        }
        if (g.storedState() == GrantState.PENDING) {
            g.withdraw(clerk, clock.now(), clock.today());
        } else {
            g.delete(clerk, clock.now(), clock.today());
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (GrantRefusals.lostRace(e)) {
                throw new ConflictException("CONCURRENT_CHANGE");
            }
            throw e;
        }
        return GrantView.of(g, clock.today());
    }

    private long taxpayerId(String creditCode) {
        String code = CreditCode.of(creditCode).value();
        return em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class).setParameter("code", code)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
    }
}
