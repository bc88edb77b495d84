package cn.etax.identity.grant.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.taxpayer.domain.Taxpayer;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The enterprise side of grant management (人员权限管理, ENT-2..ENT-5). The caller is the logged-in person and the
 * taxpayer is that of the session's current identity: seeds [001] "法定代表人、财务负责人从企业业务入口登录…添加", so
 * only a legal-representative or finance-officer identity manages — not the same person logged in as tax officer,
 * in personal business or for another enterprise — and {@link GrantAuthority} checks it. Every grant named by id must
 * belong to that taxpayer; every change is one transaction with its history row and audit record, and a
 * refusal is audited apart.
 */
@Stateless
@DeclareRoles({Caller.PERSON, Caller.ACCOUNT_CENTER, Caller.PERSONAL_BUSINESS})
@RolesAllowed(Caller.PERSON)
public class StaffService {

    static final Set<IdentityType> STAFF_TYPES = Set.of(IdentityType.TAX_OFFICER, IdentityType.INVOICER);

    private static final Predicate<Grant> PENDING = g -> g.storedState() == GrantState.PENDING;
    private static final Predicate<Grant> EXISTING = g -> g.storedState() == GrantState.ACTIVE
            || g.storedState() == GrantState.FROZEN;
    private static final Verb WITHDRAW = Grant::withdraw;
    private static final Verb CONFIRM = Grant::confirm;
    private static final Verb REJECT = Grant::reject;
    private static final Verb FREEZE = Grant::freeze;
    private static final Verb UNFREEZE = Grant::unfreeze;
    private static final Verb DELETE = Grant::delete;
    private static final Verb CLEAR_RECORD = (g, by, at, today) -> g.hideFromHistory(GrantParty.ENTERPRISE);

    /** A domain verb of the grant, applied by the acting manager now. */
    @FunctionalInterface
    private interface Verb {
        void apply(Grant grant, GrantActor by, Instant at, LocalDate today);
    }

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

    @Inject
    PersonalDataProtector protector;

    /**
     * ENT-2: pending until the person confirms; the person must be registered under exactly this name. The manager
     * must have acknowledged the risk warning ("风险提示") first: {@code RISK_NOT_ACKNOWLEDGED} otherwise, on the page
     * and over REST alike.
     */
    public GrantView add(EnterpriseIdentity current, NewStaff staff, boolean riskAcknowledged, ClientContext client) {
        return add(manager(current, client), staff, riskAcknowledged, client);
    }

