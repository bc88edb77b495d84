package cn.etax.identity.shared;

import java.io.Serializable;

/** A quota such as the SMS limit was reached: 429 on REST. */
public class RateLimitedException extends DomainException {

    public RateLimitedException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
