package cn.etax.identity.grant.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.grant.infrastructure.CoreTaxSystem;
import cn.etax.identity.grant.infrastructure.RelationshipRecord;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerStatus;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The person's side of grant management (企业授权管理, PER-2..PER-5): apply, answer offers, end relationships,
 * "同步数据", history. The person is always the caller; a grant named by id must be his own. A confirmation is
 * proven by a QR face check bound to him and to exactly the grants confirmed, used once ({@link ConfirmationProof}),
 * unless his login itself was by face (the session's record of the login, never a request parameter, says so).
 */
@Stateless
@DeclareRoles({Caller.PERSON, Caller.ACCOUNT_CENTER, Caller.PERSONAL_BUSINESS})
@RolesAllowed(Caller.PERSON)
public class AuthorisationService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    ConfirmationProof proof;

    @Inject
    CoreTaxSystem coreTax;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    /** Province code of this platform's own province, for the 本省 scope (PER-3, PER-4). */
    @Inject
    @ConfigProperty(name = "identity.home-province", defaultValue = "36")
    String homeProvince;

    /** PER-2: pending until the taxpayer's legal representative or finance officer confirms. */
    public AuthorisationView apply(String rawCreditCode, IdentityType type, Set<Permission> permissions,
                                   ClientContext client) {
        long me = Caller.inAccountCenter(context);
        return GrantRefusals.audited(audit, em, me, "taxpayer:" + shorten(rawCreditCode), client, () -> {
            if (type == null || !StaffService.STAFF_TYPES.contains(type)) {
                throw new InvalidInputException("STAFF_IDENTITY_TYPE_INVALID");
            }
            String code = CreditCode.of(rawCreditCode).value();
            Taxpayer t = em.createNamedQuery(Taxpayer.BY_CREDIT_CODE, Taxpayer.class).setParameter("code", code)
                    .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
            em.lock(t, LockModeType.PESSIMISTIC_WRITE);
            Person p = em.find(Person.class, me);
            GrantDuplicates.refuse(em, t.id(), p.idDigest(), type, clock.today());
            boolean keyPerson = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class)
                    .setParameter("person", me).setParameter("taxpayer", t.id()).getResultStream()
                    .anyMatch(g -> g.identityType().isKeyPerson() && g.isEffective(clock.today()));
            if (keyPerson) {
                // the legal representative or finance officer holds every permission there already
                throw new ConflictException("GRANT_ALREADY_KEY_PERSON");
            }
            Set<Permission> wanted = permissions == null || permissions.isEmpty() ? type.allowedPermissions()
                    : permissions;
            Grant g = Grant.offer(t.id(), new GrantHolder(Masking.name(p.name()), p.idType(), p.idDigest(),
                            p.idMasked()), me, type, wanted, null, GrantActor.person(me), clock.now(), clock.today());
            em.persist(g);
            em.flush();
            audit.record(me, "GRANT_APPLIED", "grant:" + g.id(), code + " " + type + " " + g.permissions(), client);
            return AuthorisationView.of(g, t, clock.today());
        });
    }

    /** PER-3: offers and own applications waiting for an answer. */
    public List<AuthorisationView> pending(AuthorisationFilter filter) {
        return mine(g -> g.storedState() == GrantState.PENDING, filter);
    }

    /** PER-4: active and frozen relationships (expired ones shown as such). */
    public List<AuthorisationView> authorised(AuthorisationFilter filter) {
        return mine(g -> g.storedState() == GrantState.ACTIVE || g.storedState() == GrantState.FROZEN, filter);
    }

    /** PER-5: ended relationships the person has not cleared. */
    public List<AuthorisationView> history(AuthorisationFilter filter) {
        return mine(g -> g.storedState().isTerminal() && !g.isHiddenFor(GrantParty.PERSON), filter);
    }

    /**
     * PER-3: opens the face-check proof of a confirmation of these offers (one, or a batch); answers its flow token.
     * The grants must be the caller's and still waiting, so a QR code is never shown for something he cannot confirm.
     */
    public String beginConfirmation(Collection<Long> grantIds, ClientContext client) {
        long me = Caller.inAccountCenter(context);
        Set<Long> ids = ids(grantIds);
        return GrantRefusals.audited(audit, em, me, "grants:" + ids, client, () -> {
            for (Long id : ids) {
                Grant g = own(me, id);
                if (g.state(clock.today()) != GrantState.PENDING) {
                    throw new ConflictException(g.state(clock.today()) == GrantState.EXPIRED ? "GRANT_EXPIRED"
                            : "GRANT_NOT_PENDING");
                }
            }
            return proof.begin(em.find(Person.class, me), ids, client);
        });
    }

    /** PER-3: the QR code of the confirmation's face check (tax app or IIT app); answers the QR token. */
    public String startConfirmationFaceCheck(String flowToken, QrApp app, ClientContext client) {
        return proof.startFaceCheck(em.find(Person.class, Caller.inAccountCenter(context)), flowToken, app, client);
    }

    /** PER-3: state of the confirmation's face check, for the page's poll; only the flow's owner may ask. */
    public QrState confirmationFaceCheckState(String flowToken) {
        return proof.faceCheckState(Caller.inAccountCenter(context), flowToken);
    }

    /** PER-3: whether a confirmation in this login still needs a face check (not when the login was by face). */
    public boolean confirmationNeedsFaceCheck(AuthenticatedPerson login) {
        return !ConfirmationProof.loggedInByFace(Caller.inAccountCenter(context), login);
    }

    /**
     * PER-3: confirms one or several offers at once, all or none. The confirmation is proven by a face check bound to
     * exactly these grants ({@link #beginConfirmation}), used once, unless {@code login} — the caller's session
     * record of his login — says he logged in by face.
     */
    public List<AuthorisationView> confirm(Collection<Long> grantIds, String flowToken, AuthenticatedPerson login,
                                           ClientContext client) {
        long me = Caller.inAccountCenter(context);
        Set<Long> ids = grantIds == null ? Set.of() : new LinkedHashSet<>(grantIds);
        return GrantRefusals.audited(audit, em, me, "grants:" + ids, client, () -> {
            Set<Long> valid = ids(grantIds);
            List<Grant> grants = valid.stream().map(id -> own(me, id)).toList();
            String proven = proof.consume(me, valid, flowToken, login);
            List<AuthorisationView> done = new ArrayList<>();
            for (Grant g : grants) {
                g.confirm(GrantActor.person(me), clock.now(), clock.today());
                audit.record(me, "GRANT_CONFIRMED", "grant:" + g.id(), g.identityType() + " of taxpayer "
                        + g.taxpayerId() + ", " + proven, client);
            }
            Map<Long, Taxpayer> taxpayers = taxpayers(grants);
            grants.forEach(g -> done.add(AuthorisationView.of(g, taxpayers.get(g.taxpayerId()), clock.today())));
            return done;
        });
    }

    public AuthorisationView reject(long grantId, ClientContext client) {
        return change(grantId, "GRANT_REJECTED", client,
                (me, g) -> g.reject(GrantActor.person(me), clock.now(), clock.today()));
    }

    /**
     * PER-2/PER-3: the person takes back his own application while the enterprise has not answered it (an offer
     * of the enterprise's is his to reject, not to withdraw: GRANT_WITHDRAW_OWN_ONLY). It then shows in PER-5 as
     * 已撤回, and he may apply there again.
     */
    public AuthorisationView withdraw(long grantId, ClientContext client) {
        return change(grantId, "GRANT_WITHDRAWN", client,
                (me, g) -> g.withdraw(GrantActor.person(me), clock.now(), clock.today()));
    }

    /** PER-4: the person ends a relationship (not as legal representative). */
    public AuthorisationView delete(long grantId, ClientContext client) {
        return change(grantId, "GRANT_DELETED", client,
                (me, g) -> g.delete(GrantActor.person(me), clock.now(), clock.today()));
    }

    /**
     * PER-4 "同步数据" (数据补齐): checks the relationship against the taxpayer registry's current copy and pushes it
     * again to the core tax system. A deregistered taxpayer, or a key-person grant the registry no longer backs (the
     * registration names someone else), cannot be pushed; a core system that does not take it answers
     * CORE_TAX_SYSTEM_BUSY and nothing is recorded; otherwise the time is recorded and the refreshed view answered.
     */
    public AuthorisationView sync(long grantId, ClientContext client) {
        return change(grantId, "GRANT_SYNC_REQUESTED", client, (me, g) -> {
            Taxpayer t = em.find(Taxpayer.class, g.taxpayerId());
            if (t.status() == TaxpayerStatus.DEREGISTERED) {
                throw new ConflictException("TAXPAYER_DEREGISTERED");
            }
            if (g.identityType().isKeyPerson()) {
                KeyRole role = g.identityType() == IdentityType.LEGAL_REPRESENTATIVE ? KeyRole.LEGAL_REPRESENTATIVE
                        : KeyRole.FINANCE_OFFICER;
                boolean backed = t.keyPerson(role).map(k -> k.idDigest().equals(g.holder().digest())).orElse(false);
                if (!backed) {
                    throw new ConflictException("GRANT_NOT_IN_REGISTRY");
                }
            }
            g.markSynced(clock.now(), clock.today());
            Person holder = em.find(Person.class, me);
            coreTax.pushRelationship(new RelationshipRecord(g.id(), t.creditCode().value(), holder.name(),
                    Masking.name(holder.name()), holder.idType(), protector.decrypt(holder.idCipher()),
                    holder.idMasked(), g.identityType(), g.permissions(), g.state(clock.today()), g.validUntil(),
                    clock.now()));
        });
    }

    /** PER-5 "清除记录": hidden from the person's history only. */
    public void clearRecord(long grantId, ClientContext client) {
        change(grantId, "GRANT_RECORD_CLEARED", client, (me, g) -> g.hideFromHistory(GrantParty.PERSON));
    }

    // ----

    private AuthorisationView change(long grantId, String action, ClientContext client, BiConsumer<Long, Grant> verb) {
        long me = Caller.inAccountCenter(context);
        return GrantRefusals.audited(audit, em, me, "grant:" + grantId, client, () -> {
            Grant g = own(me, grantId);
            verb.accept(me, g);
            audit.record(me, action, "grant:" + g.id(), g.identityType() + " of taxpayer " + g.taxpayerId()
                    + " -> " + g.storedState(), client);
            return AuthorisationView.of(g, em.find(Taxpayer.class, g.taxpayerId()), clock.today());
        });
    }

    private static Set<Long> ids(Collection<Long> grantIds) {
        Set<Long> ids = grantIds == null ? Set.of() : new LinkedHashSet<>(grantIds);
        if (ids.isEmpty() || ids.contains(null)) {
            throw new InvalidInputException("GRANT_IDS_REQUIRED");
        }
        return ids;
    }

    private Grant own(long me, Long grantId) {
        Grant g = em.find(Grant.class, grantId);
        if (g == null || g.personId() == null || g.personId() != me) {
            throw new ForbiddenException("GRANT_NOT_YOURS");
        }
        return g;
    }

    private List<AuthorisationView> mine(Predicate<Grant> which, AuthorisationFilter filter) {
        long me = Caller.inAccountCenter(context);
        AuthorisationFilter f = filter == null ? AuthorisationFilter.NATIONWIDE : filter;
        List<Grant> grants = em.createNamedQuery(Grant.OF_PERSON, Grant.class).setParameter("person", me)
                .getResultStream().filter(which).toList();
        Map<Long, Taxpayer> taxpayers = taxpayers(grants);
        return grants.stream().map(g -> AuthorisationView.of(g, taxpayers.get(g.taxpayerId()), clock.today()))
                .filter(v -> f.accepts(v, homeProvince)).toList();
    }

    private Map<Long, Taxpayer> taxpayers(List<Grant> grants) {
        Set<Long> ids = grants.stream().map(Grant::taxpayerId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from Taxpayer t where t.id in :ids", Taxpayer.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Taxpayer::id, Function.identity()));
    }

    private static String shorten(String raw) {
        return raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) : raw;
    }
}