    private GrantView add(EnterpriseActor actor, NewStaff staff, boolean riskAcknowledged, ClientContext client) {
        return GrantRefusals.audited(audit, em, actor.personId(), "taxpayer:" + actor.creditCode(), client, () -> {
            if (staff == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            if (staff.identityType() == null) {
                throw new InvalidInputException("STAFF_IDENTITY_TYPE_REQUIRED");
            }
            if (staff.idType() == null) {
                throw new InvalidInputException("ID_TYPE_REQUIRED");
            }
            if (!riskAcknowledged) {
                throw new InvalidInputException("RISK_NOT_ACKNOWLEDGED");
            }
            if (!STAFF_TYPES.contains(staff.identityType())) {
                throw new InvalidInputException("STAFF_IDENTITY_TYPE_INVALID");
            }
            IdDocument document = IdDocument.of(staff.idType(), staff.idNumber());
            String name = staff.name() == null ? "" : staff.name().strip();
            Person person = directory.byDocument(document).filter(p -> p.active() && p.name().equals(name))
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

    /**
     * RULE-MASK, ENT-3: the eye on a pending row's name or ID number, so that a manager knows whom he confirms;
     * managers of the current identity's taxpayer only, recorded as their reveal. A grant of another taxpayer is
     * {@code GRANT_NOT_OF_THIS_TAXPAYER}; one no longer pending ({@code GRANT_NOT_PENDING}) keeps its holder masked
     * — someone who withdrew has no more to show; a holder not registered yet has nothing more to show
     * ({@code STAFF_NOT_REGISTERED}).
     */
    public String reveal(EnterpriseIdentity current, long grantId, StaffField field, ClientContext client) {
        if (field == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        EnterpriseActor actor = manager(current, client);
        return GrantRefusals.audited(audit, em, actor.personId(), "grant:" + grantId, client, () -> {
            Grant g = em.find(Grant.class, grantId);
            if (g == null || g.taxpayerId() != actor.taxpayerId()) {
                throw new ForbiddenException("GRANT_NOT_OF_THIS_TAXPAYER");
            }
            if (g.state(clock.today()) != GrantState.PENDING) {
                throw new ConflictException("GRANT_NOT_PENDING");
            }
            Person holder = g.personId() == null ? null : em.find(Person.class, g.personId());
            if (holder == null) {
                throw new NotFoundException("STAFF_NOT_REGISTERED");
            }
            audit.record(actor.personId(), "FIELD_REVEALED", "grant:" + g.id(), "staff " + field + " as manager of "
                    + actor.creditCode(), client);
            return field == StaffField.NAME ? holder.name() : protector.decrypt(holder.idCipher());
        });
    }

    /** ENT-3: grants waiting for an answer, whoever started them. */
    public List<GrantView> pending(EnterpriseIdentity current, ClientContext client) {
        return list(manager(current, client), PENDING);
    }

    /** ENT-4: active and frozen staff, key personnel included (shown, not changeable); expired ones shown as such. */
    public List<GrantView> staff(EnterpriseIdentity current, ClientContext client) {
        return list(manager(current, client), EXISTING);
    }

    /** ENT-5: deleted, withdrawn and rejected grants not cleared by the enterprise; type filter, fuzzy name. */
    public List<GrantView> history(EnterpriseIdentity current, StaffFilter filter, ClientContext client) {
        return history(manager(current, client), filter);
    }

    private List<GrantView> history(EnterpriseActor actor, StaffFilter filter) {
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

    public GrantView withdraw(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_WITHDRAWN", client, WITHDRAW);
    }

    /** ENT-3: an application a person made (PER-2) is confirmed by the enterprise. */
    public GrantView confirm(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_CONFIRMED", client, CONFIRM);
    }

    public GrantView reject(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_REJECTED", client, REJECT);
    }

    public GrantView freeze(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_FROZEN", client, FREEZE);
    }

    public GrantView unfreeze(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_UNFROZEN", client, UNFREEZE);
    }

    public GrantView delete(EnterpriseIdentity current, long grantId, ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_DELETED", client, DELETE);
    }

    /** ENT-4; re-checked against the identity type's catalogue on every change, not only on adding. */
    public GrantView changePermissions(EnterpriseIdentity current, long grantId, Set<Permission> permissions,
                                       ClientContext client) {
        return change(manager(current, client), grantId, "GRANT_PERMISSIONS_CHANGED", client,
                (g, by, at, today) -> g.changePermissions(permissions, by, at, today));
    }

    /** ENT-5 "清除记录": hidden from the enterprise's history only. */
    public void clearRecord(EnterpriseIdentity current, long grantId, ClientContext client) {
        change(manager(current, client), grantId, "GRANT_RECORD_CLEARED", client, CLEAR_RECORD);
    }

    // ----

    private GrantView change(EnterpriseActor actor, long grantId, String action, ClientContext client,
                             Verb verb) {
        return GrantRefusals.audited(audit, em, actor.personId(), "grant:" + grantId, client, () -> {
            Grant g = em.find(Grant.class, grantId);
            if (g == null || g.taxpayerId() != actor.taxpayerId()) {
                throw new ForbiddenException("GRANT_NOT_OF_THIS_TAXPAYER");
            }
            verb.apply(g, actor.asGrantActor(), clock.now(), clock.today());
            audit.record(actor.personId(), action, "grant:" + g.id(), describe(actor, g), client);
            return GrantView.of(g, clock.today());
        });
    }

    private EnterpriseActor manager(EnterpriseIdentity current, ClientContext client) {
        return authority.managerActing(Caller.personId(context), current, client);
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
