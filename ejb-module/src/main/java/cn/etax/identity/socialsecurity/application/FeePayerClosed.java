package cn.etax.identity.socialsecurity.application;

import java.time.Instant;

/** LOGIN-10: the fee collection system closed a fee payer at {@code at}; fired in the transaction that recorded it. */
public record FeePayerClosed(long accountId, Instant at) {
}
