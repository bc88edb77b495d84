package cn.etax.identity.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A verified mobile phone of a person (RULE-PHONE); a number belongs to one person at a time. */
@Entity
@Table(name = "person_phone")
@NamedQuery(name = PersonPhone.BY_DIGEST, query = "select p from PersonPhone p where p.digest = :digest")
public class PersonPhone {

    public static final String BY_DIGEST = "PersonPhone.byDigest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_phone_seq")
    @SequenceGenerator(name = "person_phone_seq", sequenceName = "person_phone_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    @Column(name = "phone_digest", length = 64, nullable = false, unique = true)
    private String digest;

    @Column(name = "phone_cipher", length = 200, nullable = false)
    private String cipher;

    @Column(name = "phone_masked", length = 20, nullable = false)
    private String masked;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    protected PersonPhone() {
    }

    PersonPhone(Person person, ProtectedValue phone, boolean isDefault, Instant verifiedAt) {
        this.person = person;
        this.digest = phone.digest();
        this.cipher = phone.cipher();
        this.masked = phone.masked();
        this.isDefault = isDefault;
        this.verifiedAt = verifiedAt;
    }

    void replaceBy(ProtectedValue phone, Instant at) {
        this.digest = phone.digest();
        this.cipher = phone.cipher();
        this.masked = phone.masked();
        this.verifiedAt = at;
    }

    void setDefault(boolean value) {
        this.isDefault = value;
    }

    public Long id() { return id; }
    public Person person() { return person; }
    public String digest() { return digest; }
    public String cipher() { return cipher; }
    public String masked() { return masked; }
    public boolean isDefault() { return isDefault; }
    public Instant verifiedAt() { return verifiedAt; }
}
