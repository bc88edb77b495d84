package cn.etax.identity.grant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One transition of a grant: from → to, which side, who, when. Written by the grant itself, never changed. */
@Entity
@Table(name = "taxpayer_grant_history")
public class GrantHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "taxpayer_grant_history_seq")
    @SequenceGenerator(name = "taxpayer_grant_history_seq", sequenceName = "taxpayer_grant_history_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grant_id", nullable = false)
    private Grant grant;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20)
    private GrantState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 20, nullable = false)
    private GrantState toState;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", length = 20, nullable = false)
    private GrantParty side;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "note", length = 500)
    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected GrantHistory() {
    }

    GrantHistory(Grant grant, GrantState fromState, GrantState toState, GrantActor by, String note, Instant at) {
        this.grant = grant;
        this.fromState = fromState;
        this.toState = toState;
        this.side = by.side();
        this.actorId = by.actorId();
        this.note = note == null || note.length() <= 500 ? note : note.substring(0, 500);
        this.occurredAt = at;
    }

    public Long id() { return id; }
    public GrantState fromState() { return fromState; }
    public GrantState toState() { return toState; }
    public GrantParty side() { return side; }
    public Long actorId() { return actorId; }
    public String note() { return note; }
    public Instant occurredAt() { return occurredAt; }
}
