package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.Permission;

import java.time.LocalDate;
import java.util.Set;

/** ENT-8: the mandate an agency files for a client — the client's credit code, the scope and the period. */
public record NewMandate(String clientCreditCode, Set<Permission> scope, LocalDate validFrom, LocalDate validUntil) {
}
