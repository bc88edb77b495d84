package cn.etax.identity.shared;

import java.io.Serializable;

/** The account is locked for the rest of the business day: 423 on REST. */
public class AccountLockedException extends DomainException {

    public AccountLockedException(String code, Serializable... arguments) {
        super(code, arguments);
    }
}
