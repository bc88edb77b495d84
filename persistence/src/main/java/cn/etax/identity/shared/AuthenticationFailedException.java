package cn.etax.identity.shared;

import java.io.Serializable;

/** A credential, code or check did not match: 401 on REST. */
public class AuthenticationFailedException extends DomainException {

    public AuthenticationFailedException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
