package cn.etax.identity.taxpayer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** 投资方: a person or an organisation holding a share; its document kept masked only (ENT-1 shows it masked). */
@Entity
@Table(name = "taxpayer_investor")
public class Investor {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "taxpayer_investor_seq")
    @SequenceGenerator(name = "taxpayer_investor_seq", sequenceName = "taxpayer_investor_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "taxpayer_id", nullable = false)
    private Taxpayer taxpayer;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "document_type", length = 40)
    private String documentType;

    @Column(name = "document_masked", length = 40)
    private String documentMasked;

    /** 投资比例 in percent. */
    @Column(name = "share_percent", precision = 7, scale = 4)
    private BigDecimal sharePercent;

    protected Investor() {
    }

    Investor(Taxpayer taxpayer, String name, String documentType, String documentMasked, BigDecimal sharePercent) {
        this.taxpayer = taxpayer;
        this.name = name;
        this.documentType = documentType;
        this.documentMasked = documentMasked;
        this.sharePercent = sharePercent;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String documentType() { return documentType; }
    public String documentMasked() { return documentMasked; }
    public BigDecimal sharePercent() { return sharePercent; }
}
