package cn.etax.identity.socialsecurity.application;

import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.socialsecurity.domain.FeePayerAccount;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

/**
 * LOGIN-10: the social-security fee payers as the fee collection system registers them — new, changed or closed —
 * and how the entry finds one by the number a payer types.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class FeePayerRegistry {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FeePayerGuardService guard;

    @EJB
    AuditService audit;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    @Inject
    Event<SessionsEnded> closed;

    /** A payer's registration, new or changed. Answers whether anything changed. */
    public FeePayerSynced record(FeePayerMessage m, ClientContext client) {
        if (m == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        PayerKey key = key(m.kind(), m.idType(), m.payerNumber());
        String name = RequiredText.of(m.name(), 100, "SOCIAL_SECURITY_PAYER_NAME_REQUIRED");
        MobileNumber phone = MobileNumber.parse(m.phone());
        FeePayerAccount account = find(m.kind(), key.value(), true).orElse(null);
        boolean created = account == null;
        boolean wasActive = !created && account.active();
        if (created) {
            account = new FeePayerAccount(m.kind(), key.value(), key.masked());
        }
        boolean changed = account.describe(name, new FeePayerAccount.Phone(protector.encrypt(phone.value()),
                phone.masked(), protector.digest("phone", phone.value())), m.purePayer(), m.active(), clock.now());
        if (created) {
            em.persist(account);
            try {
                em.flush();
            } catch (PersistenceException e) {
                // two first messages about one payer at once: the other one's insert won
                throw new ConflictException("SOCIAL_SECURITY_PAYER_CONFLICT");
            }
            guard.create(account.id());
        }
        if (wasActive && !account.active()) {
            closed.fire(SessionsEnded.ofFeePayer(account.id(), clock.now())); // its sessions end at their next request
        }
        if (changed) {
            audit.record(null, "SOCIAL_SECURITY_PAYER_SYNCED", FeePayerLoginSteps.target(account.id()),
                    account.describeForLog() + (created ? " registered" : " changed") + ", pure " + account.purePayer()
                            + ", active " + account.active(), client);
        }
        return new FeePayerSynced(m.kind(), key.masked(), changed ? "APPLIED" : "UNCHANGED");
    }

    /** What the sync answers: the payer (masked) and whether the message changed anything. */
    public record FeePayerSynced(FeePayerKind kind, String payer, String outcome) {
    }

    /** The payer a number names, if the fee collection system registered it. */
    public Optional<FeePayerAccount> find(FeePayerKind kind, IdType idType, String number, boolean lock) {
        return find(kind, key(kind, idType, number).value(), lock);
    }

    Optional<FeePayerAccount> find(FeePayerKind kind, String key, boolean lock) {
        var query = em.createNamedQuery(FeePayerAccount.BY_PAYER, FeePayerAccount.class).setParameter("kind", kind)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** A unit by its credit code as it is; a person by a keyed digest of the document (the person entry's key). */
    PayerKey key(FeePayerKind kind, IdType idType, String number) {
        if (kind == null) {
            throw new InvalidInputException("SOCIAL_SECURITY_PAYER_KIND_REQUIRED");
        }
        if (kind == FeePayerKind.UNIT) {
            CreditCode code = CreditCode.of(number);
            return new PayerKey(code.value(), code.value());
        }
        IdDocument document = IdDocument.of(idType, number);
        return new PayerKey(protector.digest("id", document.digestInput()), Masking.idNumber(document.number()));
    }

    record PayerKey(String value, String masked) {
    }
}
