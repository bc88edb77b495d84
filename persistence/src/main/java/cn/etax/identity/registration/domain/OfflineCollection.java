package cn.etax.identity.registration.domain;

import cn.etax.identity.shared.IdType;
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
import java.util.Objects;

/**
 * A real-name collection done at a tax office (线下实名采集): it lets the four offline-only document types register
 * online (REG-3) and spares the face check when the registrant uses the collected phone (REG-2).
 */
@Entity
@Table(name = "offline_collection")
@NamedQuery(name = OfflineCollection.BY_DOCUMENT,
        query = "select c from OfflineCollection c where c.idDigest = :digest")
public class OfflineCollection {

    public static final String BY_DOCUMENT = "OfflineCollection.byDocument";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offline_collection_seq")
    @SequenceGenerator(name = "offline_collection_seq", sequenceName = "offline_collection_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", length = 40, nullable = false)
    private IdType idType;

    @Column(name = "id_digest", length = 64, nullable = false, unique = true)
    private String idDigest;

    @Column(name = "phone_digest", length = 64)
    private String phoneDigest;

    @Column(name = "nationality", length = 3)
    private String nationality;

    @Column(name = "tax_office", length = 100, nullable = false)
    private String taxOffice;

    @Column(name = "collected_at", nullable = false)
    private Instant collectedAt;

    protected OfflineCollection() {
    }

    public OfflineCollection(String name, IdType idType, String idDigest, String phoneDigest, String nationality,
                             String taxOffice, Instant collectedAt) {
        this.name = name;
        this.idType = idType;
        this.idDigest = idDigest;
        this.phoneDigest = phoneDigest;
        this.nationality = nationality;
        this.taxOffice = taxOffice;
        this.collectedAt = collectedAt;
    }

    /** What a collection message did to the record of its document (API-3, §8). */
    public enum Outcome {
        /** First collection of the document, or a later one that changed what was collected. */
        APPLIED,
        /** The same collection again (or a later one collecting the same): nothing changed. */
        UNCHANGED,
        /** Older than the collection on record: ignored. */
        STALE
    }

    /**
     * A new collection of the same document (at a counter, or from the core tax system): one as late or later
     * replaces what was collected, an older one changes nothing; the same content again is UNCHANGED either way.
     */
    public Outcome recollect(String newName, String newPhoneDigest, String newNationality, String newTaxOffice,
                             Instant at) {
        boolean same = name.equals(newName) && Objects.equals(phoneDigest, newPhoneDigest)
                && Objects.equals(nationality, newNationality);
        if (at.isBefore(collectedAt)) {
            return same ? Outcome.UNCHANGED : Outcome.STALE;
        }
        if (same) {
            return Outcome.UNCHANGED;
        }
        name = newName;
        phoneDigest = newPhoneDigest;
        nationality = newNationality;
        taxOffice = newTaxOffice;
        collectedAt = at;
        return Outcome.APPLIED;
    }

    public boolean matchesName(String candidate) {
        return name.equals(candidate == null ? null : candidate.strip());
    }

    public boolean collectedPhone(String digest) {
        return phoneDigest != null && phoneDigest.equals(digest);
    }

    public Long id() { return id; }
    public String name() { return name; }
    public IdType idType() { return idType; }
    public String nationality() { return nationality; }
    public String taxOffice() { return taxOffice; }
    public Instant collectedAt() { return collectedAt; }
}
