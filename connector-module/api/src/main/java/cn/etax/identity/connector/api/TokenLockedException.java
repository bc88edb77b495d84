package cn.etax.identity.connector.api;

/** The token is locked after too many wrong PINs; it refuses every PIN until reset. */
public class TokenLockedException extends TokenException {

    public TokenLockedException(String token) {
        super("token " + token + " is locked after too many wrong PINs");
    }
}
