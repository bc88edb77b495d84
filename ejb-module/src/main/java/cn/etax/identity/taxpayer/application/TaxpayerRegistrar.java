package cn.etax.identity.taxpayer.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.crossregion.domain.CrossRegionSubject;
import cn.etax.identity.grant.application.GrantService;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.taxpayer.domain.BasicTaxData;
import cn.etax.identity.taxpayer.domain.InvestorShare;
import cn.etax.identity.taxpayer.domain.KeyPerson;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.taxpayer.domain.Region;
import cn.etax.identity.taxpayer.domain.SyncMessage;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import cn.etax.identity.taxpayer.domain.TaxpayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies one sync message in one transaction: input checked, message id claimed, taxpayer and grants changed,
 * everything audited. Called only by {@link TaxpayerSyncService}, which answers repeated copies.
 */
@Stateless
public class TaxpayerRegistrar {

    private static final Logger LOG = Logger.getLogger(TaxpayerRegistrar.class.getName());

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    GrantService grants;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    /** REG-8: the taxpayer, its legal representative bound, its finance officer offered his role. */
    public SyncAnswer register(TaxpayerRegistration m, ClientContext client) {
        String messageId = messageId(m.messageId());
        CreditCode code = CreditCode.of(m.creditCode());
        IdDocument legal = document(m.legalRepresentative(), "LEGAL_REPRESENTATIVE_REQUIRED");
        IdDocument finance = m.financeOfficer() == null ? null : document(m.financeOfficer(), "KEY_PERSON_INVALID");
        Instant since = clock.notLater(m.occurredAt() != null ? m.occurredAt()
                : m.registeredOn() == null ? null : m.registeredOn().atStartOfDay(clock.zone()).toInstant());
        if (m.registeredOn() != null && m.registeredOn().isAfter(clock.today())) {
            throw new InvalidInputException("SYNC_TIME_IN_FUTURE");
        }
        List<InvestorShare> investors = m.investors() == null ? List.of()
                : m.investors().stream().map(TaxpayerRegistrar::investor).toList();
        Taxpayer taxpayer = Taxpayer.registered(code, m.name(), m.kind(), m.taxAuthorityCode(), m.taxAuthorityName(),
                new Region(m.provinceCode(), m.provinceName()),
                new BasicTaxData(m.registrationType(), m.industry(), m.vatQualification(), m.businessAddress(),
                        m.registeredOn()),
                keyPerson(m.legalRepresentative(), legal, since),
                finance == null ? null : keyPerson(m.financeOfficer(), finance, since), investors, clock.now());

        Optional<SyncMessage> earlier = earlier(messageId, SyncMessage.Kind.TAXPAYER_REGISTRATION, code, m);
        if (earlier.isPresent()) {
            return SyncAnswer.of(earlier.get());
        }
        SyncMessage message = claim(messageId, SyncMessage.Kind.TAXPAYER_REGISTRATION, code, m);
        if (taxpayerId(code).isPresent()) {
            throw new ConflictException("TAXPAYER_ALREADY_REGISTERED");
        }
        try {
            em.persist(taxpayer);
            em.flush();
        } catch (PersistenceException e) {
            // another message registered the same code a moment ago
            throw new ConflictException("TAXPAYER_ALREADY_REGISTERED");
        }
        grants.bindLegalRepresentative(taxpayer.id(), code.value(), m.legalRepresentative().name(), legal, client);
        if (finance != null) {
            grants.offerFinanceOfficer(taxpayer.id(), code.value(), m.financeOfficer().name(), finance, client);
        }
        audit.record(null, "TAXPAYER_REGISTERED", "taxpayer:" + code, "message " + messageId + ", "
                + taxpayer.kind() + ", province " + taxpayer.region().provinceCode(), client);
        LOG.info(() -> "taxpayer " + code + " registered by sync message " + messageId);
        return SyncAnswer.of(message);
    }

    /**
     * A key person replaced: the old grant ends (deleted or, if still pending, withdrawn) and the new person is bound
     * (legal representative) or offered the role (finance officer). Stale and repeated changes change nothing.
     */
    public SyncAnswer changeKeyPersonnel(KeyPersonnelChange m, ClientContext client) {
        String messageId = messageId(m.messageId());
        CreditCode code = CreditCode.of(m.creditCode());
        if (m.role() == null) {
            throw new InvalidInputException("KEY_ROLE_REQUIRED");
        }
        if (m.effectiveAt() == null) {
            throw new InvalidInputException("SYNC_EFFECTIVE_TIME_REQUIRED");
        }
        clock.notLater(m.effectiveAt());
        IdDocument document = document(m.person(), "KEY_PERSON_INVALID");
        KeyPerson person = keyPerson(m.person(), document, m.effectiveAt());

        Optional<SyncMessage> earlier = earlier(messageId, SyncMessage.Kind.KEY_PERSONNEL_CHANGE, code, m);
        if (earlier.isPresent()) {
            return SyncAnswer.of(earlier.get());
        }
        SyncMessage message = claim(messageId, SyncMessage.Kind.KEY_PERSONNEL_CHANGE, code, m);
        long id = taxpayerId(code).orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        Taxpayer taxpayer = em.find(Taxpayer.class, id, LockModeType.PESSIMISTIC_WRITE);
        Taxpayer.PersonnelChange change = taxpayer.changeKeyPerson(m.role(), person, clock.now());
        message.settle(SyncMessage.Outcome.valueOf(change.name()));
        if (change == Taxpayer.PersonnelChange.APPLIED) {
            IdentityType type = m.role() == KeyRole.LEGAL_REPRESENTATIVE ? IdentityType.LEGAL_REPRESENTATIVE
                    : IdentityType.FINANCE_OFFICER;
            grants.endKeyPersonGrants(id, code.value(), type, client);
            if (type == IdentityType.LEGAL_REPRESENTATIVE) {
                grants.bindLegalRepresentative(id, code.value(), m.person().name(), document, client);
            } else {
                grants.offerFinanceOfficer(id, code.value(), m.person().name(), document, client);
            }
        }
        audit.record(null, "KEY_PERSONNEL_CHANGED", "taxpayer:" + code, "message " + messageId + ", " + m.role()
                + " -> " + Masking.name(m.person().name()) + " " + document.masked() + ": " + change, client);
        return SyncAnswer.of(message);
    }

