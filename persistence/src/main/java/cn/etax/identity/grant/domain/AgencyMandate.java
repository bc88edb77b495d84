package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * An agency mandate (代理委托, ENT-8): a tax-agent institution (涉税专业服务机构) acts for a client taxpayer within a
 * scope of permissions and a period. Two-way: the agency files it (or the core tax system synchronises the agreement
 * filed with the tax office, 同步代理机构信息, with no filing person), the client's legal representative or finance
 * officer recognises it (代理机构认定) or declines; until then the agency may withdraw it; once recognised either side
 * may cancel it. Only a recognised mandate within its period lets the agency's agents act (AGT-4), and each agent
 * only with the permissions he also holds in the agency. {@code @Version} makes the second of two concurrent answers
 * fail instead of overwriting the first.
 */
@Entity
@Table(name = "agency_mandate")
@NamedQuery(name = AgencyMandate.OF_CLIENT,
        query = "select m from AgencyMandate m where m.clientTaxpayerId = :client order by m.id desc")
@NamedQuery(name = AgencyMandate.OF_AGENCY,
        query = "select m from AgencyMandate m where m.agencyTaxpayerId = :agency order by m.id desc")
@NamedQuery(name = AgencyMandate.BETWEEN, query = "select m from AgencyMandate m where m.agencyTaxpayerId = :agency "
        + "and m.clientTaxpayerId = :client and m.state in :states")
public class AgencyMandate {

    public static final String OF_CLIENT = "AgencyMandate.ofClient";
    public static final String OF_AGENCY = "AgencyMandate.ofAgency";
    public static final String BETWEEN = "AgencyMandate.between";

    /** The stored states in which a mandate still binds (expiry aside). */
    public static final Set<MandateState> LIVE = Collections.unmodifiableSet(
            EnumSet.of(MandateState.PENDING, MandateState.RECOGNISED));

