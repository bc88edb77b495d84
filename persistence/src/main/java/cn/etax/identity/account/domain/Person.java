package cn.etax.identity.account.domain;

import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.Gender;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.RequiredText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A natural-person account (自然人用户). The ID number and phones are personal information: the entity keeps a
 * keyed digest for look-ups, the cipher text for an audited reveal and the masked form for display; it never holds
 * the plain number.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = Person.BY_DOCUMENT, query = "select p from Person p where p.idDigest = :digest")
@NamedQuery(name = Person.BY_USERNAME, query = "select p from Person p where p.username = :username")
@NamedQuery(name = Person.BY_PHONE, query = "select ph.person from PersonPhone ph where ph.digest = :digest")
@NamedQuery(name = Person.WITH_PHONES, query = "select p from Person p left join fetch p.phones where p.id = :id")
public class Person {

    public static final String BY_DOCUMENT = "Person.byDocument";
    public static final String BY_USERNAME = "Person.byUsername";
    /** The holder of a phone, by the phone's digest, in one statement. */
    public static final String BY_PHONE = "Person.byPhone";
    /** A person and the phones in one statement (one row per phone). */
    public static final String WITH_PHONES = "Person.withPhones";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", length = 40, nullable = false)
    private IdType idType;

    @Column(name = "id_digest", length = 64, nullable = false, unique = true)
    private String idDigest;

    @Column(name = "id_cipher", length = 200, nullable = false)
    private String idCipher;

    @Column(name = "id_masked", length = 40, nullable = false)
    private String idMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender", length = 10, nullable = false)
    private Gender gender;

