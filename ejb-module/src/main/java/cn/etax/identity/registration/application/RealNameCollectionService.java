package cn.etax.identity.registration.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.registration.domain.OfflineCollection;
import cn.etax.identity.registration.infrastructure.IdentityRegistry;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.UniqueViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;


/**
 * Real-name collections (实名采集, §8, API-3): what lets the four offline-only document types register online
 * (REG-3) and spares the face check of a registrant using the collected phone (REG-2). Recorded by a clerk at the
 * counter or by the core tax system's sync; one record per document, a later collection replacing an earlier one,
 * so the same message twice changes nothing. Only digests of the document and phone are kept.
 */
@Stateless
public class RealNameCollectionService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @Inject
    PersonalDataProtector protector;

    @Inject
    IdentityRegistry registry;

    @Inject
    BusinessClock clock;

    /** Records the collection; {@code actor} names who recorded it in the audit trail (a clerk, the sync). */
    public RealNameCollected record(RealNameCollection c, String actor, ClientContext client) {
        if (c == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        String name = RequiredText.of(c.name(), 100, "NAME_REQUIRED");
        IdDocument document = IdDocument.of(c.idType(), c.idNumber());
        String nationality = c.idType().nationality(c.nationality());
        String phoneDigest = c.phone() == null || c.phone().isBlank() ? null
                : protector.digest("phone", MobileNumber.parse(c.phone()).value());
        String office = RequiredText.of(c.taxOffice(), 100, "TAX_OFFICE_REQUIRED");
        if (c.collectedAt() == null) {
            throw new InvalidInputException("COLLECTED_AT_REQUIRED");
        }
        clock.notLater(c.collectedAt());
        if (document.type().registersOnline()) {
            // a document the public-security registry knows must carry its holder's name there: a typing error at
            // the counter would otherwise keep the holder out and let the wrong name register (RULE-RN); a number
            // the registry does not hold at all is a typing error of the number, and told as such
            switch (registry.check(name, document)) {
                case MATCH -> { }
                case NOT_FOUND -> throw new InvalidInputException("COLLECTION_DOCUMENT_UNKNOWN");
                default -> throw new InvalidInputException("COLLECTION_NAME_MISMATCH");
            }
        }
        String digest = directory.documentDigest(document);
        OfflineCollection existing = em.createNamedQuery(OfflineCollection.BY_DOCUMENT, OfflineCollection.class)
                .setParameter("digest", digest).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst().orElse(null);
        OfflineCollection.Outcome outcome;
        if (existing == null) {
            em.persist(new OfflineCollection(name, document.type(), digest, phoneDigest, nationality, office,
                    c.collectedAt()));
            try {
                em.flush();
            } catch (PersistenceException e) {
                if (!UniqueViolation.in(e)) {
                    throw e;
                }
                // the same document collected twice at the same moment: the other insert won
                throw new ConflictException("REAL_NAME_COLLECTION_CONFLICT");
            }
            outcome = OfflineCollection.Outcome.APPLIED;
        } else {
            outcome = existing.recollect(name, phoneDigest, nationality, office, c.collectedAt());
        }
        audit.record(null, "REAL_NAME_COLLECTED", "document:" + document.masked(), actor + ": "
                + document.type() + " " + Masking.name(name) + ", " + office + (phoneDigest == null ? "" : ", phone")
                + ": " + outcome, client);
        return new RealNameCollected(outcome.name(), Masking.name(name), document.masked(), document.type().name(),
                directory.documentHeld(document));
    }
}
