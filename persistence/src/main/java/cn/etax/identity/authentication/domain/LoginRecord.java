package cn.etax.identity.authentication.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** RULE-LOG: one login attempt, logout or identity switch, as the person later sees it in the login log. */
@Entity
@Table(name = "login_record")
@NamedQuery(name = LoginRecord.OF_PERSON_SINCE, query = "select r from LoginRecord r where r.personId = :person "
        + "and r.occurredAt >= :since order by r.occurredAt desc, r.id desc")
@NamedQuery(name = LoginRecord.OF_TAXPAYER_SINCE, query = "select r from LoginRecord r where r.taxpayerId = :taxpayer "
        + "and r.entry = :entry and r.occurredAt >= :since order by r.occurredAt desc, r.id desc")
public class LoginRecord {

    public static final String OF_PERSON_SINCE = "LoginRecord.ofPersonSince";
    /** ENT-10: the logins through one entry for one taxpayer. */
    public static final String OF_TAXPAYER_SINCE = "LoginRecord.ofTaxpayerSince";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_record_seq")
    @SequenceGenerator(name = "login_record_seq", sequenceName = "login_record_seq", allocationSize = 1000)
    private Long id;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "entry", length = 20, nullable = false)
    private String entry;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", length = 20)
    private AuthMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20, nullable = false)
    private LoginOutcome outcome;

    @Column(name = "reason", length = 60)
    private String reason;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "user_agent", length = 200)
    private String userAgent;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** The taxpayer named at the enterprise entry (ENT-10); null otherwise. */
    @Column(name = "taxpayer_id")
    private Long taxpayerId;

    protected LoginRecord() {
    }

    public LoginRecord(Long personId, String entry, AuthMethod method, LoginOutcome outcome, String reason,
                       String clientAddress, String userAgent, Instant occurredAt) {
        this.personId = personId;
        this.entry = entry;
        this.method = method;
        this.outcome = outcome;
        this.reason = reason;
        this.clientAddress = clientAddress;
        this.userAgent = userAgent == null || userAgent.length() <= 200 ? userAgent : userAgent.substring(0, 200);
        this.occurredAt = occurredAt;
    }

    /** The same attempt made through the enterprise entry for {@code taxpayerId} (LOGIN-2, ENT-10). */
    public LoginRecord forTaxpayer(Long taxpayerId) {
        this.taxpayerId = taxpayerId;
        return this;
    }

    public Long id() { return id; }
    public Long personId() { return personId; }
    public String entry() { return entry; }
    public AuthMethod method() { return method; }
    public LoginOutcome outcome() { return outcome; }
    public String reason() { return reason; }
    public String clientAddress() { return clientAddress; }
    public String userAgent() { return userAgent; }
    public Instant occurredAt() { return occurredAt; }
    public Long taxpayerId() { return taxpayerId; }
}
