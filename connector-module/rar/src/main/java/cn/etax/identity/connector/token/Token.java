package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenException;

import java.util.List;

/** One token as a back end sees it. PIN counting happens above, in {@link Tokens}. */
public interface Token {

    String name();

    List<TokenCertificate> certificates() throws TokenException;

    /**
     * Logs in. Only one session of a token may be open at a time in this JVM (PKCS#11 login state is per token,
     * not per session), so this may wait for another connection to log out.
     *
     * @throws WrongPinException when the token refuses the PIN
     */
    TokenSession open(char[] pin) throws TokenException;

    /** @throws WrongPinException when the old PIN is wrong */
    void changePin(char[] oldPin, char[] newPin) throws TokenException;

    /** Thrown by back ends for a refused PIN; {@link Tokens} counts it and answers the caller. */
    final class WrongPinException extends TokenException {

        public WrongPinException(String token) {
            super("wrong PIN for token " + token);
        }
    }
}
