package cn.etax.identity.authentication.application;

import cn.etax.identity.crossregion.application.SubjectOption;
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
                          boolean faceCheckRequired, List<ClientOption> clients, List<SubjectOption> subjects)
        implements Serializable {

    /**
     * {@code CHOOSE_CLIENT}: at the agent entry (LOGIN-3), the clients of {@code clients} to enter one of;
     * {@code CHOOSE_SUBJECT}: at the special-subject entry (LOGIN-4), the cross-region subjects of {@code subjects}.
     */
    public enum Status {
        LOGGED_IN, AGREEMENTS_REQUIRED, PASSWORD_CHANGE_REQUIRED, RELOGIN_REQUIRED, CHOOSE_IDENTITY, CONFIRM_PENDING,
        CHOOSE_CLIENT, CHOOSE_SUBJECT
    }

    public LoginResult {
        options = options == null ? List.of() : List.copyOf(options);
        clients = clients == null ? List.of() : List.copyOf(clients);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public LoginResult(Status status, AuthenticatedPerson person, List<IdentityOption> options,
                       boolean faceCheckRequired) {
        this(status, person, options, faceCheckRequired, null, null);
    }

    /** LOGIN-3: the agent chooses the client to enter. */
    public static LoginResult chooseClient(List<ClientOption> clients) {
        return new LoginResult(Status.CHOOSE_CLIENT, null, null, false, clients, null);
    }

    /** LOGIN-4: the person chooses the cross-region subject to enter (报验信息 / 跨区税源登记信息查询). */
    public static LoginResult chooseSubject(List<SubjectOption> subjects) {
        return new LoginResult(Status.CHOOSE_SUBJECT, null, null, false, null, subjects);
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
