package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantParty;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A grant as integrators and pages see it: the holder masked (RULE-MASK), the state as of today. */
public record GrantView(long id, String holderName, String holderIdNumber, boolean holderRegistered,
                        IdentityType identityType, GrantState state, GrantParty initiator, Set<Permission> permissions,
                        LocalDate validUntil, List<Step> history) implements Serializable {

    /** One history row. */
    public record Step(GrantState from, GrantState to, GrantParty side, Instant at) implements Serializable {
    }

    static GrantView of(Grant g, LocalDate today) {
        return new GrantView(g.id(), g.holder().nameMasked(), g.holder().idMasked(), g.personId() != null,
                g.identityType(), g.state(today), g.initiator(), g.permissions(), g.validUntil(),
                g.history().stream().map(h -> new Step(h.fromState(), h.toState(), h.side(), h.occurredAt()))
                        .toList());
    }
}
