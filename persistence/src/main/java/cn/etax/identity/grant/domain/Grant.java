package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A relationship between a person and a taxpayer (人企关联 / 授权): identity type, permissions, validity and the side
 * that started it. The state machine lives here: PENDING → ACTIVE / REJECTED / WITHDRAWN; ACTIVE ↔ FROZEN;
 * ACTIVE / FROZEN → DELETED; EXPIRED by itself after the validity date. Every transition writes a history row;
 * {@code @Version} makes the second of two concurrent transitions fail instead of overwriting the first.
 *
 * <p>The person id stays empty while the holder has not registered; the grant is then found by his document digest
 * and attached when he registers.
 */
@Entity
@Table(name = "taxpayer_grant")
@NamedQuery(name = Grant.OF_TAXPAYER, query = "select g from Grant g where g.taxpayerId = :taxpayer order by g.id")
@NamedQuery(name = Grant.OF_TAXPAYER_AND_TYPE, query = "select g from Grant g where g.taxpayerId = :taxpayer "
        + "and g.identityType = :type and g.state in :states order by g.id")
@NamedQuery(name = Grant.OF_PERSON, query = "select g from Grant g where g.personId = :person order by g.id")
@NamedQuery(name = Grant.OF_PERSON_IN_TAXPAYER, query = "select g from Grant g where g.personId = :person "
        + "and g.taxpayerId = :taxpayer order by g.id")
@NamedQuery(name = Grant.LIVE_OF_HOLDER_IN_TAXPAYER, query = "select g from Grant g where g.taxpayerId = :taxpayer "
        + "and g.holder.digest = :digest and g.state in :states order by g.id")
@NamedQuery(name = Grant.UNATTACHED_OF_HOLDER, query = "select g from Grant g where g.holder.digest = :digest "
        + "and g.personId is null order by g.id")
public class Grant {

    public static final String OF_TAXPAYER = "Grant.ofTaxpayer";
    public static final String OF_TAXPAYER_AND_TYPE = "Grant.ofTaxpayerAndType";
    public static final String UNATTACHED_OF_HOLDER = "Grant.unattachedOfHolder";
    public static final String OF_PERSON = "Grant.ofPerson";
    public static final String OF_PERSON_IN_TAXPAYER = "Grant.ofPersonInTaxpayer";
    public static final String LIVE_OF_HOLDER_IN_TAXPAYER = "Grant.liveOfHolderInTaxpayer";

