package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.util.Set;

/**
 * The session's current enterprise identity as {@link GrantAuthority} found it in the database at this call: the
 * caller's own grant, in force today. Pages and resources name the grant (from the server-side session); taxpayer,
 * identity type and permissions are never taken from them but from the grant.
 */
public record ActingIdentity(long personId, long grantId, long taxpayerId, String creditCode,
                             IdentityType identityType, Set<Permission> permissions) {

    public ActingIdentity {
        permissions = Set.copyOf(permissions);
    }

    /** Legal representative or finance officer: manages the staff and sees everything (ENT-1..ENT-5). */
    public boolean isManager() {
        return GrantAuthority.MANAGERS.contains(identityType);
    }

    EnterpriseActor asActor() {
        return new EnterpriseActor(personId, taxpayerId, creditCode, identityType);
    }
}
