package cn.etax.identity.authentication.domain;

/** The multi-step journeys a flow token ties together. */
public enum FlowKind {
    REGISTRATION, PERSON_LOGIN, PASSWORD_RESET, PHONE_RETRIEVAL, ACCOUNT_CHANGE
}