    /** The stored states in which a grant still binds (expiry aside). */
    public static final Set<GrantState> LIVE = Collections.unmodifiableSet(
            EnumSet.of(GrantState.PENDING, GrantState.ACTIVE, GrantState.FROZEN));

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "taxpayer_grant_seq")
    @SequenceGenerator(name = "taxpayer_grant_seq", sequenceName = "taxpayer_grant_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "taxpayer_id", nullable = false)
    private long taxpayerId;

    @Column(name = "person_id")
    private Long personId;

    @Embedded
    private GrantHolder holder;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_type", length = 30, nullable = false)
    private IdentityType identityType;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "taxpayer_grant_permission", joinColumns = @JoinColumn(name = "grant_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "permission", length = 40, nullable = false)
    private Set<Permission> permissions = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private GrantState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "initiator", length = 20, nullable = false)
    private GrantParty initiator;

    /** Last day of validity (inclusive); null = long-term (长期). */
    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** ENT-5 / PER-5 "clear record": hidden from that side's history list only; the row and its history stay. */
    @Column(name = "hidden_for_enterprise", nullable = false)
    private boolean hiddenForEnterprise;

    @Column(name = "hidden_for_person", nullable = false)
    private boolean hiddenForPerson;

    /** PER-4 "同步数据": when the holder last had the relationship checked against the registry and pushed again. */
    @Column(name = "synced_at")
    private Instant syncedAt;

    @OneToMany(mappedBy = "grant", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<GrantHistory> history = new ArrayList<>();

    protected Grant() {
    }

    /**
     * A grant waiting for the other side's confirmation (ENT-2, PER-2, REG-8 finance officer). The permissions must
     * be allowed for the identity type; a validity date must not lie in the past.
     */
    public static Grant offer(long taxpayerId, GrantHolder holder, Long personId, IdentityType type,
                              Set<Permission> permissions, LocalDate validUntil, GrantActor by, Instant at,
                              LocalDate today) {
        if (validUntil != null && validUntil.isBefore(today)) {
            throw new InvalidInputException("GRANT_VALIDITY_IN_PAST");
        }
        Grant g = new Grant(taxpayerId, holder, personId, type, checked(type, permissions), validUntil, by.side(), at);
        g.record(null, GrantState.PENDING, by, null, at);
        return g;
    }

    /** REG-8: the legal representative is bound at once by the system, long-term, with every permission of his type. */
    public static Grant bindLegalRepresentative(long taxpayerId, GrantHolder holder, Long personId, Instant at) {
        IdentityType type = IdentityType.LEGAL_REPRESENTATIVE;
        Grant g = new Grant(taxpayerId, holder, personId, type, type.allowedPermissions(), null, GrantParty.SYSTEM, at);
        g.state = GrantState.ACTIVE;
        g.record(null, GrantState.ACTIVE, GrantActor.SYSTEM, null, at);
        return g;
    }

    /**
     * §8 / ENT-3: a staff relationship added at a tax office (线下添加). Like the enterprise's own offers it waits in
     * 待确认办税人员 until the person confirms it (PER-3); unlike them the enterprise cannot withdraw it online (待确认办税人员
     * 如果是线下添加，无法线上撤回，如需修改，需前往大厅办理). Once confirmed it is staff like any other.
     */
    public static Grant grantOffline(long taxpayerId, GrantHolder holder, Long personId, IdentityType type,
                                     Set<Permission> permissions, LocalDate validUntil, GrantActor clerk, Instant at,
                                     LocalDate today) {
        if (clerk.side() != GrantParty.TAX_OFFICE) {
            throw new ForbiddenException("GRANT_TAX_OFFICE_ONLY");
        }
        if (validUntil != null && validUntil.isBefore(today)) {
            throw new InvalidInputException("GRANT_VALIDITY_IN_PAST");
        }
        Grant g = new Grant(taxpayerId, holder, personId, type, checked(type, permissions), validUntil,
                GrantParty.TAX_OFFICE, at);
        g.record(null, GrantState.PENDING, clerk, "offline", at);
        return g;
    }

    /** Added at a tax office: while pending, only a tax office (or the system) withdraws it (ENT-3). */
    public boolean isOffline() {
        return initiator == GrantParty.TAX_OFFICE;
    }

    private Grant(long taxpayerId, GrantHolder holder, Long personId, IdentityType type, Set<Permission> permissions,
                  LocalDate validUntil, GrantParty initiator, Instant at) {
        this.taxpayerId = taxpayerId;
        this.holder = holder;
        this.personId = personId;
        this.identityType = type;
        this.permissions = new HashSet<>(permissions);
        this.validUntil = validUntil;
        this.initiator = initiator;
        this.state = GrantState.PENDING;
        this.createdAt = at;
        this.changedAt = at;
    }

    private static Set<Permission> checked(IdentityType type, Set<Permission> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            throw new InvalidInputException("PERMISSIONS_REQUIRED");
        }
        if (!type.allowedPermissions().containsAll(permissions)) {
            throw new InvalidInputException("PERMISSION_NOT_ALLOWED");
        }
        return permissions;
    }

    // ---- the state as the business clock sees it

    /** The state today: a pending, active or frozen grant past its last valid day is {@link GrantState#EXPIRED}. */
    public GrantState state(LocalDate today) {
        return state(state, validUntil, today);
    }

    /** The same rule for a grant read as a projection (ENT-9 reads the target of a switch in one statement). */
    public static GrantState state(GrantState stored, LocalDate validUntil, LocalDate today) {
        if (LIVE.contains(stored) && validUntil != null && today.isAfter(validUntil)) {
            return GrantState.EXPIRED;
        }
        return stored;
    }

    /** Active today: the holder may act for the taxpayer with these permissions. */
    public boolean isEffective(LocalDate today) {
        return state(today) == GrantState.ACTIVE;
    }

    // ---- domain verbs

    /** The other side accepts (ENT-3, PER-3): a grant the enterprise or the system offered is confirmed by the person. */
    public void confirm(GrantActor by, Instant at, LocalDate today) {
        require(by, today, () -> new ConflictException("GRANT_NOT_PENDING"), GrantState.PENDING);
        requireAnsweringSide(by);
        if (personId == null) {
            throw new ConflictException("HOLDER_NOT_REGISTERED");
        }
        move(GrantState.ACTIVE, by, null, at);
    }

    public void reject(GrantActor by, Instant at, LocalDate today) {
        require(by, today, () -> new ConflictException("GRANT_NOT_PENDING"), GrantState.PENDING);
        requireAnsweringSide(by);
        move(GrantState.REJECTED, by, null, at);
    }

    /** The side that offered takes its offer back; a tax office's offer only at a tax office (ENT-3). */
    public void withdraw(GrantActor by, Instant at, LocalDate today) {
        // the origin first: an offline grant is refused online whatever its state
        if (isOffline() && !by.side().isAuthority()) {
            throw new ForbiddenException("GRANT_WITHDRAW_OFFLINE_ONLY");
        }
        require(by, today, () -> new ConflictException("GRANT_NOT_PENDING"), GrantState.PENDING);
        if (by.side() != initiator && !by.side().isAuthority()) {
            throw new ForbiddenException("GRANT_WITHDRAW_OWN_ONLY");
        }
        move(GrantState.WITHDRAWN, by, null, at);
    }

    /** ENT-4: the enterprise locks a staff member for a while; key personnel cannot be frozen from the account center. */
    public void freeze(GrantActor by, Instant at, LocalDate today) {
        require(by, today, () -> new ConflictException("GRANT_NOT_ACTIVE"), GrantState.ACTIVE);
        requireEnterpriseSideFor(() -> new ForbiddenException("GRANT_KEY_PERSON_NOT_FREEZABLE"), by);
        move(GrantState.FROZEN, by, null, at);
    }

    public void unfreeze(GrantActor by, Instant at, LocalDate today) {
        require(by, today, () -> new ConflictException("GRANT_NOT_FROZEN"), GrantState.FROZEN);
        requireEnterpriseSideFor(() -> new ForbiddenException("GRANT_KEY_PERSON_NOT_FREEZABLE"), by);
        move(GrantState.ACTIVE, by, null, at);
    }

    /**
     * Ends the relationship. The enterprise cannot delete key personnel (企业法定代表人和财务负责人无法被删除); a person
     * can end his own relationships except that of legal representative (PER-4) — one a tax office added included,
     * once it is in force (ENT-4: a departed staff member is deleted online); system and tax office can end any,
     * an expired one included (a change of key personnel). An expired grant can still be deleted by either side:
     * it is the one way to take it off the lists.
     */
    public void delete(GrantActor by, Instant at, LocalDate today) {
        if (state != GrantState.ACTIVE && state != GrantState.FROZEN) {
            throw new ConflictException("GRANT_NOT_ACTIVE");
        }
        if (by.side() == GrantParty.ENTERPRISE && identityType.isKeyPerson()) {
            throw new ForbiddenException("GRANT_KEY_PERSON_NOT_DELETABLE");
        }
        if (by.side() == GrantParty.PERSON && identityType == IdentityType.LEGAL_REPRESENTATIVE) {
            throw new ForbiddenException("GRANT_LEGAL_REPRESENTATIVE_NOT_DELETABLE");
        }
        move(GrantState.DELETED, by, null, at);
    }

    /** ENT-4: new permissions within the identity type's catalogue; key personnel keep all of theirs. */
    public void changePermissions(Set<Permission> newPermissions, GrantActor by, Instant at, LocalDate today) {
        require(by, today, () -> new ConflictException("GRANT_NOT_ACTIVE"), GrantState.ACTIVE, GrantState.FROZEN);
        if (by.side() == GrantParty.PERSON) {
            throw new ForbiddenException("GRANT_ENTERPRISE_SIDE_ONLY");
        }
        if (identityType.isKeyPerson()) {
            throw new ForbiddenException("GRANT_KEY_PERSON_PERMISSIONS_FIXED");
        }
        Set<Permission> checked = checked(identityType, newPermissions);
        if (checked.equals(permissions)) {
            return;
        }
        permissions.clear();
        permissions.addAll(checked);
        record(state, state, by, "permissions: " + permissions().stream().map(Enum::name)
                .collect(Collectors.joining(",")), at);
        changedAt = at;
    }

    /**
     * "Clear record" (清除记录, RULE-LOG): an ended grant leaves the history list of the side that asks, and only
     * that side's; nothing is deleted. A grant still running cannot be cleared.
     */
    public void hideFromHistory(GrantParty side) {
        if (!state.isTerminal()) {
            throw new ConflictException("GRANT_NOT_ENDED");
        }
        switch (side) {
            case ENTERPRISE -> hiddenForEnterprise = true;
            case PERSON -> hiddenForPerson = true;
            default -> throw new ForbiddenException("GRANT_ACCOUNT_CENTER_ONLY");
        }
    }

    /**
     * PER-4 "同步数据": only a relationship in force is pushed again; the time is kept so the holder sees it was done.
     * The state does not change, so no history row is written.
     */
    public void markSynced(Instant at, LocalDate today) {
        GrantState current = state(today);
        if (current == GrantState.EXPIRED) {
            throw new ConflictException("GRANT_EXPIRED");
        }
        if (current != GrantState.ACTIVE && current != GrantState.FROZEN) {
            throw new ConflictException("GRANT_NOT_ACTIVE");
        }
        syncedAt = at;
    }

    public boolean isHiddenFor(GrantParty side) {
        return side == GrantParty.ENTERPRISE ? hiddenForEnterprise : side == GrantParty.PERSON && hiddenForPerson;
    }

    /** The holder registered (or was found registered later): the grant now names his account. */
    public void attachPerson(long registeredPersonId) {
        if (personId != null && personId != registeredPersonId) {
            throw new ConflictException("GRANT_HOLDER_MISMATCH");
        }
        personId = registeredPersonId;
    }

    private void require(GrantActor by, LocalDate today, Supplier<DomainException> refusal, GrantState... allowed) {
        // the tax authority ends grants whatever their date; the account centers act only on unexpired ones
        GrantState current = by.side().isAuthority() ? state : state(today);
        if (current == GrantState.EXPIRED) {
            throw new ConflictException("GRANT_EXPIRED");
        }
        for (GrantState s : allowed) {
            if (s == current) {
                return;
            }
        }
        throw refusal.get();
    }

    /** Confirm and reject belong to the side that did not offer: the person for enterprise, system or tax-office offers. */
    private void requireAnsweringSide(GrantActor by) {
        boolean personAnswers = initiator != GrantParty.PERSON;
        GrantParty expected = personAnswers ? GrantParty.PERSON : GrantParty.ENTERPRISE;
        if (by.side() != expected && by.side() != GrantParty.TAX_OFFICE) {
            throw new ForbiddenException("GRANT_OTHER_SIDE_ANSWERS");
        }
    }

    private void requireEnterpriseSideFor(Supplier<DomainException> keyPersonRefusal, GrantActor by) {
        if (by.side() == GrantParty.PERSON) {
            throw new ForbiddenException("GRANT_ENTERPRISE_SIDE_ONLY");
        }
        if (by.side() == GrantParty.ENTERPRISE && identityType.isKeyPerson()) {
            throw keyPersonRefusal.get();
        }
    }

    private void move(GrantState to, GrantActor by, String note, Instant at) {
        GrantState from = state;
        state = to;
        changedAt = at;
        record(from, to, by, note, at);
    }

    private void record(GrantState from, GrantState to, GrantActor by, String note, Instant at) {
        history.add(new GrantHistory(this, from, to, by, note, at));
    }

    public Long id() { return id; }
    public int version() { return version; }
    public long taxpayerId() { return taxpayerId; }
    public Long personId() { return personId; }
    public GrantHolder holder() { return holder; }
    public IdentityType identityType() { return identityType; }
    public Set<Permission> permissions() {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }
    /** The stored state, without expiry; see {@link #state(LocalDate)}. */
    public GrantState storedState() { return state; }
    public GrantParty initiator() { return initiator; }
    public LocalDate validUntil() { return validUntil; }
    public Instant createdAt() { return createdAt; }
    public Instant changedAt() { return changedAt; }
    public Instant syncedAt() { return syncedAt; }
    public List<GrantHistory> history() { return Collections.unmodifiableList(history); }
}
