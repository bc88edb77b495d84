package cn.etax.identity.grant.domain;

import cn.etax.identity.shared.IdType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The person a grant is for, as the grant knows him before and after he registers: masked name and number for
 * display, the keyed digest of his document to find him (the same digest a registered person carries).
 */
@Embeddable
public class GrantHolder {

    @Column(name = "holder_name_masked", length = 100, nullable = false)
    private String nameMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_id_type", length = 40, nullable = false)
    private IdType idType;

    @Column(name = "holder_digest", length = 64, nullable = false)
    private String digest;

    @Column(name = "holder_id_masked", length = 40, nullable = false)
    private String idMasked;

    protected GrantHolder() {
    }

    public GrantHolder(String nameMasked, IdType idType, String digest, String idMasked) {
        if (nameMasked == null || idType == null || digest == null || idMasked == null) {
            throw new IllegalArgumentException("holder incomplete");
        }
        this.nameMasked = nameMasked;
        this.idType = idType;
        this.digest = digest;
        this.idMasked = idMasked;
    }

    public String nameMasked() { return nameMasked; }
    public IdType idType() { return idType; }
    public String digest() { return digest; }
    public String idMasked() { return idMasked; }
}
