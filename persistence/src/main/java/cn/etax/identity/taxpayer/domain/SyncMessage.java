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

    /** A keyed digest of the message's content (null for messages received before it was kept). */
    @Column(name = "payload_digest", length = 64)
    private String payloadDigest;

    protected SyncMessage() {
    }

    /** Claims the id before the change is applied; {@link #settle} then records what applying it did. */
    public SyncMessage(String messageId, Kind kind, String creditCode, String payloadDigest, Instant receivedAt) {
        this.messageId = messageId;
        this.kind = kind;
        this.creditCode = creditCode;
        this.payloadDigest = payloadDigest;
        this.outcome = Outcome.APPLIED;
        this.receivedAt = receivedAt;
    }

    public void settle(Outcome result) {
        this.outcome = result;
    }

    /**
     * The same id must not name a different message — another kind, taxpayer or content: that is an integration
     * error the sender has to see, not a repeat to answer as the first one was.
     */
    public boolean sameMessageAs(Kind otherKind, String otherCreditCode, String otherPayloadDigest) {
        return kind == otherKind && creditCode.equals(otherCreditCode)
                && (payloadDigest == null || payloadDigest.equals(otherPayloadDigest));
    }

    public String messageId() { return messageId; }
    public Kind kind() { return kind; }
    public String creditCode() { return creditCode; }
    public Outcome outcome() { return outcome; }
    public Instant receivedAt() { return receivedAt; }
}
