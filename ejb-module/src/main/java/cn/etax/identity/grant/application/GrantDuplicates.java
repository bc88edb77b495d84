package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.ConflictException;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;

/**
 * ENT-2 / PER-2: one live grant per holder, taxpayer and identity type; an expired one no longer counts. Callers
 * hold the taxpayer's row lock, so two requests cannot both pass.
 */
final class GrantDuplicates {

    private GrantDuplicates() {
    }

    static void refuse(EntityManager em, long taxpayerId, String digest, IdentityType type, LocalDate today) {
        boolean exists = em.createNamedQuery(Grant.LIVE_OF_HOLDER_IN_TAXPAYER, Grant.class)
                .setParameter("taxpayer", taxpayerId).setParameter("digest", digest)
                .setParameter("states", Grant.LIVE).getResultStream()
                .anyMatch(g -> g.identityType() == type && g.state(today) != GrantState.EXPIRED);
        if (exists) {
            throw new ConflictException("GRANT_DUPLICATE");
        }
    }
}
