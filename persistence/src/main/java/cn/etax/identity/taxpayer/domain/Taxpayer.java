package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A taxpayer (纳税人) as this platform keeps it: a synchronised copy of the core tax system's registration. The
 * credit code is the business key. Key personnel are remembered with the time the core system says they took the
 * role, so that a change arriving late (after a newer one) is recognised as stale and changes nothing.
 */
@Entity
@Table(name = "taxpayer")
@NamedQuery(name = Taxpayer.BY_CREDIT_CODE, query = "select t from Taxpayer t where t.creditCode = :code")
@NamedQuery(name = Taxpayer.ID_BY_CREDIT_CODE, query = "select t.id from Taxpayer t where t.creditCode = :code")
public class Taxpayer {

    public static final String BY_CREDIT_CODE = "Taxpayer.byCreditCode";
    /** The id only, so that the row can then be read with a lock (H2 cannot lock a query with a row limit). */
    public static final String ID_BY_CREDIT_CODE = "Taxpayer.idByCreditCode";

    /** What a key-personnel change did. */
    public enum PersonnelChange {
        /** A new person holds the role. */
        APPLIED,
        /** The same person already holds it: nothing to do. */
        UNCHANGED,
        /** The change is older than what the taxpayer already knows: ignored. */
        STALE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "taxpayer_seq")
    @SequenceGenerator(name = "taxpayer_seq", sequenceName = "taxpayer_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "credit_code", length = 20, nullable = false, unique = true)
    private String creditCode;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30, nullable = false)
    private TaxpayerKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private TaxpayerStatus status;

    /** 主管税务机关. */
    @Column(name = "tax_authority_code", length = 20, nullable = false)
    private String taxAuthorityCode;

    @Column(name = "tax_authority_name", length = 100, nullable = false)
    private String taxAuthorityName;

    @Embedded
    private Region region;

    @Embedded
    private BasicTaxData basicData;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "legal_rep_name", length = 100))
    @AttributeOverride(name = "idType", column = @Column(name = "legal_rep_id_type", length = 40))
    @AttributeOverride(name = "idDigest", column = @Column(name = "legal_rep_digest", length = 64))
    @AttributeOverride(name = "idMasked", column = @Column(name = "legal_rep_id_masked", length = 40))
    @AttributeOverride(name = "since", column = @Column(name = "legal_rep_since"))
    private KeyPerson legalRepresentative;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "finance_name", length = 100))
    @AttributeOverride(name = "idType", column = @Column(name = "finance_id_type", length = 40))
    @AttributeOverride(name = "idDigest", column = @Column(name = "finance_digest", length = 64))
    @AttributeOverride(name = "idMasked", column = @Column(name = "finance_id_masked", length = 40))
    @AttributeOverride(name = "since", column = @Column(name = "finance_since"))
    private KeyPerson financeOfficer;

    @OneToMany(mappedBy = "taxpayer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Investor> investors = new ArrayList<>();

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected Taxpayer() {
    }

    /** A registration from the core tax system (税务登记/信息确认, REG-8). The legal representative is required. */
    public static Taxpayer registered(CreditCode code, String name, TaxpayerKind kind, String taxAuthorityCode,
                                      String taxAuthorityName, Region region, BasicTaxData basicData,
                                      KeyPerson legalRepresentative, KeyPerson financeOfficer,
                                      List<InvestorShare> investors, Instant at) {
        Taxpayer t = new Taxpayer();
        t.creditCode = code.value();
        t.name = required(name, 200, "TAXPAYER_NAME_REQUIRED");
        if (kind == null) {
            throw new InvalidInputException("TAXPAYER_KIND_REQUIRED");
        }
        t.kind = kind;
        t.status = TaxpayerStatus.ACTIVE;
        t.taxAuthorityCode = required(taxAuthorityCode, 20, "TAX_AUTHORITY_REQUIRED");
        t.taxAuthorityName = required(taxAuthorityName, 100, "TAX_AUTHORITY_REQUIRED");
        if (region == null) {
            throw new InvalidInputException("REGION_INVALID");
        }
        t.region = region;
        t.basicData = basicData;
        if (legalRepresentative == null || !legalRepresentative.isPresent()) {
            throw new InvalidInputException("LEGAL_REPRESENTATIVE_REQUIRED");
        }
        t.legalRepresentative = legalRepresentative;
        t.financeOfficer = financeOfficer;
        if (investors != null) {
            InvestorShare.requireWhole(investors);
            investors.forEach(i -> t.investors.add(new Investor(t, i.name(), i.documentType(), i.documentMasked(),
                    i.sharePercent())));
        }
        t.registeredAt = at;
        t.changedAt = at;
        return t;
    }

    private static String required(String value, int max, String code) {
        return RequiredText.of(value, max, code);
    }

    /**
     * A key-personnel change (主要人员变更) effective at {@code person.since()}: ignored when older than or as old as
     * what is known, a no-op when the same person already holds the role.
     */
    public PersonnelChange changeKeyPerson(KeyRole role, KeyPerson person, Instant at) {
        KeyPerson current = keyPerson(role).orElse(null);
        if (current != null && current.since() != null && !person.since().isAfter(current.since())) {
            return PersonnelChange.STALE;
        }
        if (person.samePersonAs(current)) {
            return PersonnelChange.UNCHANGED;
        }
        if (role == KeyRole.LEGAL_REPRESENTATIVE) {
            legalRepresentative = person;
        } else {
            financeOfficer = person;
        }
        changedAt = at;
        return PersonnelChange.APPLIED;
    }

    public Optional<KeyPerson> keyPerson(KeyRole role) {
        KeyPerson p = role == KeyRole.LEGAL_REPRESENTATIVE ? legalRepresentative : financeOfficer;
        return p != null && p.isPresent() ? Optional.of(p) : Optional.empty();
    }

    public Long id() { return id; }
    public CreditCode creditCode() { return CreditCode.of(creditCode); }
    public String name() { return name; }
    public TaxpayerKind kind() { return kind; }
    public TaxpayerStatus status() { return status; }
    public String taxAuthorityCode() { return taxAuthorityCode; }
    public String taxAuthorityName() { return taxAuthorityName; }
    public Region region() { return region; }
    public BasicTaxData basicData() { return basicData; }
    public List<Investor> investors() { return Collections.unmodifiableList(investors); }
    public Instant registeredAt() { return registeredAt; }
    public Instant changedAt() { return changedAt; }
}
