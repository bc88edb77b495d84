package cn.etax.identity.grant.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantHolder;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
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
 * proven by a QR face check in an account-change flow of his, unless his login itself was by face (the web layer
 * says so from the server-side session, never from the request).
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class AuthorisationService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    FlowService flows;

    @EJB
    QrCheckService qr;

    @Inject
    BusinessClock clock;

    /** Province code of this platform's own province, for the 本省 scope (PER-3, PER-4). */
    @Inject
    @ConfigProperty(name = "identity.home-province", defaultValue = "36")
    String homeProvince;

    /** PER-2: pending until the taxpayer's legal representative or finance officer confirms. */
    public AuthorisationView apply(String rawCreditCode, IdentityType type, Set<Permission> permissions,
                                   ClientContext client) {
        long me = Caller.personId(context);
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
     * PER-3: confirms one or several offers at once, all or none. One face check (a confirmed QR check in the
     * caller's account-change flow) proves the whole confirmation, unless the login itself was by face.
     */
    public List<AuthorisationView> confirm(Collection<Long> grantIds, String flowToken, boolean loginByFace,
                                           ClientContext client) {
        long me = Caller.personId(context);
        Set<Long> ids = grantIds == null ? Set.of() : new LinkedHashSet<>(grantIds);
        return GrantRefusals.audited(audit, em, me, "grants:" + ids, client, () -> {
            if (ids.isEmpty() || ids.contains(null)) {
                throw new InvalidInputException("GRANT_IDS_REQUIRED");
            }
            List<Grant> grants = ids.stream().map(id -> own(me, id)).toList();
            if (!loginByFace) {
                AuthFlow flow = flows.find(flowToken, FlowKind.ACCOUNT_CHANGE);
                if (flow.personId() == null || flow.personId() != me) {
                    throw new ForbiddenException("FLOW_INVALID");
                }
                qr.consumeConfirmed(flow.tokenDigest());
                flow.complete();
            }
            List<AuthorisationView> done = new ArrayList<>();
            for (Grant g : grants) {
                g.confirm(GrantActor.person(me), clock.now(), clock.today());
                audit.record(me, "GRANT_CONFIRMED", "grant:" + g.id(), g.identityType() + " of taxpayer "
                        + g.taxpayerId() + (loginByFace ? ", login by face" : ", QR face check"), client);
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

    /** PER-4: the person ends a relationship (not as legal representative). */
    public AuthorisationView delete(long grantId, ClientContext client) {
        return change(grantId, "GRANT_DELETED", client,
                (me, g) -> g.delete(GrantActor.person(me), clock.now(), clock.today()));
    }

    /**
     * PER-4 "同步数据": asks for the relationship to be pushed again to the business systems. Recorded and audited;
     * only a relationship in force can be pushed.
     */
    public AuthorisationView sync(long grantId, ClientContext client) {
        return change(grantId, "GRANT_SYNC_REQUESTED", client, (me, g) -> {
            GrantState now = g.state(clock.today());
            if (now == GrantState.EXPIRED) {
                throw new ConflictException("GRANT_EXPIRED");
            }
            if (now != GrantState.ACTIVE && now != GrantState.FROZEN) {
                throw new ConflictException("GRANT_NOT_ACTIVE");
            }
        });
    }

    /** PER-5 "清除记录": hidden from the person's history only. */
    public void clearRecord(long grantId, ClientContext client) {
        change(grantId, "GRANT_RECORD_CLEARED", client, (me, g) -> g.hideFromHistory(GrantParty.PERSON));
    }

    // ----

    private AuthorisationView change(long grantId, String action, ClientContext client, BiConsumer<Long, Grant> verb) {
        long me = Caller.personId(context);
        return GrantRefusals.audited(audit, em, me, "grant:" + grantId, client, () -> {
            Grant g = own(me, grantId);
            verb.accept(me, g);
            audit.record(me, action, "grant:" + g.id(), g.identityType() + " of taxpayer " + g.taxpayerId()
                    + " -> " + g.storedState(), client);
            return AuthorisationView.of(g, em.find(Taxpayer.class, g.taxpayerId()), clock.today());
        });
    }

    private Grant own(long me, Long grantId) {
        Grant g = em.find(Grant.class, grantId);
        if (g == null || g.personId() == null || g.personId() != me) {
            throw new ForbiddenException("GRANT_NOT_YOURS");
        }
        return g;
    }

    private List<AuthorisationView> mine(Predicate<Grant> which, AuthorisationFilter filter) {
        long me = Caller.personId(context);
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
