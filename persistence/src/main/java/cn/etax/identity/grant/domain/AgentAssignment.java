package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.ConflictException;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * 代理人员权限 (AGT-4, "each agent staff member has permissions per client"): what one agent of a tax-agent institution
 * may do for one client under one mandate, set by the institution's managers. Its legal representative and finance
 * officer need none: they act for every client within the mandate's scope. The permissions lie within the mandate's
 * scope and the agent's own permissions in the institution; what he may do is computed again at every use
 * ({@link AgencyMandate#permissionsFor(IdentityType, Set, Set)}), so a narrower scope or grant later narrows it too.
 */
@Entity
@Table(name = "agent_assignment")
@NamedQuery(name = AgentAssignment.OF_MANDATE,
        query = "select a from AgentAssignment a where a.mandateId = :mandate")
@NamedQuery(name = AgentAssignment.OF_MANDATE_AND_AGENT,
        query = "select a from AgentAssignment a where a.mandateId = :mandate and a.agentGrantId = :grant")
public class AgentAssignment {

    public static final String OF_MANDATE = "AgentAssignment.ofMandate";
    public static final String OF_MANDATE_AND_AGENT = "AgentAssignment.ofMandateAndAgent";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_assignment_seq")
    @SequenceGenerator(name = "agent_assignment_seq", sequenceName = "agent_assignment_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "mandate_id", nullable = false)
    private long mandateId;

    /** The agent's grant in the institution: a grant ended and given again needs a new assignment. */
    @Column(name = "agent_grant_id", nullable = false)
    private long agentGrantId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_assignment_permission", joinColumns = @JoinColumn(name = "assignment_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "permission", length = 40, nullable = false)
    private Set<Permission> permissions = new HashSet<>();

    @Column(name = "assigned_by", nullable = false)
    private long assignedBy;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected AgentAssignment() {
    }

    /**
     * A manager of the institution assigns its agent to the mandate's client: the mandate pending or in force, the
     * agent one of the institution's staff other than its key personnel (who need none: {@code
     * AGENT_KEY_PERSON_NOT_ASSIGNED}), the permissions some of the mandate's scope that the agent holds himself
     * ({@code PERMISSIONS_REQUIRED}, {@code AGENT_PERMISSION_NOT_ALLOWED}).
     */
    public static AgentAssignment assign(AgencyMandate mandate, Grant agent, Set<Permission> permissions, long by,
                                         Instant at, LocalDate today) {
        AgentAssignment a = new AgentAssignment();
        a.mandateId = mandate.id();
        a.agentGrantId = agent.id();
        a.change(mandate, agent, permissions, by, at, today);
        return a;
    }

    /** The same checks for new permissions of an assignment that exists. */
    public void change(AgencyMandate mandate, Grant agent, Set<Permission> newPermissions, long by, Instant at,
                       LocalDate today) {
        if (mandate.id() == null || mandate.id() != mandateId || agent.id() == null || agent.id() != agentGrantId) {
            throw new IllegalArgumentException("assignment of another mandate or agent");
        }
        if (!mandate.isLive(today)) {
            throw new ConflictException("MANDATE_NOT_LIVE");
        }
        GrantState agentState = agent.state(today);
        if (agent.taxpayerId() != mandate.agencyTaxpayerId() || agent.personId() == null
                || agentState != GrantState.ACTIVE && agentState != GrantState.FROZEN) {
            throw new InvalidInputException("AGENT_NOT_OF_AGENCY");
        }
        if (agent.identityType().isKeyPerson()) {
            throw new InvalidInputException("AGENT_KEY_PERSON_NOT_ASSIGNED");
        }
        if (newPermissions == null || newPermissions.isEmpty()
                || newPermissions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("PERMISSIONS_REQUIRED");
        }
        if (!mandate.permissionsFor(agent.permissions()).containsAll(newPermissions)) {
            throw new InvalidInputException("AGENT_PERMISSION_NOT_ALLOWED");
        }
        permissions.clear();
        permissions.addAll(newPermissions);
        assignedBy = by;
        assignedAt = at;
    }

    public Long id() { return id; }
    public long mandateId() { return mandateId; }
    public long agentGrantId() { return agentGrantId; }
    public Set<Permission> permissions() {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }
    public long assignedBy() { return assignedBy; }
    public Instant assignedAt() { return assignedAt; }
}
