package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/**
 * LOGIN-2: the identity a person acts in after the enterprise login — which taxpayer (name masked, RULE-MASK), as
 * what, with which permissions — taken from the grant that was in force at that moment.
 */
public record EnterpriseIdentity(long grantId, long taxpayerId, String creditCode, String taxpayerName,
                                 IdentityType identityType, Set<Permission> permissions) implements Serializable {

    public EnterpriseIdentity {
        permissions = Set.copyOf(permissions);
    }
}
