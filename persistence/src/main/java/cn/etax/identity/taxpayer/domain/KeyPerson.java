package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.IdType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * One of the taxpayer's key personnel (法定代表人, 财务负责人) as the tax registration names him: name, document
 * (keyed digest and masked number, never the number itself) and since when the core tax system says he holds the
 * role, which orders key-personnel changes that arrive out of order.
 */
@Embeddable
public class KeyPerson {

    @Column(name = "name", length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", length = 40)
    private IdType idType;

    @Column(name = "id_digest", length = 64)
    private String idDigest;

    @Column(name = "id_masked", length = 40)
    private String idMasked;

    @Column(name = "since")
    private Instant since;

    protected KeyPerson() {
    }

    public KeyPerson(String name, IdType idType, String idDigest, String idMasked, Instant since) {
        this.name = name;
        this.idType = idType;
        this.idDigest = idDigest;
        this.idMasked = idMasked;
        this.since = since;
    }

    /** EclipseLink reads an embeddable whose columns are all null as an empty instance. */
    public boolean isPresent() {
        return idDigest != null;
    }

    public boolean samePersonAs(KeyPerson other) {
        return other != null && idDigest != null && idDigest.equals(other.idDigest);
    }

    public String name() { return name; }
    public IdType idType() { return idType; }
    public String idDigest() { return idDigest; }
    public String idMasked() { return idMasked; }
    public Instant since() { return since; }
}
