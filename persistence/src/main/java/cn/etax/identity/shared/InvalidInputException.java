package cn.etax.identity.shared;

import java.io.Serializable;

/** Input that breaks a format or rule: 400 on REST, a field message on a page. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
