package cn.etax.identity.account.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.domain.LoginRecord;
import cn.etax.identity.grant.application.ActingIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.GrantAuthority;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.grant.domain.PermissionTemplate;
import cn.etax.identity.grant.domain.SavedPermissionTemplate;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.BasicTaxData;
import cn.etax.identity.taxpayer.domain.Investor;
import cn.etax.identity.taxpayer.domain.KeyPerson;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enterprise account center (企业账户中心) beside staff management: basic information with audited reveals
 * (ENT-1, RULE-MASK), permission templates for adding staff (ENT-2) and the enterprise login log (ENT-10). The
 * caller acts in the session's current identity, which {@link GrantAuthority#acting} checks against his own grant
 * at every call; what that identity may see is decided here, not by the pages.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class EnterpriseCenterService {

    private static final Set<IdentityType> STAFF_TYPES = EnumSet.of(IdentityType.TAX_OFFICER, IdentityType.INVOICER);
    private static final Set<GrantState> SHOWN_IDENTITIES = EnumSet.of(GrantState.ACTIVE, GrantState.FROZEN);

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    GrantAuthority authority;

    @EJB
    PersonDirectory directory;

    @EJB
    LoginLogService loginLog;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    /** ENT-1: everything for a legal representative or finance officer; basic data and key personnel otherwise. */
    public EnterpriseInfoView info(EnterpriseIdentity current, ClientContext client) {
        ActingIdentity acting = acting(current, client);
        Taxpayer t = em.find(Taxpayer.class, acting.taxpayerId());
        BasicTaxData data = t.basicData();
        EnterpriseInfoView.Basic basic = basic(t);
        List<EnterpriseInfoView.KeyPersonView> keyPersonnel = keyPersonnel(t);
        EnterpriseInfoView.TaxData taxData = null;
        List<EnterpriseInfoView.InvestorView> investors = null;
        if (acting.isManager()) {
            taxData = data == null ? new EnterpriseInfoView.TaxData(null, null, null)
                    : new EnterpriseInfoView.TaxData(data.registrationType(), data.industry(),
                    data.vatQualification());
            investors = t.investors().stream().map(i -> new EnterpriseInfoView.InvestorView(i.id(),
                    maskInvestor(i), i.documentType(), i.documentMasked(), i.sharePercent())).toList();
        }
        return new EnterpriseInfoView(basic, keyPersonnel, taxData, investors, viewer(acting));
    }

    /**
     * ENT-1 "眼睛": one field in clear, recorded like a person's own reveal; a field outside what the current identity
     * sees is refused ({@code ENTERPRISE_INFO_FORBIDDEN}, audited).
     */
    public String reveal(EnterpriseIdentity current, EnterpriseField field, Long investorId, ClientContext client) {
        if (field == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        ActingIdentity acting = acting(current, client);
        String target = "taxpayer:" + acting.taxpayerId();
        if (field.managersOnly() && !acting.isManager()) {
            audit.recordSeparately(acting.personId(), "ENTERPRISE_ACTION_REFUSED", target,
                    "ENTERPRISE_INFO_FORBIDDEN " + field, client);
            throw new ForbiddenException("ENTERPRISE_INFO_FORBIDDEN");
        }
        String value = clear(em.find(Taxpayer.class, acting.taxpayerId()), field, investorId);
        Reveals.record(audit, acting.personId(), target,
                field == EnterpriseField.INVESTOR_NAME ? field + ":" + investorId : field.name(), client);
        return value;
    }

    /** The clear value of a masked field of the taxpayer's information (RULE-MASK). */
    static String clear(Taxpayer t, EnterpriseField field, Long investorId) {
        return switch (field) {
            case TAXPAYER_NAME -> t.name();
            case BUSINESS_ADDRESS -> t.basicData() == null || t.basicData().businessAddress() == null ? ""
                    : t.basicData().businessAddress();
            case LEGAL_REPRESENTATIVE_NAME -> t.keyPerson(KeyRole.LEGAL_REPRESENTATIVE).map(KeyPerson::name)
                    .orElse("");
            case FINANCE_OFFICER_NAME -> t.keyPerson(KeyRole.FINANCE_OFFICER).map(KeyPerson::name).orElse("");
            case INVESTOR_NAME -> t.investors().stream().filter(i -> i.id().equals(investorId)).findFirst()
                    .map(Investor::name).orElseThrow(() -> new NotFoundException("INVESTOR_NOT_FOUND"));
        };
    }

    /**
     * ENT-2 权限身份: the templates offered for a staff identity type, to the managers who add staff — the presets
     * first, then the taxpayer's own in the order saved; each with only the permissions the type may hold, and not
     * at all when that leaves nothing.
     */
    public List<PermissionTemplateView> templates(EnterpriseIdentity current, IdentityType type,
                                                  ClientContext client) {
        ActingIdentity acting = acting(current, client);
        authority.requireManager(acting, client);
        if (type == null || !STAFF_TYPES.contains(type)) {
            throw new InvalidInputException("STAFF_IDENTITY_TYPE_INVALID");
        }
        List<PermissionTemplateView> offered = new ArrayList<>();
        Arrays.stream(PermissionTemplate.values()).filter(t -> t.isOfferedTo(type))
                .forEach(t -> offered.add(PermissionTemplateView.of(t, type)));
        saved(acting.taxpayerId()).stream().filter(t -> t.isOfferedTo(type))
                .forEach(t -> offered.add(PermissionTemplateView.of(t, type)));
        return offered;
    }

    /** ENT-2: the taxpayer's own templates as saved, every permission, for any identity type (managers only). */
    public List<PermissionTemplateView> savedTemplates(EnterpriseIdentity current, ClientContext client) {
        ActingIdentity acting = acting(current, client);
        authority.requireManager(acting, client);
        return saved(acting.taxpayerId()).stream().map(PermissionTemplateView::of).toList();
    }

    /**
     * ENT-2 权限身份 "保存": the permissions under a name as this taxpayer's own template (managers only). The name
     * is 1..20 characters and free within the taxpayer ({@code PERMISSION_TEMPLATE_NAME_TAKEN}, 409); every
     * permission one a staff member may hold ({@code PERMISSION_NOT_ALLOWED}). Audited with the change.
     */
    public PermissionTemplateView saveTemplate(EnterpriseIdentity current, String name, Set<Permission> permissions,
                                               ClientContext client) {
        ActingIdentity acting = acting(current, client);
        authority.requireManager(acting, client);
        if (permissions != null && permissions.stream().anyMatch(p -> p != null
                && STAFF_TYPES.stream().noneMatch(p::allows))) {
            throw new InvalidInputException("PERMISSION_NOT_ALLOWED");
        }
        SavedPermissionTemplate t = SavedPermissionTemplate.create(acting.taxpayerId(), name, permissions,
                acting.personId(), clock.now());
        if (em.createNamedQuery(SavedPermissionTemplate.COUNT_NAMED, Long.class)
                .setParameter("taxpayer", acting.taxpayerId()).setParameter("name", t.name())
                .getSingleResult() > 0) {
            throw new ConflictException("PERMISSION_TEMPLATE_NAME_TAKEN", t.name());
        }
        em.persist(t);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the same name saved at the same moment by the other manager: the unique key answers
            throw new ConflictException("PERMISSION_TEMPLATE_NAME_TAKEN", t.name());
        }
        audit.record(acting.personId(), "PERMISSION_TEMPLATE_SAVED", "taxpayer:" + acting.creditCode(),
                "template:" + t.id() + " " + t.permissions().stream().map(Enum::name).collect(
                        Collectors.joining(",")), client);
        return PermissionTemplateView.of(t);
    }

    /**
     * ENT-2: deletes one of this taxpayer's own templates (managers only; presets cannot be deleted). Another
     * taxpayer's id, or one already deleted, is {@code PERMISSION_TEMPLATE_NOT_FOUND} (404, the refusal recorded).
     * Grants given with it keep their permissions. Audited with the change.
     */
    public void deleteTemplate(EnterpriseIdentity current, long id, ClientContext client) {
        ActingIdentity acting = acting(current, client);
        authority.requireManager(acting, client);
        SavedPermissionTemplate t = em.find(SavedPermissionTemplate.class, id);
        if (t == null || t.taxpayerId() != acting.taxpayerId()) {
            audit.recordSeparately(acting.personId(), "ENTERPRISE_ACTION_REFUSED", "template:" + id,
                    "PERMISSION_TEMPLATE_NOT_FOUND", client);
            throw new NotFoundException("PERMISSION_TEMPLATE_NOT_FOUND");
        }
        em.remove(t);
        audit.record(acting.personId(), "PERMISSION_TEMPLATE_DELETED", "taxpayer:" + acting.creditCode(),
                "template:" + id + " " + t.name(), client);
    }

    /**
     * ENT-10: logins through the enterprise entry for this taxpayer since {@code from} (default a month back). The
     * viewer's own by default; {@code allStaff} — every staff member's — only for a legal representative or finance
     * officer ({@code LOGIN_LOG_ALL_STAFF_FORBIDDEN} otherwise, audited).
     */
    public List<EnterpriseLogin> loginLog(EnterpriseIdentity current, LocalDate from, boolean allStaff,
                                          ClientContext client) {
        ActingIdentity acting = acting(current, client);
        if (allStaff) {
            authority.requireManager(acting, "LOGIN_LOG_ALL_STAFF_FORBIDDEN", client);
        }
        LocalDate since = from == null ? clock.today().minusMonths(1) : from;
        List<LoginRecord> records = loginLog.ofTaxpayer(acting.taxpayerId(), allStaff ? null : acting.personId(),
                since, 500);
        Map<Long, String> names = names(records.stream().map(LoginRecord::personId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return records.stream().map(r -> new EnterpriseLogin(r, names.getOrDefault(r.personId(), ""),
                Objects.equals(r.personId(), acting.personId()))).toList();
    }

    // ----

    private List<SavedPermissionTemplate> saved(long taxpayerId) {
        return em.createNamedQuery(SavedPermissionTemplate.OF_TAXPAYER, SavedPermissionTemplate.class)
                .setParameter("taxpayer", taxpayerId).getResultList();
    }

    private ActingIdentity acting(EnterpriseIdentity current, ClientContext client) {
        return authority.acting(Caller.personId(context), current, client);
    }

    private EnterpriseInfoView.Viewer viewer(ActingIdentity acting) {
        Person me = directory.get(acting.personId());
        LocalDate today = clock.today();
        List<EnterpriseInfoView.ViewerIdentity> identities = em.createNamedQuery(Grant.OF_PERSON_IN_TAXPAYER,
                        Grant.class).setParameter("person", acting.personId())
                .setParameter("taxpayer", acting.taxpayerId()).getResultStream()
                .filter(g -> SHOWN_IDENTITIES.contains(g.state(today)))
                .map(g -> new EnterpriseInfoView.ViewerIdentity(g.id(), g.identityType(), g.state(today),
                        g.id() == acting.grantId()))
                .toList();
        return new EnterpriseInfoView.Viewer(Masking.name(me.name()), me.realNameLevel(), acting.identityType(),
                acting.permissions(), identities);
    }

    /** 基本信息, masked: what every identity in the taxpayer sees, an agent's too (AGT-1). */
    static EnterpriseInfoView.Basic basic(Taxpayer t) {
        BasicTaxData data = t.basicData();
        return new EnterpriseInfoView.Basic(t.creditCode().value(), Masking.enterpriseName(t.name()), t.kind(),
                t.status(), t.taxAuthorityName(), t.region().provinceName(),
                data == null ? "" : Masking.address(data.businessAddress()),
                data == null ? null : data.registeredOn());
    }

    /** 主要人员信息, masked: legal representative, then finance officer. */
    static List<EnterpriseInfoView.KeyPersonView> keyPersonnel(Taxpayer t) {
        List<EnterpriseInfoView.KeyPersonView> keyPersonnel = new ArrayList<>();
        t.keyPerson(KeyRole.LEGAL_REPRESENTATIVE).ifPresent(p -> keyPersonnel.add(keyPerson(
                IdentityType.LEGAL_REPRESENTATIVE, p)));
        t.keyPerson(KeyRole.FINANCE_OFFICER).ifPresent(p -> keyPersonnel.add(keyPerson(
                IdentityType.FINANCE_OFFICER, p)));
        return keyPersonnel;
    }

    private static EnterpriseInfoView.KeyPersonView keyPerson(IdentityType role, KeyPerson p) {
        return new EnterpriseInfoView.KeyPersonView(role, Masking.name(p.name()), p.idType(), p.idMasked());
    }

    /**
     * An organisation's name (documented by a credit code or business licence) masked as an enterprise's, anyone
     * else's as a person's (RULE-MASK).
     */
    private static String maskInvestor(Investor i) {
        String type = i.documentType() == null ? "" : i.documentType();
        boolean organisation = type.contains("信用代码") || type.contains("营业执照") || type.contains("组织机构")
                || type.toUpperCase(java.util.Locale.ROOT).contains("CREDIT");
        return organisation ? Masking.enterpriseName(i.name()) : Masking.name(i.name());
    }

    private Map<Long, String> names(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Person p where p.id in :ids", Person.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Person::id, p -> Masking.name(p.name())));
    }
}