    /**
     * ENT-8 "同步代理机构信息": the agreement becomes a mandate waiting for the client's recognition, filed by no one. An
     * agreement for a pair that already has a pending or recognised mandate changes nothing (UNCHANGED); the agency
     * must be a tax-agent institution and the client none.
     */
    public SyncAnswer recordAgencyAgreement(AgencyAgreement m, ClientContext client) {
        String messageId = messageId(m.messageId());
        CreditCode agencyCode = CreditCode.of(m.agencyCreditCode());
        CreditCode clientCode = CreditCode.of(m.clientCreditCode());
        Optional<SyncMessage> earlier = earlier(messageId, SyncMessage.Kind.AGENCY_AGREEMENT, clientCode, m);
        if (earlier.isPresent()) {
            return SyncAnswer.of(earlier.get());
        }
        SyncMessage message = claim(messageId, SyncMessage.Kind.AGENCY_AGREEMENT, clientCode, m);
        long agencyId = taxpayerId(agencyCode).orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        long clientId = taxpayerId(clientCode).orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        Taxpayer agency = em.find(Taxpayer.class, agencyId, LockModeType.PESSIMISTIC_WRITE);
        if (agency.kind() != TaxpayerKind.TAX_AGENT_INSTITUTION) {
            throw new InvalidInputException("NOT_TAX_AGENT_INSTITUTION");
        }
        if (em.find(Taxpayer.class, clientId).kind() == TaxpayerKind.TAX_AGENT_INSTITUTION) {
            throw new InvalidInputException("MANDATE_CLIENT_IS_AGENCY");
        }
        LocalDate today = clock.today();
        AgencyMandate mandate = AgencyMandate.file(agencyId, clientId, m.scope(), m.validFrom(), m.validUntil(), null,
                clock.now(), today);
        boolean live = em.createNamedQuery(AgencyMandate.BETWEEN, AgencyMandate.class)
                .setParameter("agency", agencyId).setParameter("client", clientId)
                .setParameter("states", AgencyMandate.LIVE).getResultStream().anyMatch(x -> x.isLive(today));
        if (live) {
            message.settle(SyncMessage.Outcome.UNCHANGED);
        } else {
            em.persist(mandate);
            message.settle(SyncMessage.Outcome.APPLIED);
        }
        em.flush();
        audit.record(null, "MANDATE_SYNCED", "taxpayer:" + clientCode, "message " + messageId + ", agency "
                + agencyCode + ", " + m.validFrom() + ".." + m.validUntil() + ": " + message.outcome(), client);
        return SyncAnswer.of(message);
    }

