package cn.etax.identity.remote;

/**
 * A query the platform cannot answer as asked. {@link #code()} is the same stable code the REST API returns in
 * {@code {code, message}} (e.g. {@code TAXPAYER_NOT_FOUND}); the message is for logs, in English.
 */
public class IdentityQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public IdentityQueryException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
