package cn.etax.identity.integration.application;

import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.remote.ActingDecision;

import java.time.LocalDate;
import java.util.List;

/**
 * May a person use a permission for a taxpayer today, judged from his grants in that taxpayer (oldest first): the
 * first active grant carrying the permission allows it; frozen, expired, pending and ended grants never do.
 */
final class ActingPolicy {

    private ActingPolicy() {
    }

    static ActingDecision decide(List<Grant> grantsInTaxpayer, Permission permission, LocalDate today) {
        List<Grant> active = grantsInTaxpayer.stream().filter(g -> g.state(today) == GrantState.ACTIVE).toList();
        if (active.isEmpty()) {
            boolean frozen = grantsInTaxpayer.stream().anyMatch(g -> g.state(today) == GrantState.FROZEN);
            return ActingDecision.refused(frozen ? ActingDecision.IDENTITY_FROZEN : ActingDecision.NO_IDENTITY);
        }
        return active.stream().filter(g -> g.permissions().contains(permission)).findFirst()
                .map(g -> ActingDecision.allowedBy(g.identityType().name(), g.id()))
                .orElseGet(() -> ActingDecision.refused(ActingDecision.PERMISSION_NOT_GRANTED));
    }
}
