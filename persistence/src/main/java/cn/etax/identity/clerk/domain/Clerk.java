package cn.etax.identity.clerk.domain;

import cn.etax.identity.account.domain.ProtectedValue;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A tax-office clerk (办税服务厅工作人员): an account of its own, apart from natural persons, with a username, a
 * password hash, the phone of his second factor (RULE-2FA), the tax office he works at and the roles he holds there
 * (§8). A clerk is never a taxpayer's staff: his account opens the staff console only.
 */
@Entity
@Table(name = "clerk")
@NamedQuery(name = Clerk.BY_USERNAME, query = "select c from Clerk c where c.username = :username")
@NamedQuery(name = Clerk.OF_OFFICES, query = "select c from Clerk c where c.taxOfficeCode like :prefix "
        + "order by c.username")
@NamedQuery(name = Clerk.OFFICE_NAMES, query = "select distinct c.taxOfficeName from Clerk c "
        + "where c.taxOfficeCode = :code")
@NamedQuery(name = Clerk.BY_PHONE, query = "select c from Clerk c where c.phoneDigest = :digest")
public class Clerk {

    public static final String BY_USERNAME = "Clerk.byUsername";
    /** The names the clerks of a tax office code give their office. */
    public static final String OFFICE_NAMES = "Clerk.officeNames";
    public static final String BY_PHONE = "Clerk.byPhone";
    /** The clerks of the tax offices whose codes start with {@code prefix} (a province: "136%"). */
    public static final String OF_OFFICES = "Clerk.ofOffices";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clerk_seq")
    @SequenceGenerator(name = "clerk_seq", sequenceName = "clerk_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "username", length = 30, nullable = false, unique = true)
    private String username;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "password_hash", length = 200, nullable = false)
    private String passwordHash;

    @Column(name = "tax_office_code", length = 20, nullable = false)
    private String taxOfficeCode;

    @Column(name = "tax_office_name", length = 100, nullable = false)
    private String taxOfficeName;

    @Column(name = "active", nullable = false)
    private boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clerk_role", joinColumns = @JoinColumn(name = "clerk_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30, nullable = false)
    private Set<ClerkRole> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** RULE-2FA: the phone his login code goes to (digest, encrypted number, masked for display). */
    @Column(name = "phone_digest", length = 64)
    private String phoneDigest;

    @Column(name = "phone_cipher", length = 200)
    private String phoneCipher;

    @Column(name = "phone_masked", length = 20)
    private String phoneMasked;

    /** The password is one the administration set: the clerk replaces it before the console opens. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    protected Clerk() {
    }

    public Clerk(String username, String name, String passwordHash, String taxOfficeCode, String taxOfficeName,
                 Set<ClerkRole> roles, Instant createdAt) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("clerk username must be 3-30 letters, digits, '_', '.', '-'");
        }
        if (name == null || name.isBlank() || passwordHash == null || taxOfficeCode == null || taxOfficeName == null) {
            throw new IllegalArgumentException("clerk incomplete");
        }
        this.username = username.toLowerCase(Locale.ROOT);
        this.name = name.strip();
        this.passwordHash = passwordHash;
        this.taxOfficeCode = taxOfficeCode;
        this.taxOfficeName = taxOfficeName;
        assignRoles(roles);
        this.active = true;
        this.createdAt = createdAt;
    }

    /**
     * A clerk's username: a letter, then 2-29 letters, digits, '_', '.' or '-'; kept in lower case, so that no two
     * differ only in capitals.
     */
    public static boolean isValidUsername(String username) {
        return username != null && username.matches("[A-Za-z][A-Za-z0-9_.-]{2,29}");
    }

    /** His duties from now on; at least one. His sessions opened with others end. */
    public void assignRoles(Set<ClerkRole> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw new IllegalArgumentException("a clerk holds at least one duty");
        }
        this.roles = new HashSet<>(roles);
    }

    /** A password the administration set (a new clerk's, a reset): he must replace it at his next login. */
    public void passwordSetByAdministration(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
        this.passwordChangeRequired = true;
    }

    /** His own new password. */
    public void changePassword(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
        this.passwordChangeRequired = false;
    }

    public boolean passwordChangeRequired() { return passwordChangeRequired; }

    /** Stopped (停用): he cannot log in, and his open sessions end. */
    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    /** The phone his second factor goes to (RULE-2FA), set by the administration that creates clerks. */
    public void assignPhone(ProtectedValue phone) {
        if (phone == null) {
            throw new IllegalArgumentException("clerk phone missing");
        }
        this.phoneDigest = phone.digest();
        this.phoneCipher = phone.cipher();
        this.phoneMasked = phone.masked();
    }

    public boolean hasPhone() {
        return phoneCipher != null;
    }

    public String phoneDigest() { return phoneDigest; }
    public String phoneCipher() { return phoneCipher; }
    public String phoneMasked() { return phoneMasked; }

    public boolean holds(ClerkRole role) {
        return active && roles.contains(role);
    }

    /** "clerk 'wangclerk' (13601010000 国家税务总局南昌市东湖区税务局)": how audit records name him. */
    public String describe() {
        return "clerk '" + username + "' (" + taxOfficeCode + " " + taxOfficeName + ")";
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String name() { return name; }
    public String passwordHash() { return passwordHash; }
    public String taxOfficeCode() { return taxOfficeCode; }

    /**
     * The province the clerk's office belongs to: digits 2–3 of the eleven-digit tax authority code (1, province,
     * city, county, ...: 13601020000 is Jiangxi's 36); null for a code of another form, which then serves no taxpayer.
     */
    public String provinceCode() {
        return taxOfficeCode != null && taxOfficeCode.matches("1\\d{10}") ? taxOfficeCode.substring(1, 3) : null;
    }
    public String taxOfficeName() { return taxOfficeName; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Set<ClerkRole> roles() { return roles.isEmpty() ? EnumSet.noneOf(ClerkRole.class) : EnumSet.copyOf(roles); }
}
