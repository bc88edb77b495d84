package cn.etax.identity.connector.api;

/** The PIN was wrong; the attempt was counted. */
public class PinIncorrectException extends TokenException {

    private final int remainingAttempts;

    public PinIncorrectException(String token, int remainingAttempts) {
        super("wrong PIN for token " + token + ", " + remainingAttempts + " attempt(s) left");
        this.remainingAttempts = remainingAttempts;
    }

    public int remainingAttempts() {
        return remainingAttempts;
    }
}
