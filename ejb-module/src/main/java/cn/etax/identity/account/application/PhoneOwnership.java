package cn.etax.identity.account.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * RULE-PHONE: a number belongs to whoever last proved possession of it by SMS code. Claiming a number takes it
 * from any other person (their phone is cleared; they keep logging in by ID number or username), in the same
 * transaction as the claim.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PhoneOwnership {

    private static final Logger LOG = Logger.getLogger(PhoneOwnership.class.getName());

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditService audit;

    public ProtectedValue protect(MobileNumber phone) {
        return protector.protect("phone", phone.value(), phone.value(), v -> phone.masked());
    }

    /** Takes the number away from whoever else holds it; returns the protected value for the new holder. */
    public ProtectedValue release(MobileNumber phone, Long newHolderId, ClientContext client) {
        ProtectedValue value = protect(phone);
        em.createNamedQuery(PersonPhone.BY_DIGEST, PersonPhone.class).setParameter("digest", value.digest())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(held -> newHolderId == null || !held.person().id().equals(newHolderId))
                .ifPresent(held -> {
                    Person previous = held.person();
                    previous.losePhone(value.digest());
                    audit.record(previous.id(), "PHONE_TAKEN_OVER", "phone:" + phone.masked(),
                            "number verified by another person", client);
                    LOG.info(() -> "phone " + phone.masked() + " moved away from person " + previous.id());
                });
        em.flush();
        return value;
    }
}
