package cn.etax.identity.taxpayer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A message from the core tax system that has been applied (API-3). Its id is the primary key and the row is
 * inserted in the same transaction as the change, so a repeated message finds it and changes nothing, and two
 * copies racing each other meet on the key: one commits, the other rolls back and answers what the first did.
 */
@Entity
@Table(name = "sync_message")
public class SyncMessage {

    /** What a message asks for. */
    public enum Kind {
        TAXPAYER_REGISTRATION, KEY_PERSONNEL_CHANGE,
        /** ENT-8: an agency agreement filed with the tax office (代理协议备案), for the client to recognise. */
        AGENCY_AGREEMENT,
        /** LOGIN-4: a cross-region tax matter or tax-source registration, new or changed (closed, 核销). */
        CROSS_REGION_SUBJECT
    }

    /** What applying it did; the answer to every copy of the message. */
    public enum Outcome {
        APPLIED, UNCHANGED, STALE
    }

    @Id
    @Column(name = "message_id", length = 64, nullable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30, nullable = false)
    private Kind kind;

    @Column(name = "credit_code", length = 20, nullable = false)
    private String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20, nullable = false)
    private Outcome outcome;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected SyncMessage() {
    }

    /** Claims the id before the change is applied; {@link #settle} then records what applying it did. */
    public SyncMessage(String messageId, Kind kind, String creditCode, Instant receivedAt) {
        this.messageId = messageId;
        this.kind = kind;
        this.creditCode = creditCode;
        this.outcome = Outcome.APPLIED;
        this.receivedAt = receivedAt;
    }

    public void settle(Outcome result) {
        this.outcome = result;
    }

    /** The same id must not name a different message: that is an integration error the sender has to see. */
    public boolean sameMessageAs(Kind otherKind, String otherCreditCode) {
        return kind == otherKind && creditCode.equals(otherCreditCode);
    }

    public String messageId() { return messageId; }
    public Kind kind() { return kind; }
    public String creditCode() { return creditCode; }
    public Outcome outcome() { return outcome; }
    public Instant receivedAt() { return receivedAt; }
}
