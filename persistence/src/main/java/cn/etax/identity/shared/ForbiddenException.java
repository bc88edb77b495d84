package cn.etax.identity.shared;

import java.io.Serializable;

/** The caller may not do this: 403 on REST, audited by the service that refuses. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
