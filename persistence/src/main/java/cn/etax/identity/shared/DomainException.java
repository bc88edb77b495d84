package cn.etax.identity.shared;

import jakarta.ejb.ApplicationException;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Base of every business failure. Carries a stable code (for integrators), the bundle key of the user-facing
 * message and its arguments. Thrown across the EJB boundary as is, rolling the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class DomainException extends RuntimeException {

    private final String code;
    private final Serializable[] arguments;

    public DomainException(String code, Serializable... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** Stable, upper-case error code, e.g. {@code ID_NUMBER_INVALID}. */
    public String code() {
        return code;
    }

    /** Bundle key of the message: {@code error.} + the code in lower case. */
    public String messageKey() {
        return "error." + code.toLowerCase(java.util.Locale.ROOT);
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + Arrays.toString(arguments) + "]";
    }
}
