package cn.etax.identity.account.application;

import cn.etax.identity.grant.domain.IdentityType;

/**
 * Enterprise fields the "eye" of ENT-1 can reveal, with the part of the page they belong to: tax officers and
 * invoicers see basic data and key personnel only, so investors are revealed to legal representatives and finance
 * officers alone. Key personnel's document numbers are kept masked only (never stored in clear) and have no eye.
 */
public enum EnterpriseField {
    TAXPAYER_NAME(false),
    BUSINESS_ADDRESS(false),
    LEGAL_REPRESENTATIVE_NAME(false),
    FINANCE_OFFICER_NAME(false),
    /** With the investor's id. */
    INVESTOR_NAME(true);

    private final boolean managersOnly;

    EnterpriseField(boolean managersOnly) {
        this.managersOnly = managersOnly;
    }

    public boolean managersOnly() {
        return managersOnly;
    }

    /** The field of a key person's name: the legal representative's, else the finance officer's. */
    public static EnterpriseField nameOf(IdentityType keyRole) {
        return keyRole == IdentityType.LEGAL_REPRESENTATIVE ? LEGAL_REPRESENTATIVE_NAME : FINANCE_OFFICER_NAME;
    }
}
