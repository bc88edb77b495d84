package cn.etax.identity.grant.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * LOGIN-2 identity resolution: which identity the person may act in for a taxpayer, judged from his grants at this
 * moment (the business clock). Expired and ended grants are never offered; a frozen one is offered among others but
 * refused when chosen ("您选择的办税人已经被锁定，请选择其他办税人"); an offer waiting for him is confirmed here, with
 * the same domain verb, history and audit as in the account center, and proven like there by a QR face check
 * unless the login itself was by face.
 * Every answer is computed again when the person chooses or confirms, so a grant frozen in between is refused.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EnterpriseIdentityService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    ConfirmationProof proof;

    @Inject
    BusinessClock clock;

    /** The taxpayer named at the enterprise entry: {@code TAXPAYER_NOT_FOUND} when the registry does not know it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long taxpayerId(CreditCode code) {
        return em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class).setParameter("code", code.value())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
    }

    /** The taxpayer is of {@code kind}, else {@code refusal} (400): an entry meant for one kind of taxpayer. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireKind(long taxpayerId, TaxpayerKind kind, String refusal) {
        Taxpayer t = em.find(Taxpayer.class, taxpayerId);
        if (t == null || t.kind() != kind) {
            throw new InvalidInputException(refusal);
        }
    }

    /** One active identity logs in; several (frozen ones listed too) are chosen; only offers are confirmed. */
    public IdentityResolution resolve(long personId, long taxpayerId) {
        LocalDate today = clock.today();
        List<Grant> grants = grants(personId, taxpayerId);
        List<Grant> usable = grants.stream().filter(g -> g.state(today) == GrantState.ACTIVE
                || g.state(today) == GrantState.FROZEN).toList();
        if (usable.size() == 1) {
            Grant only = usable.get(0);
            return only.state(today) == GrantState.ACTIVE
                    ? new IdentityResolution(IdentityResolution.Outcome.LOGGED_IN, identity(only), null)
                    : new IdentityResolution(IdentityResolution.Outcome.FROZEN, null, options(usable, today));
        }
        if (!usable.isEmpty()) {
            return new IdentityResolution(IdentityResolution.Outcome.CHOOSE, null, options(usable, today));
        }
        List<Grant> offers = grants.stream().filter(g -> isOfferTo(g, today)).toList();
        if (!offers.isEmpty()) {
            return new IdentityResolution(IdentityResolution.Outcome.CONFIRM, null, options(offers, today));
        }
        return new IdentityResolution(IdentityResolution.Outcome.NONE, null, null);
    }

    /**
     * LOGIN-6: the taxpayer's staff a certificate login may continue as — registered persons whose grant is active or
     * frozen today (frozen ones are refused when chosen), legal representative and finance officer first.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StaffOption> staffOptions(long taxpayerId) {
        LocalDate today = clock.today();
        return em.createNamedQuery(Grant.OF_TAXPAYER, Grant.class).setParameter("taxpayer", taxpayerId).getResultList()
                .stream().filter(g -> g.personId() != null)
                .filter(g -> g.state(today) == GrantState.ACTIVE || g.state(today) == GrantState.FROZEN)
                .sorted(Comparator.comparing(Grant::identityType).thenComparing(Grant::id))
                .map(g -> new StaffOption(g.id(), g.holder().nameMasked(), g.holder().idMasked(), g.identityType(),
                        g.permissions(), g.state(today)))
                .toList();
    }

    /**
     * LOGIN-6: the staff identity chosen after the certificate, checked now: a grant of this taxpayer held by a
     * registered person, active (frozen: ENTERPRISE_IDENTITY_FROZEN; ended, expired, pending or foreign:
     * ENTERPRISE_IDENTITY_UNAVAILABLE). Answers the person.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long staffMember(long taxpayerId, long grantId) {
        Grant g = em.find(Grant.class, grantId);
        if (g == null || g.personId() == null) {
            throw new AuthenticationFailedException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        choose(g.personId(), taxpayerId, grantId); // of this taxpayer and active now, or refused
        return g.personId();
    }

    /** The identity the person picked from the list, checked again now. */
    public EnterpriseIdentity choose(long personId, long taxpayerId, long grantId) {
        Grant g = own(personId, taxpayerId, grantId);
        GrantState state = g.state(clock.today());
        if (state == GrantState.FROZEN) {
            throw new ForbiddenException("ENTERPRISE_IDENTITY_FROZEN");
        }
        if (state != GrantState.ACTIVE) {
            throw new AuthenticationFailedException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        return identity(g);
    }

    /**
     * The QR face check of "点击确定，并完成扫码认证" for one offer waiting for the person: a confirmation proof bound to
     * him and to exactly that grant (PER-3's, {@link ConfirmationProof}). Answers the proof's flow token and the QR
     * token; nothing is shown for a grant he could not confirm.
     */
    public ConfirmationFaceCheck beginConfirmation(long personId, long taxpayerId, long grantId, QrApp app,
                                                   ClientContext client) {
        return GrantRefusals.audited(audit, em, personId, "grant:" + grantId, client, () -> {
            offer(personId, taxpayerId, grantId);
            Person person = em.find(Person.class, personId);
            String proofToken = proof.begin(person, List.of(grantId), client);
            return new ConfirmationFaceCheck(proofToken, proof.startFaceCheck(person, proofToken, app, client));
        });
    }

    /** State of that face check, for the page's poll; only the person it was started for may ask. */
    public QrState confirmationState(long personId, String proofToken) {
        return proof.faceCheckState(personId, proofToken);
    }

    /**
     * "是否确认成为该企业的财务负责人" / "…办税员（开票员）" answered yes: the offer is confirmed and becomes the identity —
     * after its own QR face check ({@code proofToken}, used once), unless the login's second factor was a face check
     * ({@code loginByFace}), as in PER-3.
     */
    public EnterpriseIdentity confirm(long personId, long taxpayerId, long grantId, String proofToken,
                                      boolean loginByFace, ClientContext client) {
        return GrantRefusals.audited(audit, em, personId, "grant:" + grantId, client, () -> {
            Grant g = offer(personId, taxpayerId, grantId);
            String proven = proof.consume(personId, List.of(grantId), proofToken, loginByFace);
            g.confirm(GrantActor.person(personId), clock.now(), clock.today());
            audit.record(personId, "GRANT_CONFIRMED", "grant:" + g.id(), g.identityType() + " of taxpayer "
                    + g.taxpayerId() + ", at the enterprise login, " + proven, client);
            return identity(g);
        });
    }

    /** The person's own grant of this taxpayer, waiting for his confirmation now. */
    private Grant offer(long personId, long taxpayerId, long grantId) {
        Grant g = own(personId, taxpayerId, grantId);
        if (!isOfferTo(g, clock.today())) {
            throw new AuthenticationFailedException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        return g;
    }

    private List<Grant> grants(long personId, long taxpayerId) {
        return em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER, Grant.class).setParameter("person", personId)
                .setParameter("taxpayer", taxpayerId).getResultList();
    }

    private Grant own(long personId, long taxpayerId, long grantId) {
        Grant g = em.find(Grant.class, grantId);
        if (g == null || g.personId() == null || g.personId() != personId || g.taxpayerId() != taxpayerId) {
            throw new AuthenticationFailedException("ENTERPRISE_IDENTITY_UNAVAILABLE");
        }
        return g;
    }

    /** An offer the person answers himself (his own applications wait for the enterprise instead). */
    private static boolean isOfferTo(Grant g, LocalDate today) {
        return g.state(today) == GrantState.PENDING && g.initiator() != GrantParty.PERSON;
    }

    private static List<IdentityOption> options(List<Grant> grants, LocalDate today) {
        return grants.stream().map(g -> new IdentityOption(g.id(), g.identityType(), g.permissions(), g.state(today)))
                .toList();
    }

    private EnterpriseIdentity identity(Grant g) {
        Taxpayer t = em.find(Taxpayer.class, g.taxpayerId());
        return new EnterpriseIdentity(g.id(), t.id(), t.creditCode().value(), Masking.enterpriseName(t.name()),
                g.identityType(), g.permissions());
    }
}
