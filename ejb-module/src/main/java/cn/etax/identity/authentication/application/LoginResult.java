package cn.etax.identity.authentication.application;

import java.io.Serializable;

/**
 * The outcome of a completed second factor. {@code LOGGED_IN} carries the person; the other states keep the flow
 * open for one more step: sign the agreements (RULE-AGREE), or replace the initial password and log in again.
 */
public record LoginResult(Status status, AuthenticatedPerson person) implements Serializable {

    public enum Status { LOGGED_IN, AGREEMENTS_REQUIRED, PASSWORD_CHANGE_REQUIRED, RELOGIN_REQUIRED }

    public static LoginResult pending(Status status) {
        return new LoginResult(status, null);
    }
}
