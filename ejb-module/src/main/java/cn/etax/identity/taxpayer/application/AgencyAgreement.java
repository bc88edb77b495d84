package cn.etax.identity.taxpayer.application;

import cn.etax.identity.grant.domain.Permission;

import java.time.LocalDate;
import java.util.Set;

/**
 * API-3, ENT-8 "同步代理机构信息": an agency agreement filed with the tax office (代理协议备案) — the tax-agent
 * institution, its client, the scope and the period. It becomes a mandate waiting for the client's recognition.
 */
public record AgencyAgreement(String messageId, String agencyCreditCode, String clientCreditCode,
                              Set<Permission> scope, LocalDate validFrom, LocalDate validUntil) {
}
