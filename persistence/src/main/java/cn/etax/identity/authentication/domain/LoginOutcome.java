package cn.etax.identity.authentication.domain;

public enum LoginOutcome {
    SUCCESS, FAILURE, LOCKED, LOGOUT,
    /** ENT-9: the session changed to another identity without a new login. */
    SWITCH
}
