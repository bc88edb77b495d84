package cn.etax.identity.connector.api;

/** No token of that name is present (a UKey not inserted, a label not configured). */
public class UnknownTokenException extends TokenException {

    public UnknownTokenException(String token) {
        super("no token named " + token);
    }
}
