package cn.etax.identity.connector.api;

/** A token operation failed: unknown token or alias, token absent, not logged in, hardware error. */
public class TokenException extends Exception {

    public TokenException(String message) {
        super(message);
    }

    public TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
