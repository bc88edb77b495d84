package cn.etax.identity.grant.domain;

import java.util.EnumSet;
import java.util.Set;

import static cn.etax.identity.grant.domain.Permission.CERTIFICATE_ISSUE;
import static cn.etax.identity.grant.domain.Permission.INVOICE_ISSUE;
import static cn.etax.identity.grant.domain.Permission.INVOICE_SELECTION;
import static cn.etax.identity.grant.domain.Permission.INVOICE_USE;
import static cn.etax.identity.grant.domain.Permission.PREFERENTIAL_TREATMENT;
import static cn.etax.identity.grant.domain.Permission.SOCIAL_INSURANCE_FEES;
import static cn.etax.identity.grant.domain.Permission.TAX_FILING_AND_PAYMENT;
import static cn.etax.identity.grant.domain.Permission.TAX_INFO_QUERY;
import static cn.etax.identity.grant.domain.Permission.TAX_QUERY;

/**
 * Named permission sets (权限身份, ENT-2: "全量办税") a manager picks when adding staff instead of ticking every box.
 * A template offers, for an identity type, only the permissions that type may hold; a template with nothing left for
 * a type is not offered to it.
 */
public enum PermissionTemplate {

    /** 全量办税: everything the identity type allows. */
    FULL(EnumSet.allOf(Permission.class)),
    /** 申报缴税: returns, payments, certificates, preferential treatment, social-insurance fees, queries. */
    DECLARATION(EnumSet.of(TAX_FILING_AND_PAYMENT, CERTIFICATE_ISSUE, PREFERENTIAL_TREATMENT,
            SOCIAL_INSURANCE_FEES, TAX_QUERY, TAX_INFO_QUERY)),
    /** 发票业务: invoices (use, issue, selection) and queries. */
    INVOICE(EnumSet.of(INVOICE_USE, INVOICE_ISSUE, INVOICE_SELECTION, TAX_QUERY)),
    /** 仅查询: queries only. */
    QUERY_ONLY(EnumSet.of(TAX_QUERY, TAX_INFO_QUERY));

    private final Set<Permission> permissions;

    PermissionTemplate(Set<Permission> permissions) {
        this.permissions = permissions;
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
}
