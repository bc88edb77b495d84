package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.taxpayer.domain.Taxpayer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A grant as its holder sees it in the personal account center (PER-3..PER-5): the enterprise, his role, the state today. */
public record AuthorisationView(long id, String creditCode, String taxpayerName, String provinceCode,
                                String provinceName, IdentityType identityType, GrantState state,
                                GrantParty initiator, Set<Permission> permissions, LocalDate validUntil,
                                Instant changedAt, Instant syncedAt) implements java.io.Serializable {

    static AuthorisationView of(Grant g, Taxpayer t, LocalDate today) {
        return new AuthorisationView(g.id(), t.creditCode().value(), t.name(), t.region().provinceCode(),
                t.region().provinceName(), g.identityType(), g.state(today), g.initiator(), g.permissions(),
                g.validUntil(), g.changedAt(), g.syncedAt());
    }
}
