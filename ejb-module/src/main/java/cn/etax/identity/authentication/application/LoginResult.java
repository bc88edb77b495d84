package cn.etax.identity.authentication.application;

import cn.etax.identity.grant.application.IdentityOption;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a completed second factor. {@code LOGGED_IN} carries the person; the other states keep the flow
 * open for one more step: sign the agreements (RULE-AGREE), replace the initial password and log in again, or —
 * at the enterprise entry (LOGIN-2) — choose one of {@code options} or confirm an offered one. Confirming needs its
 * own QR face check ({@code faceCheckRequired}) unless the second factor already was one.
 */
public record LoginResult(Status status, AuthenticatedPerson person, List<IdentityOption> options,
                          boolean faceCheckRequired) implements Serializable {

    public enum Status {
        LOGGED_IN, AGREEMENTS_REQUIRED, PASSWORD_CHANGE_REQUIRED, RELOGIN_REQUIRED, CHOOSE_IDENTITY, CONFIRM_PENDING
    }

    public LoginResult {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public LoginResult(Status status, AuthenticatedPerson person, List<IdentityOption> options) {
        this(status, person, options, false);
    }

    public LoginResult(Status status, AuthenticatedPerson person) {
        this(status, person, null);
    }

    public static LoginResult pending(Status status) {
        return new LoginResult(status, null);
    }
}
