package cn.etax.identity.account.application;

import java.time.Instant;

/** REG-7: a person deregistered at {@code at}; fired in the deregistering transaction. */
public record PersonDeregistered(long personId, Instant at) {
}
