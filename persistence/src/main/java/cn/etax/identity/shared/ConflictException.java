package cn.etax.identity.shared;

import java.io.Serializable;

/** The request raced another one or contradicts the current state: 409. */
public class ConflictException extends DomainException {

    public ConflictException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
