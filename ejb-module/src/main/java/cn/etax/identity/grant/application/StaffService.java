package cn.etax.identity.grant.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The enterprise side of grant management (人员权限管理, ENT-2..ENT-5). The caller is the logged-in person; the
 * taxpayer is named by credit code and {@link GrantAuthority} decides whether he manages it. Every grant named by
 * id must belong to that taxpayer; every change is one transaction with its history row and audit record, and a
 * refusal is audited apart.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class StaffService {

    static final Set<IdentityType> STAFF_TYPES = Set.of(IdentityType.TAX_OFFICER, IdentityType.INVOICER);

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    GrantAuthority authority;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** ENT-2: pending until the person confirms; the person must be registered under exactly this name. */
    public GrantView add(String creditCode, NewStaff staff, ClientContext client) {
        EnterpriseActor actor = manager(creditCode, client);
        return GrantRefusals.audited(audit, em, actor.personId(), "taxpayer:" + actor.creditCode(), client, () -> {
            if (staff == null || staff.identityType() == null || staff.idType() == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            if (!STAFF_TYPES.contains(staff.identityType())) {
                throw new InvalidInputException("STAFF_IDENTITY_TYPE_INVALID");
            }
            IdDocument document = IdDocument.of(staff.idType(), staff.idNumber());
            String name = staff.name() == null ? "" : staff.name().strip();
            Person person = directory.byDocument(document).filter(p -> p.name().equals(name))
                    .orElseThrow(() -> new NotFoundException("STAFF_NOT_REGISTERED"));
            em.find(Taxpayer.class, actor.taxpayerId(), LockModeType.PESSIMISTIC_WRITE);
            GrantDuplicates.refuse(em, actor.taxpayerId(), person.idDigest(), staff.identityType(), clock.today());
            Grant g = Grant.offer(actor.taxpayerId(), new GrantHolder(Masking.name(person.name()), person.idType(),
                            person.idDigest(), person.idMasked()), person.id(), staff.identityType(),
                    staff.permissions(), staff.validUntil(), actor.asGrantActor(), clock.now(), clock.today());
            em.persist(g);
            em.flush();
            audit.record(actor.personId(), "GRANT_OFFERED", "grant:" + g.id(), describe(actor, g), client);
            return GrantView.of(g, clock.today());
        });
    }

    /** ENT-3: grants waiting for an answer, whoever started them. */
    public List<GrantView> pending(String creditCode, ClientContext client) {
        EnterpriseActor actor = manager(creditCode, client);
        return list(actor, g -> g.storedState() == GrantState.PENDING);
    }

    /** ENT-4: active and frozen staff, key personnel included (shown, not changeable); expired ones shown as such. */
    public List<GrantView> staff(String creditCode, ClientContext client) {
        EnterpriseActor actor = manager(creditCode, client);
        return list(actor, g -> g.storedState() == GrantState.ACTIVE || g.storedState() == GrantState.FROZEN);
    }

    /** ENT-5: deleted, withdrawn and rejected grants not cleared by the enterprise; type filter, fuzzy name. */
    public List<GrantView> history(String creditCode, StaffFilter filter, ClientContext client) {
        EnterpriseActor actor = manager(creditCode, client);
        StaffFilter f = filter == null ? StaffFilter.ALL : filter;
        List<Grant> ended = grants(actor).stream()
                .filter(g -> g.storedState().isTerminal() && !g.isHiddenFor(GrantParty.ENTERPRISE))
                .filter(g -> f.identityType() == null || g.identityType() == f.identityType()).toList();
        String fragment = f.name() == null ? "" : f.name().strip();
        if (!fragment.isEmpty()) {
            Map<Long, String> names = names(ended);
            ended = ended.stream().filter(g -> names.getOrDefault(g.personId(), g.holder().nameMasked())
                    .contains(fragment)).toList();
        }
        return ended.stream().map(g -> GrantView.of(g, clock.today())).toList();
    }

    public GrantView withdraw(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_WITHDRAWN", client,
                (a, g) -> g.withdraw(a.asGrantActor(), clock.now(), clock.today()));
    }

    /** ENT-3: an application a person made (PER-2) is confirmed by the enterprise. */
    public GrantView confirm(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_CONFIRMED", client,
                (a, g) -> g.confirm(a.asGrantActor(), clock.now(), clock.today()));
    }

    public GrantView reject(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_REJECTED", client,
                (a, g) -> g.reject(a.asGrantActor(), clock.now(), clock.today()));
    }

    public GrantView freeze(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_FROZEN", client,
                (a, g) -> g.freeze(a.asGrantActor(), clock.now(), clock.today()));
    }

    public GrantView unfreeze(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_UNFROZEN", client,
                (a, g) -> g.unfreeze(a.asGrantActor(), clock.now(), clock.today()));
    }

    public GrantView delete(String creditCode, long grantId, ClientContext client) {
        return change(creditCode, grantId, "GRANT_DELETED", client,
                (a, g) -> g.delete(a.asGrantActor(), clock.now(), clock.today()));
    }

    /** ENT-4; re-checked against the identity type's catalogue on every change, not only on adding. */
    public GrantView changePermissions(String creditCode, long grantId, Set<Permission> permissions,
                                       ClientContext client) {
        return change(creditCode, grantId, "GRANT_PERMISSIONS_CHANGED", client,
                (a, g) -> g.changePermissions(permissions, a.asGrantActor(), clock.now(), clock.today()));
    }

    /** ENT-5 "清除记录": hidden from the enterprise's history only. */
    public void clearRecord(String creditCode, long grantId, ClientContext client) {
        change(creditCode, grantId, "GRANT_RECORD_CLEARED", client,
                (a, g) -> g.hideFromHistory(GrantParty.ENTERPRISE));
    }

    // ----

    private GrantView change(String creditCode, long grantId, String action, ClientContext client,
                             java.util.function.BiConsumer<EnterpriseActor, Grant> verb) {
        EnterpriseActor actor = manager(creditCode, client);
        return GrantRefusals.audited(audit, em, actor.personId(), "grant:" + grantId, client, () -> {
            Grant g = em.find(Grant.class, grantId);
            if (g == null || g.taxpayerId() != actor.taxpayerId()) {
                throw new ForbiddenException("GRANT_NOT_OF_THIS_TAXPAYER");
            }
            verb.accept(actor, g);
            audit.record(actor.personId(), action, "grant:" + g.id(), describe(actor, g), client);
            return GrantView.of(g, clock.today());
        });
    }

    private EnterpriseActor manager(String creditCode, ClientContext client) {
        return authority.manager(Caller.personId(context), creditCode, client);
    }

    private List<Grant> grants(EnterpriseActor actor) {
        return em.createNamedQuery(Grant.OF_TAXPAYER, Grant.class).setParameter("taxpayer", actor.taxpayerId())
                .getResultList();
    }

    private List<GrantView> list(EnterpriseActor actor, Predicate<Grant> which) {
        return grants(actor).stream().filter(which).map(g -> GrantView.of(g, clock.today())).toList();
    }

    private Map<Long, String> names(List<Grant> grants) {
        Set<Long> ids = grants.stream().map(Grant::personId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Person p where p.id in :ids", Person.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Person::id, Person::name));
    }

    private static String describe(EnterpriseActor actor, Grant g) {
        return actor.creditCode() + " by " + actor.identityType() + ": " + g.identityType() + " "
                + g.holder().nameMasked() + " " + g.holder().idMasked() + " -> " + g.storedState() + " "
                + g.permissions();
    }
}
