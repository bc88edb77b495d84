package cn.etax.identity.authentication.application;

import cn.etax.identity.grant.application.ClientOption;
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
                          boolean faceCheckRequired, List<ClientOption> clients) implements Serializable {

    /** {@code CHOOSE_CLIENT}: at the agent entry (LOGIN-3), the clients of {@code clients} to enter one of. */
    public enum Status {
        LOGGED_IN, AGREEMENTS_REQUIRED, PASSWORD_CHANGE_REQUIRED, RELOGIN_REQUIRED, CHOOSE_IDENTITY, CONFIRM_PENDING,
        CHOOSE_CLIENT
    }

    public LoginResult {
        options = options == null ? List.of() : List.copyOf(options);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public LoginResult(Status status, AuthenticatedPerson person, List<IdentityOption> options,
                       boolean faceCheckRequired) {
        this(status, person, options, faceCheckRequired, null);
    }

    /** LOGIN-3: the agent chooses the client to enter. */
    public static LoginResult chooseClient(List<ClientOption> clients) {
        return new LoginResult(Status.CHOOSE_CLIENT, null, null, false, clients);
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
