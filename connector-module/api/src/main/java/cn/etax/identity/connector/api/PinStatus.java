package cn.etax.identity.connector.api;

import java.io.Serializable;

/** The adapter's retry counter for one token. */
public record PinStatus(int remainingAttempts, int maxAttempts, boolean locked) implements Serializable {
}
