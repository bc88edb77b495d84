package cn.etax.identity.authentication.domain;

public enum LoginOutcome {
    SUCCESS, FAILURE, LOCKED, LOGOUT
}
