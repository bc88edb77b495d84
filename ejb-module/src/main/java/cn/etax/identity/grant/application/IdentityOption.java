package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/** One identity offered at the enterprise login: to choose (ACTIVE, FROZEN) or to confirm first (PENDING). */
public record IdentityOption(long grantId, IdentityType identityType, Set<Permission> permissions, GrantState state)
        implements Serializable {

    public IdentityOption {
        permissions = Set.copyOf(permissions);
    }
}