    @Column(name = "nationality", length = 3)
    private String nationality;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "overseas", nullable = false)
    private boolean overseas;

    @Column(name = "username", length = 20, unique = true)
    private String username;

    @Column(name = "username_changed_at")
    private Instant usernameChangedAt;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "password_initial", nullable = false)
    private boolean passwordInitial;

    @Column(name = "email", length = 100)
    private String email;

    @Column(name = "address", length = 200)
    private String address;

    @Column(name = "real_name_level", nullable = false)
    private int realNameLevel;

    @Column(name = "agreements_signed_at")
    private Instant agreementsSignedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private PersonStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", length = 20, nullable = false)
    private PersonOrigin origin;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PersonPhone> phones = new ArrayList<>();

    protected Person() {
    }

    /** A registration that passed the identity, phone and face checks (REG-1): real-name level 4. */
    public static Person registered(String name, IdType idType, ProtectedValue idNumber, Gender gender,
                                    String nationality, LocalDate birthDate, boolean overseas, String passwordHash,
                                    int realNameLevel, Instant at) {
        Person p = new Person();
        p.name = requireName(name);
        p.idType = idType;
        p.idDigest = idNumber.digest();
        p.idCipher = idNumber.cipher();
        p.idMasked = idNumber.masked();
        p.gender = gender;
        p.nationality = nationality;
        p.birthDate = birthDate;
        p.overseas = overseas;
        p.passwordHash = passwordHash;
        p.passwordInitial = false;
        p.realNameLevel = realNameLevel;
        p.agreementsSignedAt = at;
        p.status = PersonStatus.ACTIVE;
        p.origin = PersonOrigin.ONLINE;
        p.registeredAt = at;
        return p;
    }

    /**
     * A person taken over from the old system: initial password (last six characters of the ID number), real-name
     * level 3 without a face check, agreements not yet signed (RULE-AGREE).
     */
    public static Person migrated(String name, IdType idType, ProtectedValue idNumber, Gender gender,
                                  String nationality, LocalDate birthDate, String initialPasswordHash, Instant at) {
        Person p = registered(name, idType, idNumber, gender, nationality, birthDate, false, initialPasswordHash, 3, at);
        p.passwordInitial = true;
        p.agreementsSignedAt = null;
        p.origin = PersonOrigin.MIGRATED;
        return p;
    }

    private static String requireName(String name) {
        return RequiredText.of(name, 100, "NAME_REQUIRED");
    }

    // ---- phones (RULE-PHONE)

    /** Adds a verified phone; the first one becomes the default. */
    public PersonPhone addPhone(ProtectedValue phone, Instant at) {
        if (findPhone(phone.digest()).isPresent()) {
            throw new ConflictException("PHONE_ALREADY_YOURS");
        }
        PersonPhone added = new PersonPhone(this, phone, phones.isEmpty(), at);
        phones.add(added);
        return added;
    }

    /** Replaces one number by another, keeping its default flag. */
    public void replacePhone(long phoneId, ProtectedValue newPhone, Instant at) {
        if (findPhone(newPhone.digest()).isPresent()) {
            throw new ConflictException("PHONE_ALREADY_YOURS");
        }
        phone(phoneId).replaceBy(newPhone, at);
    }

    /** Only a non-default phone can be deleted while others exist. */
    public void removePhone(long phoneId) {
        PersonPhone phone = phone(phoneId);
        if (phone.isDefault() && phones.size() > 1) {
            throw new ConflictException("PHONE_DEFAULT_NOT_REMOVABLE");
        }
        phones.remove(phone);
    }

    public void makeDefault(long phoneId) {
        PersonPhone target = phone(phoneId);
        phones.forEach(p -> p.setDefault(p == target));
    }

    /** RULE-PHONE: another person proved possession of this number, so it leaves this account. */
    public void losePhone(String phoneDigest) {
        findPhone(phoneDigest).ifPresent(lost -> {
            phones.remove(lost);
            if (lost.isDefault() && !phones.isEmpty()) {
                phones.get(0).setDefault(true);
            }
        });
    }

    public PersonPhone phone(long phoneId) {
        return phones.stream().filter(p -> p.id() != null && p.id() == phoneId).findFirst()
                .orElseThrow(() -> new NotFoundException("PHONE_NOT_FOUND"));
    }

    public Optional<PersonPhone> findPhone(String digest) {
        return phones.stream().filter(p -> p.digest().equals(digest)).findFirst();
    }

    public Optional<PersonPhone> defaultPhone() {
        return phones.stream().filter(PersonPhone::isDefault).findFirst();
    }

    // ---- credentials and profile

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordInitial = false;
    }

    public void signAgreements(Instant at) {
        this.agreementsSignedAt = at;
    }

    public void changeUsername(String newUsername, Instant at, ZoneId zone) {
        UsernamePolicy.check(newUsername);
        if (newUsername.equals(username)) {
            return;
        }
        if (usernameChangedAt != null && at.isBefore(UsernamePolicy.nextChangeAllowed(usernameChangedAt, zone))) {
            throw new ConflictException("USERNAME_CHANGED_RECENTLY",
                    UsernamePolicy.nextChangeAllowed(usernameChangedAt, zone).atZone(zone).toLocalDate().toString());
        }
        this.username = newUsername;
        this.usernameChangedAt = at;
    }

    /** Sets the username chosen at registration; it does not count as a yearly change. */
    public void chooseUsername(String chosen) {
        this.username = UsernamePolicy.check(chosen);
    }

    public void changeEmail(String newEmail) {
        String trimmed = newEmail == null ? "" : newEmail.strip();
        if (!trimmed.isEmpty() && !trimmed.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}") || trimmed.length() > 100) {
            throw new InvalidInputException("EMAIL_INVALID");
        }
        this.email = trimmed.isEmpty() ? null : trimmed;
    }

    public void changeAddress(String newAddress) {
        String trimmed = newAddress == null ? "" : newAddress.strip();
        if (trimmed.length() > 200) {
            throw new InvalidInputException("ADDRESS_TOO_LONG");
        }
        this.address = trimmed.isEmpty() ? null : trimmed;
    }

    /** RULE-RN: a face check raises a level-3 person to 4; levels never go down here. */
    public void passFaceCheck() {
        if (realNameLevel < 4) {
            realNameLevel = 4;
        }
    }

    // ---- deregistration (REG-7)

    /**
     * REG-7 用户注销: the account's login data goes (phones, username, password, email, address, the signed
     * agreements); the real-name data stays for tracing, and so do the relationships, which name this person's id.
     * A deregistered person cannot log in or be found by phone or username; registering again revives this record.
     */
    public void deregister() {
        if (status != PersonStatus.ACTIVE) {
            throw new ConflictException("ACCOUNT_DEREGISTERED");
        }
        status = PersonStatus.DEREGISTERED;
        phones.clear();
        username = null;
        // usernameChangedAt stays: RULE-USER's once a year is not reset by deregistering and registering again
        passwordHash = null;
        passwordInitial = false;
        email = null;
        address = null;
        agreementsSignedAt = null;
    }

    /**
     * REG-7: a deregistered person registered again with the same document, after the registration's identity,
     * phone and face checks: the same record, so every relationship is back unchanged. The name and the details the
     * registration checked now are taken; the real-name level never goes down.
     */
    public void reregister(String checkedName, boolean overseasNow, String nationalityNow, String newPasswordHash,
                           int level, Instant at) {
        if (status != PersonStatus.DEREGISTERED) {
            throw new ConflictException("ALREADY_REGISTERED");
        }
        name = requireName(checkedName);
        overseas = overseasNow;
        nationality = nationalityNow;
        passwordHash = newPasswordHash;
        passwordInitial = false;
        realNameLevel = Math.max(realNameLevel, level);
        agreementsSignedAt = at;
        status = PersonStatus.ACTIVE;
        registeredAt = at;
    }

    public boolean active() {
        return status == PersonStatus.ACTIVE;
    }

    /** Share of the optional profile that is filled in (information completeness), in percent. */
    public int completeness() {
        int filled = 3; // name, document, password are always there
        int total = 7;
        filled += phones.isEmpty() ? 0 : 1;
        filled += username == null ? 0 : 1;
        filled += email == null ? 0 : 1;
        filled += address == null ? 0 : 1;
        return filled * 100 / total;
    }

    public boolean mustSignAgreements() {
        return agreementsSignedAt == null;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public IdType idType() { return idType; }
    public String idDigest() { return idDigest; }
    public String idCipher() { return idCipher; }
    public String idMasked() { return idMasked; }
    public Gender gender() { return gender; }
    public String nationality() { return nationality; }
    public LocalDate birthDate() { return birthDate; }
    public boolean overseas() { return overseas; }
    public String username() { return username; }
    public Instant usernameChangedAt() { return usernameChangedAt; }
    public String passwordHash() { return passwordHash; }
    public boolean passwordInitial() { return passwordInitial; }
    public String email() { return email; }
    public String address() { return address; }
    public int realNameLevel() { return realNameLevel; }
    public PersonStatus status() { return status; }
    public PersonOrigin origin() { return origin; }
    public Instant registeredAt() { return registeredAt; }
    public List<PersonPhone> phones() { return Collections.unmodifiableList(phones); }
}
