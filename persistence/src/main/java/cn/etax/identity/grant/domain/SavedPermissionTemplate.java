package cn.etax.identity.grant.domain;

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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A taxpayer's own 权限身份 (ENT-2; seeds: "填写“权限身份名称”…“勾选功能树”，点击【保存】"): a named permission set its
 * managers saved and reuse when adding staff, offered after the fixed {@link PermissionTemplate presets}. Like a
 * preset it offers an identity type only the permissions that type may hold.
 */
@Entity
@Table(name = "saved_permission_template")
@NamedQuery(name = SavedPermissionTemplate.OF_TAXPAYER, query = "select t from SavedPermissionTemplate t "
        + "where t.taxpayerId = :taxpayer order by t.id")
@NamedQuery(name = SavedPermissionTemplate.COUNT_NAMED, query = "select count(t) from SavedPermissionTemplate t "
        + "where t.taxpayerId = :taxpayer and t.name = :name")
public class SavedPermissionTemplate {

    public static final String OF_TAXPAYER = "SavedPermissionTemplate.ofTaxpayer";
    public static final String COUNT_NAMED = "SavedPermissionTemplate.countNamed";

    /** Longest name, in characters (the column holds as many). */
    public static final int NAME_MAX = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_permission_template_seq")
    @SequenceGenerator(name = "saved_permission_template_seq", sequenceName = "saved_permission_template_seq",
            allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "taxpayer_id", nullable = false)
    private long taxpayerId;

    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "saved_permission_template_permission", joinColumns = @JoinColumn(name = "template_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "permission", length = 40, nullable = false)
    private Set<Permission> permissions = new HashSet<>();

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SavedPermissionTemplate() {
    }

    /**
     * A new template: the name trimmed, 1..{@value #NAME_MAX} characters ({@code PERMISSION_TEMPLATE_NAME_REQUIRED},
     * {@code PERMISSION_TEMPLATE_NAME_TOO_LONG}); at least one permission ({@code PERMISSIONS_REQUIRED}). Whether the
     * name is free within the taxpayer is the caller's question.
     */
    public static SavedPermissionTemplate create(long taxpayerId, String name, Set<Permission> permissions,
                                                 long createdBy, Instant at) {
        SavedPermissionTemplate t = new SavedPermissionTemplate();
        t.taxpayerId = taxpayerId;
        t.name = checkedName(name);
        if (permissions == null || permissions.isEmpty() || permissions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("PERMISSIONS_REQUIRED");
        }
        t.permissions = new HashSet<>(permissions);
        t.createdBy = createdBy;
        t.createdAt = at;
        return t;
    }

    /** The name as stored: trimmed; refused when empty or longer than {@value #NAME_MAX} characters. */
    public static String checkedName(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("PERMISSION_TEMPLATE_NAME_REQUIRED");
        }
        if (n.codePointCount(0, n.length()) > NAME_MAX) {
            throw new InvalidInputException("PERMISSION_TEMPLATE_NAME_TOO_LONG", NAME_MAX);
        }
        return n;
    }

    /** The template's permissions the identity type may hold (empty: not offered to that type). */
    public Set<Permission> permissionsFor(IdentityType type) {
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        for (Permission p : permissions) {
            if (p.allows(type)) {
                result.add(p);
            }
        }
        return result;
    }

    public boolean isOfferedTo(IdentityType type) {
        return !permissionsFor(type).isEmpty();
    }

    public Long id() {
        return id;
    }

    public long taxpayerId() {
        return taxpayerId;
    }

    public String name() {
        return name;
    }

    public Set<Permission> permissions() {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
