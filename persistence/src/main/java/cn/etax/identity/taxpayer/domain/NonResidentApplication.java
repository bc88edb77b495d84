package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
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

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * LOGIN-5 非居民企业身份信息采集: an overseas natural person submits a non-resident enterprise's information; a tax
 * officer approves it — the enterprise is registered as a non-resident taxpayer, the applicant its responsible person,
 * and its non-resident enterprise identity code (非居民企业身份码) is what the non-resident entry asks for — or rejects it
 * with a reason. SUBMITTED → APPROVED | REJECTED.
 */
@Entity
@Table(name = "non_resident_application")
@NamedQuery(name = NonResidentApplication.OF_APPLICANT, query = "select a from NonResidentApplication a "
        + "where a.applicantId = :person order by a.id desc")
@NamedQuery(name = NonResidentApplication.IN_STATE, query = "select a from NonResidentApplication a "
        + "where a.state = :state order by a.id")
public class NonResidentApplication {

    public static final String OF_APPLICANT = "NonResidentApplication.ofApplicant";
    public static final String IN_STATE = "NonResidentApplication.inState";

    private static final Set<String> COUNTRIES =
            Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    public enum State { SUBMITTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "non_resident_application_seq")
    @SequenceGenerator(name = "non_resident_application_seq", sequenceName = "non_resident_application_seq",
            allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "applicant_id", nullable = false)
    private long applicantId;

    @Column(name = "enterprise_name", length = 200, nullable = false)
    private String enterpriseName;

    /** ISO 3166 alpha-3 code of the country where the enterprise is resident. */
    @Column(name = "country", length = 3, nullable = false)
    private String country;

    @Column(name = "registration_number", length = 60, nullable = false)
    private String registrationNumber;

    @Column(name = "address", length = 200, nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private State state;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "rejection_reason", length = 200)
    private String rejectionReason;

    @Column(name = "identity_code", length = 18, unique = true)
    private String identityCode;

    @Column(name = "taxpayer_id")
    private Long taxpayerId;

    protected NonResidentApplication() {
    }

    /** The submitted form, checked: name, country of residence, registration number and address abroad. */
    public NonResidentApplication(long applicantId, String enterpriseName, String country, String registrationNumber,
                                  String address, Instant now) {
        this.applicantId = applicantId;
        this.enterpriseName = required(enterpriseName, 200, "NON_RESIDENT_NAME_REQUIRED");
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(c) || c.equals("CHN")) {
            throw new InvalidInputException("NON_RESIDENT_COUNTRY_INVALID");
        }
        this.country = c;
        this.registrationNumber = required(registrationNumber, 60, "NON_RESIDENT_REGISTRATION_NUMBER_REQUIRED");
        this.address = required(address, 200, "NON_RESIDENT_ADDRESS_REQUIRED");
        this.state = State.SUBMITTED;
        this.submittedAt = now;
    }

    /** Approved by the tax officer {@code clerkId}: the enterprise is the taxpayer of {@code identityCode}. */
    public void approve(String identityCode, long taxpayerId, long clerkId, Instant now) {
        requireSubmitted();
        this.identityCode = identityCode;
        this.taxpayerId = taxpayerId;
        decided(clerkId, now, State.APPROVED);
    }

    /** Rejected with the reason the applicant reads. */
    public void reject(String reason, long clerkId, Instant now) {
        requireSubmitted();
        this.rejectionReason = required(reason, 200, "REJECTION_REASON_REQUIRED");
        decided(clerkId, now, State.REJECTED);
    }

    private void decided(long clerkId, Instant now, State to) {
        this.decidedBy = clerkId;
        this.decidedAt = now;
        this.state = to;
    }

    private void requireSubmitted() {
        if (state != State.SUBMITTED) {
            throw new ConflictException("NON_RESIDENT_APPLICATION_DECIDED");
        }
    }

    private static String required(String raw, int max, String code) {
        return RequiredText.of(raw, max, code);
    }

    public Long id() { return id; }
    public long applicantId() { return applicantId; }
    public String enterpriseName() { return enterpriseName; }
    public String country() { return country; }
    public String registrationNumber() { return registrationNumber; }
    public String address() { return address; }
    public State state() { return state; }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
    public String rejectionReason() { return rejectionReason; }
    public String identityCode() { return identityCode; }
    public Long taxpayerId() { return taxpayerId; }
}
