package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.MandateSide;
import cn.etax.identity.grant.domain.MandateState;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.taxpayer.domain.Taxpayer;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * An agency mandate (ENT-8) as both sides see it: the two taxpayers (names masked, RULE-MASK), scope, period, the
 * state as of today, whether the agency's agents may act under it today, and whether the core tax system synchronised
 * it ({@code synced}: 同步代理机构信息) rather than the agency filing it online.
 */
public record MandateView(long id, String agencyCreditCode, String agencyName, String clientCreditCode,
                          String clientName, Set<Permission> scope, LocalDate validFrom, LocalDate validUntil,
                          MandateState state, boolean inForce, Instant filedAt, Instant changedAt,
                          MandateSide changedSide, boolean synced) implements Serializable {

    public MandateView {
        scope = Set.copyOf(scope);
    }

    static MandateView of(AgencyMandate m, Taxpayer agency, Taxpayer client, LocalDate today) {
        return new MandateView(m.id(), agency.creditCode().value(), Masking.enterpriseName(agency.name()),
                client.creditCode().value(), Masking.enterpriseName(client.name()), m.scope(), m.validFrom(),
                m.validUntil(), m.state(today), m.isInForce(today), m.filedAt(), m.changedAt(), m.changedSide(),
                m.filedBy() == null);
    }
}
