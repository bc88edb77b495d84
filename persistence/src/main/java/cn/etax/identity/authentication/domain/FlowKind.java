package cn.etax.identity.authentication.domain;

/** The multi-step journeys a flow token ties together. */
public enum FlowKind {
    REGISTRATION, PERSON_LOGIN, PASSWORD_RESET, PHONE_RETRIEVAL, ACCOUNT_CHANGE,
    /** LOGIN-2: the person's login steps, then the choice of his identity in the taxpayer the flow remembers. */
    ENTERPRISE_LOGIN,
    /** PER-3: a face check that proves the confirmation of the grants the flow is bound to, and nothing else. */
    GRANT_CONFIRMATION;

    /** The journeys that end in a logged-in session and share the password and second-factor steps. */
    public boolean isLogin() {
        return this == PERSON_LOGIN || this == ENTERPRISE_LOGIN;
    }
}