    /** What an agency may be entrusted with: everything but the client's own staff and agency management. */
    public static final Set<Permission> DELEGABLE = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(Permission.ACCOUNT_MANAGEMENT, Permission.AGENCY_MANAGEMENT)));

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_mandate_seq")
    @SequenceGenerator(name = "agency_mandate_seq", sequenceName = "agency_mandate_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "agency_taxpayer_id", nullable = false)
    private long agencyTaxpayerId;

    @Column(name = "client_taxpayer_id", nullable = false)
    private long clientTaxpayerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agency_mandate_permission", joinColumns = @JoinColumn(name = "mandate_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "permission", length = 40, nullable = false)
    private Set<Permission> scope = new HashSet<>();

    /** First and last day of the mandate (inclusive). */
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private MandateState state;

    /** The agency's manager who filed it; null when the core tax system synchronised it (API-3). */
    @Column(name = "filed_by")
    private Long filedBy;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    /** Who answered or ended it, from which side, when. */
    @Column(name = "changed_by")
    private Long changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "changed_side", length = 20)
    private MandateSide changedSide;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected AgencyMandate() {
    }

    /**
     * The agency files a mandate for a client: a scope within {@link #DELEGABLE}, a period that has not ended, never
     * for itself.
     */
    public static AgencyMandate file(long agencyTaxpayerId, long clientTaxpayerId, Set<Permission> scope,
                                     LocalDate validFrom, LocalDate validUntil, Long byPerson, Instant at,
                                     LocalDate today) {
        if (agencyTaxpayerId == clientTaxpayerId) {
            throw new InvalidInputException("MANDATE_CLIENT_SELF");
        }
        if (scope == null || scope.isEmpty()) {
            throw new InvalidInputException("MANDATE_SCOPE_REQUIRED");
        }
        if (!DELEGABLE.containsAll(scope)) {
            throw new InvalidInputException("MANDATE_PERMISSION_NOT_DELEGABLE");
        }
        if (validFrom == null || validUntil == null) {
            throw new InvalidInputException("MANDATE_PERIOD_REQUIRED");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new InvalidInputException("MANDATE_PERIOD_INVALID");
        }
        if (validUntil.isBefore(today)) {
            throw new InvalidInputException("MANDATE_PERIOD_IN_PAST");
        }
        AgencyMandate m = new AgencyMandate();
        m.agencyTaxpayerId = agencyTaxpayerId;
        m.clientTaxpayerId = clientTaxpayerId;
        m.scope = new HashSet<>(scope);
        m.validFrom = validFrom;
        m.validUntil = validUntil;
        m.state = MandateState.PENDING;
        m.filedBy = byPerson;
        m.filedAt = at;
        m.changedAt = at;
        return m;
    }

    /** The state today: a pending or recognised mandate past its last day is {@link MandateState#EXPIRED}. */
    public MandateState state(LocalDate today) {
        return LIVE.contains(state) && today.isAfter(validUntil) ? MandateState.EXPIRED : state;
    }

    /** Recognised and within its period today: the agency's agents may act for the client (AGT-4). */
    public boolean isInForce(LocalDate today) {
        return state(today) == MandateState.RECOGNISED && !today.isBefore(validFrom);
    }

    /** Still binds today: pending or recognised and not past its period; a second one for the pair is refused. */
    public boolean isLive(LocalDate today) {
        return LIVE.contains(state(today));
    }

    /** The most an agent holding {@code own} in the agency may do for the client under this mandate. */
    public Set<Permission> permissionsFor(Set<Permission> own) {
        EnumSet<Permission> allowed = scope();
        allowed.retainAll(own);
        return allowed;
    }

    /**
     * AGT-4: what an agent of the agency — of identity {@code type} there, holding {@code own} — may do for the client
     * under this mandate: the agency's legal representative and finance officer the scope within their own
     * permissions; any other agent that within what the agency assigned him for this client ({@code assigned}, null
     * when not assigned: nothing).
     */
    public Set<Permission> permissionsFor(IdentityType type, Set<Permission> own, Set<Permission> assigned) {
        Set<Permission> allowed = permissionsFor(own);
        if (!type.isKeyPerson()) {
            allowed.retainAll(assigned == null ? Set.of() : assigned);
        }
        return allowed;
    }

    // ---- domain verbs

    /** 认定: the client accepts the agency. */
    public void recognise(MandateSide by, long person, Instant at, LocalDate today) {
        answer(by, MandateState.RECOGNISED, person, at, today);
    }

    /** 不予认定: the client refuses the agency. */
    public void decline(MandateSide by, long person, Instant at, LocalDate today) {
        answer(by, MandateState.DECLINED, person, at, today);
    }

    /** The agency takes back a mandate the client has not answered. */
    public void withdraw(MandateSide by, long person, Instant at, LocalDate today) {
        if (by != MandateSide.AGENCY) {
            throw new ForbiddenException("MANDATE_AGENCY_SIDE_ONLY");
        }
        requireState(today, "MANDATE_NOT_PENDING", MandateState.PENDING);
        move(MandateState.WITHDRAWN, by, person, at);
    }

    /** 取消: either side ends a recognised mandate, an expired one included (it then leaves the list of the live). */
    public void cancel(MandateSide by, long person, Instant at) {
        if (state != MandateState.RECOGNISED) {
            throw new ConflictException("MANDATE_NOT_RECOGNISED");
        }
        move(MandateState.CANCELLED, by, person, at);
    }

    private void answer(MandateSide by, MandateState to, long person, Instant at, LocalDate today) {
        if (by != MandateSide.CLIENT) {
            throw new ForbiddenException("MANDATE_CLIENT_SIDE_ONLY");
        }
        requireState(today, "MANDATE_NOT_PENDING", MandateState.PENDING);
        move(to, by, person, at);
    }

    private void requireState(LocalDate today, String refusal, MandateState allowed) {
        MandateState current = state(today);
        if (current == MandateState.EXPIRED) {
            throw new ConflictException("MANDATE_EXPIRED");
        }
        if (current != allowed) {
            throw new ConflictException(refusal);
        }
    }

    private void move(MandateState to, MandateSide by, long person, Instant at) {
        state = to;
        changedSide = by;
        changedBy = person;
        changedAt = at;
    }

    public Long id() { return id; }
    public long agencyTaxpayerId() { return agencyTaxpayerId; }
    public long clientTaxpayerId() { return clientTaxpayerId; }
    public EnumSet<Permission> scope() {
        return scope.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(scope);
    }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    /** The stored state, without expiry; see {@link #state(LocalDate)}. */
    public MandateState storedState() { return state; }
    /** Null for a mandate the core tax system synchronised. */
    public Long filedBy() { return filedBy; }
    public Instant filedAt() { return filedAt; }
    public Long changedBy() { return changedBy; }
    public MandateSide changedSide() { return changedSide; }
    public Instant changedAt() { return changedAt; }
}
