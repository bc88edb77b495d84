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
    CERTIFICATE_LOGIN;

    /** The journeys that end in a logged-in session and share the second-factor steps. */
    public boolean isLogin() {
        return this == PERSON_LOGIN || this == ENTERPRISE_LOGIN || this == CERTIFICATE_LOGIN;
    }

    /** The journeys that end in an enterprise identity (LOGIN-2, LOGIN-6): logged in the enterprise entry's log. */
    public boolean isEnterprise() {
        return this == ENTERPRISE_LOGIN || this == CERTIFICATE_LOGIN;
    }
}
