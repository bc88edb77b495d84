package cn.etax.identity.grant.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.registration.application.PersonRegistered;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Grants as the taxpayer registry needs them (REG-8, API-3): the system binds the legal representative, offers the
 * finance officer his role, and ends the grants of key personnel who were replaced. Callers hold the taxpayer's row
 * lock, so two messages about one taxpayer never interleave here. Every change is audited in the same transaction.
 */
@Stateless
public class GrantService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** REG-8: bound at once, active, long-term, every legal-representative permission. */
    public void bindLegalRepresentative(long taxpayerId, String creditCode, String name, IdDocument document,
                                        ClientContext client) {
        Holder h = holder(name, document);
        Grant g = Grant.bindLegalRepresentative(taxpayerId, h.holder(), h.personId(), clock.now());
        em.persist(g);
        em.flush();
        audit.record(null, "GRANT_BOUND", "grant:" + g.id(), describe(creditCode, g), client);
    }

    /** REG-8: the finance officer's grant waits for his own confirmation. */
    public void offerFinanceOfficer(long taxpayerId, String creditCode, String name, IdDocument document,
                                    ClientContext client) {
        Holder h = holder(name, document);
        IdentityType type = IdentityType.FINANCE_OFFICER;
        Grant g = Grant.offer(taxpayerId, h.holder(), h.personId(), type, type.allowedPermissions(), null,
                GrantActor.SYSTEM, clock.now(), clock.today());
        em.persist(g);
        em.flush();
        audit.record(null, "GRANT_OFFERED", "grant:" + g.id(), describe(creditCode, g), client);
    }

    /**
     * A key person was replaced in the tax registration: his active or frozen grant is deleted, a pending one
     * withdrawn, by the system.
     */
    public void endKeyPersonGrants(long taxpayerId, String creditCode, IdentityType type, ClientContext client) {
        List<Grant> live = em.createNamedQuery(Grant.OF_TAXPAYER_AND_TYPE, Grant.class)
                .setParameter("taxpayer", taxpayerId).setParameter("type", type)
                .setParameter("states", Grant.LIVE).getResultList();
        for (Grant g : live) {
            if (g.storedState() == GrantState.PENDING) {
                g.withdraw(GrantActor.SYSTEM, clock.now(), clock.today());
            } else {
                g.delete(GrantActor.SYSTEM, clock.now(), clock.today());
            }
            audit.record(null, "GRANT_ENDED", "grant:" + g.id(), describe(creditCode, g), client);
        }
    }

    public List<GrantView> grantsOf(long taxpayerId) {
        return em.createNamedQuery(Grant.OF_TAXPAYER, Grant.class).setParameter("taxpayer", taxpayerId)
                .getResultStream().map(g -> GrantView.of(g, clock.today())).toList();
    }

    /** A person registered: grants kept on his document digest now name him (same transaction as the registration). */
    public void attachOnRegistration(@Observes PersonRegistered registered) {
        List<Grant> waiting = em.createNamedQuery(Grant.UNATTACHED_OF_HOLDER, Grant.class)
                .setParameter("digest", registered.idDigest()).getResultList();
        for (Grant g : waiting) {
            g.attachPerson(registered.personId());
            audit.record(registered.personId(), "GRANT_ATTACHED", "grant:" + g.id(),
                    g.identityType() + " of taxpayer " + g.taxpayerId(), null);
        }
    }

    private Holder holder(String name, IdDocument document) {
        Long personId = directory.byDocument(document).map(Person::id).orElse(null);
        return new Holder(new GrantHolder(Masking.name(name), document.type(), directory.documentDigest(document),
                document.masked()), personId);
    }

    private static String describe(String creditCode, Grant g) {
        return creditCode + " " + g.identityType() + " " + g.holder().nameMasked() + " " + g.holder().idMasked()
                + " -> " + g.storedState() + (g.personId() == null ? " (holder not registered yet)" : "");
    }

    private record Holder(GrantHolder holder, Long personId) {
    }
}
