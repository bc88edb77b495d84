package cn.etax.identity.integration.application;

import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.Grant;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.remote.ActingDecision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * May a person use a permission for a taxpayer today, judged from his grants in that taxpayer (oldest first): the
 * first active grant carrying the permission allows it; frozen, expired, pending and ended grants never do. Failing
 * that, as an agent (AGT-4): an agency whose mandate for the taxpayer is in force today, where he holds an active
 * grant, with what the agent entry lets him do there (the scope cut to his own permissions, and for other than the
 * agency's key personnel to what it assigned him for this client).
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

    /**
     * Own grants first; then the agent's way in, whose refusal is told only when he has no identity of his own
     * there (an own frozen grant or missing permission says more about him than an agency's mandate).
     */
    static ActingDecision decide(List<Grant> grantsInTaxpayer, List<AgencyMandate> mandatesOfTaxpayer,
                                 Function<Long, List<Grant>> grantsInAgency,
                                 BiFunction<AgencyMandate, Grant, Set<Permission>> agentPermissions,
                                 Permission permission, LocalDate today) {
        ActingDecision own = decide(grantsInTaxpayer, permission, today);
        if (own.allowed()) {
            return own;
        }
        Optional<ActingDecision> asAgent = decideAsAgent(mandatesOfTaxpayer, grantsInAgency, agentPermissions,
                permission, today);
        if (asAgent.map(ActingDecision::allowed).orElse(false)) {
            return asAgent.get();
        }
        return ActingDecision.NO_IDENTITY.equals(own.reason()) ? asAgent.orElse(own) : own;
    }

    /**
     * Empty when he is no agent for the taxpayer today (no mandate in force of an agency where he is active and may
     * do something for it: {@code agentPermissions}, the agency's key personnel the scope, others their assignment).
     */
    static Optional<ActingDecision> decideAsAgent(List<AgencyMandate> mandatesOfTaxpayer,
                                                  Function<Long, List<Grant>> grantsInAgency,
                                                  BiFunction<AgencyMandate, Grant, Set<Permission>> agentPermissions,
                                                  Permission permission, LocalDate today) {
        boolean agent = false;
        boolean frozen = false;
        for (AgencyMandate m : mandatesOfTaxpayer) {
            if (!m.isInForce(today)) {
                continue;
            }
            List<Grant> there = grantsInAgency.apply(m.agencyTaxpayerId());
            // the grant the agent entry would take: his effective one of the highest identity type
            Optional<Grant> agentGrant = there.stream().filter(g -> g.isEffective(today))
                    .min(Comparator.comparing(Grant::identityType).thenComparing(Grant::id));
            if (agentGrant.isEmpty()) {
                frozen |= there.stream().anyMatch(g -> g.state(today) == GrantState.FROZEN);
                continue;
            }
            Set<Permission> permissions = agentPermissions.apply(m, agentGrant.get());
            if (permissions.isEmpty()) {
                continue;
            }
            agent = true;
            if (permissions.contains(permission)) {
                return Optional.of(ActingDecision.allowedAsAgent(agentGrant.get().id(), m.id()));
            }
        }
        if (agent) {
            return Optional.of(ActingDecision.refused(ActingDecision.PERMISSION_NOT_GRANTED));
        }
        return frozen ? Optional.of(ActingDecision.refused(ActingDecision.IDENTITY_FROZEN)) : Optional.empty();
    }
}
