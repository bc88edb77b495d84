package cn.etax.identity.audit.application;

import cn.etax.identity.audit.domain.AuditRecord;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes audit records inside the caller's transaction, so a change and its record commit or roll back together. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    public void record(Long actorId, String action, String target, String detail, ClientContext client) {
        em.persist(new AuditRecord(actorId, action, target, detail, client == null ? null : client.address(),
                clock.now()));
    }

    /** For refusals that roll the business transaction back: the record of the attempt must still stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(Long actorId, String action, String target, String detail, ClientContext client) {
        record(actorId, action, target, detail, client);
    }
}