    /**
     * LOGIN-4: a cross-region subject of a registered taxpayer, created or (the same kind and number) replaced — but
     * a closed one (核销) stays closed; the handler's phone is kept as a digest only.
     */
    public SyncAnswer recordCrossRegionSubject(CrossRegionSubjectMessage m, ClientContext client) {
        String messageId = messageId(m.messageId());
        CreditCode code = CreditCode.of(m.creditCode());
        Optional<SyncMessage> earlier = earlier(messageId, SyncMessage.Kind.CROSS_REGION_SUBJECT, code, m);
        if (earlier.isPresent()) {
            return SyncAnswer.of(earlier.get());
        }
        if (m.kind() == null) {
            throw new InvalidInputException("CROSS_REGION_KIND_REQUIRED");
        }
        String number = text(m.number(), 40, "CROSS_REGION_NUMBER_REQUIRED");
        CrossRegionSubject.Place place = new CrossRegionSubject.Place(text(m.province(), 40, "REGION_REQUIRED"),
                text(m.city(), 40, "REGION_REQUIRED"), text(m.district(), 40, "REGION_REQUIRED"),
                text(m.taxAuthority(), 100, "TAX_AUTHORITY_REQUIRED"));
        String handler = text(m.handlerName(), 100, "HANDLER_NAME_REQUIRED");
        MobileNumber phone = MobileNumber.parse(m.handlerPhone());
        if (m.validFrom() == null || (m.validUntil() != null && m.validUntil().isBefore(m.validFrom()))) {
            throw new InvalidInputException("VALIDITY_INVALID");
        }
        SyncMessage message = claim(messageId, SyncMessage.Kind.CROSS_REGION_SUBJECT, code, m);
        long taxpayerId = taxpayerId(code).orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        CrossRegionSubject subject = em.createNamedQuery(CrossRegionSubject.BY_NUMBER, CrossRegionSubject.class)
                .setParameter("kind", m.kind()).setParameter("number", number)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (subject != null && subject.taxpayerId() != taxpayerId) {
            throw new ConflictException("CROSS_REGION_NUMBER_OF_OTHER_TAXPAYER");
        }
        if (subject != null && subject.closed()) {
            // 核销 is final: a message sent before the closing and arriving after it reopens nothing
            message.settle(SyncMessage.Outcome.UNCHANGED);
        } else {
            if (subject == null) {
                subject = new CrossRegionSubject(m.kind(), number, taxpayerId);
                em.persist(subject);
            }
            subject.describe(place, handler, protector.digest("phone", phone.value()), m.validFrom(),
                    m.validUntil(), m.closed());
            message.settle(SyncMessage.Outcome.APPLIED);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            // two first messages about one new number at once: the other one's insert won
            throw new ConflictException("CROSS_REGION_NUMBER_CONFLICT");
        }
        audit.record(null, "CROSS_REGION_SYNCED", "taxpayer:" + code, "message " + messageId + ", " + m.kind() + " "
                + number + ", " + m.validFrom() + ".." + m.validUntil() + (m.closed() ? ", closed" : ""), client);
        return SyncAnswer.of(message);
    }

    private static String text(String raw, int max, String missingCode) {
        return RequiredText.of(raw, max, missingCode);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SyncAnswer> answerOf(String messageId) {
        return Optional.ofNullable(em.find(SyncMessage.class, messageId)).map(SyncAnswer::of);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TaxpayerGrants grantsOf(String rawCode) {
        CreditCode code = CreditCode.of(rawCode);
        Taxpayer t = em.createNamedQuery(Taxpayer.BY_CREDIT_CODE, Taxpayer.class).setParameter("code", code.value())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("TAXPAYER_NOT_FOUND"));
        return new TaxpayerGrants(code.value(), t.name(), t.kind(), t.region().provinceCode(), t.taxAuthorityName(),
                t.keyPerson(KeyRole.LEGAL_REPRESENTATIVE).map(p -> Masking.name(p.name())).orElse(null),
                t.keyPerson(KeyRole.FINANCE_OFFICER).map(p -> Masking.name(p.name())).orElse(null),
                grants.grantsOf(t.id()));
    }

    private Optional<SyncMessage> earlier(String messageId, SyncMessage.Kind kind, CreditCode code, Record content) {
        SyncMessage m = em.find(SyncMessage.class, messageId);
        if (m != null && !m.sameMessageAs(kind, code.value(), digest(content))) {
            throw new ConflictException("SYNC_MESSAGE_ID_REUSED");
        }
        return Optional.ofNullable(m);
    }

    /** Inserted and flushed first: a concurrent copy of the message waits on the primary key, then fails. */
    private SyncMessage claim(String messageId, SyncMessage.Kind kind, CreditCode code, Record content) {
        SyncMessage message = new SyncMessage(messageId, kind, code.value(), digest(content), clock.now());
        try {
            em.persist(message);
            em.flush();
        } catch (PersistenceException e) {
            throw new DuplicateMessageException();
        }
        return message;
    }

    /** The message as received (a record of values, written out the same way each time), as a keyed digest. */
    private String digest(Record content) {
        return protector.digest("sync-message", content.toString());
    }

    private Optional<Long> taxpayerId(CreditCode code) {
        return em.createNamedQuery(Taxpayer.ID_BY_CREDIT_CODE, Long.class).setParameter("code", code.value())
                .getResultStream().findFirst();
    }

    private static String messageId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new InvalidInputException("SYNC_MESSAGE_ID_INVALID");
        }
        return id;
    }

    private static IdDocument document(SyncPerson person, String missingCode) {
        if (person == null || person.name() == null || person.name().isBlank()) {
            throw new InvalidInputException(missingCode);
        }
        if (person.name().strip().length() > 100) {
            throw new InvalidInputException("NAME_REQUIRED");
        }
        return IdDocument.of(person.idType(), person.idNumber());
    }

    private KeyPerson keyPerson(SyncPerson person, IdDocument document, Instant since) {
        return new KeyPerson(person.name().strip(), document.type(), directory.documentDigest(document),
                document.masked(), since);
    }

    /** An investor of the message, its document masked; an empty entry is malformed. */
    private static InvestorShare investor(SyncInvestor i) {
        if (i == null) {
            throw new InvalidInputException("INVESTOR_INVALID");
        }
        return new InvestorShare(i.name(), i.documentType(),
                i.documentNumber() == null ? null : Masking.idNumber(IdDocument.normalise(i.documentNumber())),
                i.sharePercent());
    }
}
