package cn.etax.identity.identity.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/**
 * ENT-1 / ENT-9: one of the person's identities as the header's quick switch and the account center list them.
 * {@code kind} PERSONAL has no taxpayer; {@code current} marks the identity the session acts in (shown bold);
 * {@code switchable} says whether a switch to it is offered now (it is still checked again when asked for).
 */
public record SwitchableIdentity(SwitchTarget.Kind kind, Long grantId, Long taxpayerId, String creditCode,
                                 String taxpayerName, IdentityType identityType, Set<Permission> permissions,
                                 GrantState state, boolean current, boolean switchable) implements Serializable {

    public SwitchableIdentity {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /** The target a switch to this identity names. */
    public SwitchTarget target() {
        return kind == SwitchTarget.Kind.PERSONAL ? new SwitchTarget.Personal() : new SwitchTarget.Enterprise(grantId);
    }
}
