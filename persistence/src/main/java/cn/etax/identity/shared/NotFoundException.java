package cn.etax.identity.shared;

import java.io.Serializable;

/** The thing asked for does not exist (or the caller may not know that it does): 404. */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
