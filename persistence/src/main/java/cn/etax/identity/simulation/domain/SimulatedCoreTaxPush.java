package cn.etax.identity.simulation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A relationship as the core tax system simulator received it (PER-4 "同步数据"): testers read what was pushed. Only
 * masked personal data is kept.
 */
@Entity
@Table(name = "sim_core_tax_push")
@NamedQuery(name = SimulatedCoreTaxPush.BY_CREDIT_CODE, query = "select p from SimulatedCoreTaxPush p "
        + "where p.creditCode = :code order by p.id desc")
public class SimulatedCoreTaxPush {

    public static final String BY_CREDIT_CODE = "SimulatedCoreTaxPush.byCreditCode";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sim_core_tax_push_seq")
    @SequenceGenerator(name = "sim_core_tax_push_seq", sequenceName = "sim_core_tax_push_seq", allocationSize = 50)
    private Long id;

    @Column(name = "grant_id", nullable = false)
    private long grantId;

    @Column(name = "credit_code", length = 20, nullable = false)
    private String creditCode;

    @Column(name = "holder_masked", length = 100, nullable = false)
    private String holderMasked;

    @Column(name = "id_type", length = 40, nullable = false)
    private String idType;

    @Column(name = "id_masked", length = 40, nullable = false)
    private String idMasked;

    @Column(name = "identity_type", length = 40, nullable = false)
    private String identityType;

    @Column(name = "grant_state", length = 20, nullable = false)
    private String grantState;

    @Column(name = "permissions", length = 500, nullable = false)
    private String permissions;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "pushed_at", nullable = false)
    private Instant pushedAt;

    protected SimulatedCoreTaxPush() {
    }

    public SimulatedCoreTaxPush(long grantId, String creditCode, String holderMasked, String idType, String idMasked,
                                String identityType, String grantState, String permissions, LocalDate validUntil,
                                Instant pushedAt) {
        this.grantId = grantId;
        this.creditCode = creditCode;
        this.holderMasked = holderMasked;
        this.idType = idType;
        this.idMasked = idMasked;
        this.identityType = identityType;
        this.grantState = grantState;
        this.permissions = permissions;
        this.validUntil = validUntil;
        this.pushedAt = pushedAt;
    }

    public Long id() { return id; }
    public long grantId() { return grantId; }
    public String creditCode() { return creditCode; }
    public String holderMasked() { return holderMasked; }
    public String idType() { return idType; }
    public String idMasked() { return idMasked; }
    public String identityType() { return identityType; }
    public String grantState() { return grantState; }
    public String permissions() { return permissions; }
    public LocalDate validUntil() { return validUntil; }
    public Instant pushedAt() { return pushedAt; }
}
