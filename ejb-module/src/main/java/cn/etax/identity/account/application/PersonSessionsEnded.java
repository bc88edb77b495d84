package cn.etax.identity.account.application;

import java.time.Instant;

/**
 * A person's sessions opened up to {@code at} end at their next request: his password was changed or reset (ASVS
 * 3.3.3), so a copied cookie or a forgotten browser is worth nothing afterwards. Fired in the changing transaction,
 * observed once it committed.
 */
public record PersonSessionsEnded(long personId, Instant at) {
}
