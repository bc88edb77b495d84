package cn.etax.identity.authentication.domain;

/** The multi-step journeys a flow token ties together. */
public enum FlowKind {
    REGISTRATION, PERSON_LOGIN, PASSWORD_RESET, PHONE_RETRIEVAL, ACCOUNT_CHANGE,
    /** LOGIN-2: the person's login steps, then the choice of his identity in the taxpayer the flow remembers. */
    ENTERPRISE_LOGIN,
    /** PER-3: a face check that proves the confirmation of the grants the flow is bound to, and nothing else. */
    GRANT_CONFIRMATION,
    /**
     * LOGIN-6: the key of a tax digital certificate signs the flow's challenge, a tax staff identity of the
     * certificate's taxpayer is chosen, then that person's second factor (RULE-2FA).
     */
    CERTIFICATE_LOGIN,
    /**
     * LOGIN-3: an agent's login steps at the agency the flow remembers, then the choice of the client he enters
     * under one of the agency's mandates.
     */
    AGENT_LOGIN;

    /** The journeys that end in a logged-in session and share the second-factor steps. */
    public boolean isLogin() {
        return this == PERSON_LOGIN || this == ENTERPRISE_LOGIN || this == CERTIFICATE_LOGIN || this == AGENT_LOGIN;
    }

    /**
     * The journeys that start at a taxpayer (LOGIN-2, LOGIN-6; LOGIN-3 at the agency): logged in the enterprise
     * entry's log of that taxpayer.
     */
    public boolean isEnterprise() {
        return this == ENTERPRISE_LOGIN || this == CERTIFICATE_LOGIN || this == AGENT_LOGIN;
    }
}
