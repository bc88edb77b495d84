package cn.etax.identity.account.domain;

import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
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

import java.time.Instant;
import java.time.LocalDate;

/**
 * PER-7: an identity document a person added to the account (个人证件管理) after a QR face check, besides the one he
 * registered with. Kept as the person's own number is: a keyed digest for look-ups, cipher text, the masked form.
 */
@Entity
@Table(name = "person_document")
@NamedQuery(name = PersonDocument.OF_PERSON,
        query = "select d from PersonDocument d where d.personId = :person order by d.addedAt, d.id")
@NamedQuery(name = PersonDocument.BY_DIGEST, query = "select d from PersonDocument d where d.digest = :digest")
public class PersonDocument {

    public static final String OF_PERSON = "PersonDocument.ofPerson";
    public static final String BY_DIGEST = "PersonDocument.byDigest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_document_seq")
    @SequenceGenerator(name = "person_document_seq", sequenceName = "person_document_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", length = 40, nullable = false)
    private IdType idType;

    @Column(name = "doc_digest", length = 64, nullable = false, unique = true)
    private String digest;

    @Column(name = "doc_cipher", length = 200, nullable = false)
    private String cipher;

    @Column(name = "doc_masked", length = 40, nullable = false)
    private String masked;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    /** Null: long-term (长期). */
    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected PersonDocument() {
    }

    /**
     * A document with its validity (证件有效期起止): it has begun by {@code today} and not ended before it; a null
     * {@code validUntil} is long-term. Only the seven types that register online can be added online.
     */
    public static PersonDocument added(long personId, IdType type, ProtectedValue number, LocalDate validFrom,
                                       LocalDate validUntil, LocalDate today, Instant at) {
        checkAddable(type, validFrom, validUntil, today);
        PersonDocument d = new PersonDocument();
        d.personId = personId;
        d.idType = type;
        d.digest = number.digest();
        d.cipher = number.cipher();
        d.masked = number.masked();
        d.validFrom = validFrom;
        d.validUntil = validUntil;
        d.addedAt = at;
        return d;
    }

    /** The checks of {@link #added} that need no database, for the step before the face check. */
    public static void checkAddable(IdType type, LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        if (type == null || !type.registersOnline()) {
            throw new InvalidInputException("DOCUMENT_TYPE_NOT_ONLINE");
        }
        if (validFrom == null || validFrom.isAfter(today) || validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new InvalidInputException("DOCUMENT_VALIDITY_INVALID");
        }
        if (validUntil != null && validUntil.isBefore(today)) {
            throw new InvalidInputException("DOCUMENT_EXPIRED");
        }
    }

    public Long id() { return id; }
    public long personId() { return personId; }
    public IdType idType() { return idType; }
    public String digest() { return digest; }
    public String cipher() { return cipher; }
    public String masked() { return masked; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public Instant addedAt() { return addedAt; }
}
