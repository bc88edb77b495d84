package cn.etax.identity.grant.domain;

/** Which side starts a grant or acts on it: the enterprise, the person, the system, or a tax office (线下). */
public enum GrantParty {
    ENTERPRISE,
    PERSON,
    /** The platform itself, e.g. on a registration or key-personnel change from the core tax system (REG-8). */
    SYSTEM,
    /** A clerk at a tax office (§8): offline grants cannot be withdrawn online (ENT-3). */
    TAX_OFFICE;

    /** System and tax office act with the tax authority's power: they end grants the account centers cannot. */
    public boolean isAuthority() {
        return this == SYSTEM || this == TAX_OFFICE;
    }
}
