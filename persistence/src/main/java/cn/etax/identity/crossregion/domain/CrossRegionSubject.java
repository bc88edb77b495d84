package cn.etax.identity.crossregion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Collection;

/**
 * One cross-region subject of a taxpayer (LOGIN-4): a cross-region tax matter reported here (跨区域涉税事项报验,
 * by its management number) or a cross-region tax-source registration (by its registration number), where it is
 * (province, city, district, competent tax authority), for how long, and the handler (经办人) its report form names
 * by name and phone. Valid from its first day to its last unless closed (核销) before.
 */
@Entity
@Table(name = "cross_region_subject")
@NamedQuery(name = CrossRegionSubject.OF_TAXPAYER, query = "select s from CrossRegionSubject s "
        + "where s.taxpayerId = :taxpayer and s.kind = :kind order by s.number")
@NamedQuery(name = CrossRegionSubject.BY_NUMBER, query = "select s from CrossRegionSubject s "
        + "where s.kind = :kind and s.number = :number")
public class CrossRegionSubject {

    public static final String OF_TAXPAYER = "CrossRegionSubject.ofTaxpayer";
    public static final String BY_NUMBER = "CrossRegionSubject.byNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cross_region_subject_seq")
    @SequenceGenerator(name = "cross_region_subject_seq", sequenceName = "cross_region_subject_seq",
            allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private CrossRegionKind kind;

    @Column(name = "subject_number", length = 40, nullable = false)
    private String number;

    @Column(name = "taxpayer_id", nullable = false)
    private long taxpayerId;

    @Column(name = "province", length = 40, nullable = false)
    private String province;

    @Column(name = "city", length = 40, nullable = false)
    private String city;

    @Column(name = "district", length = 40, nullable = false)
    private String district;

    @Column(name = "tax_authority", length = 100, nullable = false)
    private String taxAuthority;

    @Column(name = "handler_name", length = 100, nullable = false)
    private String handlerName;

    @Column(name = "handler_phone_digest", length = 64, nullable = false)
    private String handlerPhoneDigest;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    protected CrossRegionSubject() {
    }

    public CrossRegionSubject(CrossRegionKind kind, String number, long taxpayerId) {
        this.kind = kind;
        this.number = number;
        this.taxpayerId = taxpayerId;
    }

    /** What the core tax system says of it now (a later message about the same number replaces this). */
    public void describe(Place place, String handlerName, String handlerPhoneDigest, LocalDate validFrom,
                         LocalDate validUntil, boolean closed) {
        this.province = place.province();
        this.city = place.city();
        this.district = place.district();
        this.taxAuthority = place.taxAuthority();
        this.handlerName = handlerName;
        this.handlerPhoneDigest = handlerPhoneDigest;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.closed = closed;
    }

    /** 有效的跨区域涉税事项: begun, not past its last day, not closed. */
    public boolean isValid(LocalDate today) {
        return !closed && !today.isBefore(validFrom) && (validUntil == null || !today.isAfter(validUntil));
    }

    /** The report form names this person as its handler: the same name. */
    public boolean namesHandler(String name) {
        return handlerName.equals(name == null ? null : name.strip());
    }

    /** ... and one of his phones (digests) is the handler's phone on the form. */
    public boolean handlerPhoneAmong(Collection<String> phoneDigests) {
        return phoneDigests.contains(handlerPhoneDigest);
    }

    public Long id() { return id; }
    public CrossRegionKind kind() { return kind; }
    public String number() { return number; }
    public long taxpayerId() { return taxpayerId; }
    public Place place() { return new Place(province, city, district, taxAuthority); }
    public String handlerName() { return handlerName; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public boolean closed() { return closed; }

    /** 行政区划（省、市、区）and 主管税务机关. */
    public record Place(String province, String city, String district, String taxAuthority)
            implements java.io.Serializable {

        /** "江西省南昌市红谷滩区" */
        public String region() {
            return province + city + district;
        }
    }
}
