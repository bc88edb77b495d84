package cn.etax.identity.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One recorded action: who (person or clerk), what, on which target, from where. Written in the same transaction
 * as the change it records; details never carry a secret or a full ID number.
 */
@Entity
@Table(name = "audit_record")
@NamedQuery(name = AuditRecord.OF_ACTOR, query = "select a from AuditRecord a where a.actorId = :actor "
        + "order by a.occurredAt desc, a.id desc")
public class AuditRecord {

    public static final String OF_ACTOR = "AuditRecord.ofActor";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 1000)
    private Long id;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "action", length = 60, nullable = false)
    private String action;

    @Column(name = "target", length = 100)
    private String target;

    @Column(name = "detail", length = 500)
    private String detail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditRecord() {
    }

    public AuditRecord(Long actorId, String action, String target, String detail, String clientAddress,
                       Instant occurredAt) {
        this.actorId = actorId;
        this.action = action;
        this.target = target;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.clientAddress = clientAddress;
        this.occurredAt = occurredAt;
    }

    public Long id() { return id; }
    public Long actorId() { return actorId; }
    public String action() { return action; }
    public String target() { return target; }
    public String detail() { return detail; }
    public String clientAddress() { return clientAddress; }
    public Instant occurredAt() { return occurredAt; }
}
