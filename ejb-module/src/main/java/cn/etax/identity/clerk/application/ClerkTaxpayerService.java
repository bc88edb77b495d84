package cn.etax.identity.clerk.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.application.CrossRegionSubjectMessage;
import cn.etax.identity.taxpayer.application.KeyPersonnelChange;
import cn.etax.identity.taxpayer.application.SyncAnswer;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.TaxpayerGrants;
import cn.etax.identity.taxpayer.application.TaxpayerRegistrar;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.taxpayer.domain.SyncMessage;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Taxpayer registration and key-personnel changes at the counter (§8, REG-8): the same registrar as the core tax
 * system's sync (API-3), so the legal representative is bound at once and the finance officer offered his role,
 * and a change ends the old binding and binds the new person. Each call is one transaction with an audit record
 * naming the clerk and his tax office; a refusal is recorded apart.
 */
@Stateless
@DeclareRoles({ClerkRole.CLERK, ClerkRole.REGISTRATION, ClerkRole.GRANTS, ClerkRole.ADMIN})
@RolesAllowed(ClerkRole.CLERK)
public class ClerkTaxpayerService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    TaxpayerRegistrar registrar;

    @EJB
    AuditService audit;

    @EJB
    PersonDirectory directory;

    @Inject
    BusinessClock clock;

    /** The taxpayer and its grants with their history, person data masked; the look-up is recorded. */
    public TaxpayerGrants lookUp(String creditCode, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, target(creditCode), client, () -> {
            ClerkCaller.requireJurisdiction(clerk, em, creditCode);
            TaxpayerGrants view = registrar.grantsOf(creditCode);
            audit.record(null, "CLERK_TAXPAYER_VIEWED", "taxpayer:" + view.creditCode(), clerk.describe(), client);
            return view;
        });
    }

    /**
     * 新办纳税人信息确认 at the counter. The competent tax authority defaults to the clerk's own office; the
     * registration counts from now. A known credit code is refused ({@code TAXPAYER_ALREADY_REGISTERED}).
     */
    @RolesAllowed(ClerkRole.REGISTRATION)
    public TaxpayerGrants register(TaxpayerRegistration form, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, target(form == null ? null : form.creditCode()), client, () -> {
            if (form == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            String code = CreditCode.of(form.creditCode()).value();
            ClerkCaller.requireProvince(clerk, form.provinceCode());
            requireOwnName(form.legalRepresentative());
            requireOwnName(form.financeOfficer());
            boolean ownOffice = blank(form.taxAuthorityCode());
            TaxpayerRegistration m = new TaxpayerRegistration(messageId(), code, form.name(), form.kind(),
                    ownOffice ? clerk.taxOfficeCode() : form.taxAuthorityCode().strip(),
                    ownOffice || blank(form.taxAuthorityName()) ? clerk.taxOfficeName() : form.taxAuthorityName(),
                    form.provinceCode(), form.provinceName(), form.registrationType(), form.industry(),
                    form.vatQualification(), form.businessAddress(),
                    form.registeredOn() == null ? clock.today() : form.registeredOn(), clock.now(),
                    form.legalRepresentative(), form.financeOfficer(), form.investors());
            registrar.register(m, client);
            TaxpayerGrants view = registrar.grantsOf(code);
            audit.record(null, "CLERK_TAXPAYER_REGISTERED", "taxpayer:" + code, clerk.describe() + ": "
                    + view.kind() + ", province " + view.provinceCode() + ", authority " + m.taxAuthorityCode()
                    + ", legal representative " + view.legalRepresentative()
                    + (view.financeOfficer() == null ? "" : ", finance officer " + view.financeOfficer()), client);
            return view;
        });
    }

    /** 主要人员变更: the old key person's grant ends, the new one is bound (legal representative) or offered. */
    @RolesAllowed(ClerkRole.REGISTRATION)
    public TaxpayerGrants changeKeyPerson(String creditCode, KeyRole role, SyncPerson person, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, target(creditCode), client, () -> {
            ClerkCaller.requireJurisdiction(clerk, em, creditCode);
            requireOwnName(person);
            String code = CreditCode.of(creditCode).value();
            SyncAnswer answer = registrar.changeKeyPersonnel(new KeyPersonnelChange(messageId(), code, role, person,
                    clock.now()), client);
            if (answer.outcome() != SyncMessage.Outcome.APPLIED) {
                throw new ConflictException("KEY_PERSON_UNCHANGED");
            }
            audit.record(null, "CLERK_KEY_PERSON_CHANGED", "taxpayer:" + code, clerk.describe() + ": " + role
                    + " -> " + Masking.name(person.name().strip()), client);
            return registrar.grantsOf(code);
        });
    }

    /**
     * §8 跨区域涉税事项报验 registered at the counter (LOGIN-4): a matter the taxpayer reports here, or a tax-source
     * registration, for the handler named on the report form; a later registration of the same number replaces it,
     * {@code closed} is 核销. The place is the clerk's own office (the taxpayer usually comes from another region, so
     * no province check), the rules those of the core system's sync.
     */
    @RolesAllowed(ClerkRole.REGISTRATION)
    public SyncAnswer registerCrossRegion(String creditCode, CrossRegionSubjectMessage form, ClientContext client) {
        Clerk clerk = ClerkCaller.of(context, em);
        return ClerkRefusals.audited(audit, clerk, target(creditCode), client, () -> {
            if (form == null) {
                throw new InvalidInputException("REQUEST_BODY_REQUIRED");
            }
            String code = CreditCode.of(creditCode).value();
            SyncAnswer answer = registrar.recordCrossRegionSubject(new CrossRegionSubjectMessage(messageId(),
                    form.kind(), form.number(), code, form.province(), form.city(), form.district(),
                    clerk.taxOfficeName(), form.handlerName(), form.handlerPhone(),
                    form.validFrom() == null ? clock.today() : form.validFrom(), form.validUntil(), form.closed()),
                    client);
            audit.record(null, "CLERK_CROSS_REGION_REGISTERED", "taxpayer:" + code, clerk.describe() + ": "
                    + form.kind() + " " + form.number() + (Boolean.TRUE.equals(form.closed()) ? " closed" : "")
                    + ": " + answer.outcome(), client);
            return answer;
        });
    }

    /**
     * At the counter a key person named for a registered account must carry that account's name, as an offline staff
     * member must ({@code STAFF_NAME_MISMATCH}): else a clerk's typing error binds someone under another name.
     */
    private void requireOwnName(SyncPerson person) {
        if (person == null || person.idType() == null || person.idNumber() == null || person.name() == null) {
            return; // the registrar answers what is missing
        }
        directory.byDocument(IdDocument.of(person.idType(), person.idNumber())).ifPresent(registered -> {
            if (!registered.name().equals(person.name().strip())) {
                throw new InvalidInputException("STAFF_NAME_MISMATCH");
            }
        });
    }

    /** Counter business is not a core-system message; its own id keeps the registrar's idempotence out of the way. */
    private static String messageId() {
        return "office-" + UUID.randomUUID();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String target(String creditCode) {
        String c = creditCode == null ? "" : creditCode.strip();
        return "taxpayer:" + (c.length() > 40 ? c.substring(0, 40) : c);
    }
}
