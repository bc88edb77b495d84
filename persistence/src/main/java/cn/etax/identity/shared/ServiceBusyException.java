package cn.etax.identity.shared;

import java.io.Serializable;

/** An outside service is down or too slow; nothing was changed: 503. */
public class ServiceBusyException extends DomainException {

    public ServiceBusyException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
