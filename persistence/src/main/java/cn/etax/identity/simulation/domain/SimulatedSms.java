package cn.etax.identity.simulation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A text message "sent" by the SMS gateway simulator: the outbox a tester reads codes from. */
@Entity
@Table(name = "sim_sms_outbox")
@NamedQuery(name = SimulatedSms.BY_PHONE, query = "select s from SimulatedSms s where s.phone = :phone "
        + "order by s.id desc")
@NamedQuery(name = SimulatedSms.RECENT, query = "select s from SimulatedSms s order by s.id desc")
public class SimulatedSms {

    public static final String BY_PHONE = "SimulatedSms.byPhone";
    public static final String RECENT = "SimulatedSms.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sim_sms_outbox_seq")
    @SequenceGenerator(name = "sim_sms_outbox_seq", sequenceName = "sim_sms_outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "phone", length = 20, nullable = false)
    private String phone;

    @Column(name = "text", length = 500, nullable = false)
    private String text;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected SimulatedSms() {
    }

    public SimulatedSms(String phone, String text, Instant sentAt) {
        this.phone = phone;
        this.text = text;
        this.sentAt = sentAt;
    }

    public Long id() { return id; }
    public String phone() { return phone; }
    public String text() { return text; }
    public Instant sentAt() { return sentAt; }
}
