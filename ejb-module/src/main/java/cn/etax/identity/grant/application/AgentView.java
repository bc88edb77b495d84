package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/**
 * One of an agency's agents (税务代理人员, ENT-8), masked (RULE-MASK): his identity in the agency, the state of that
 * grant today and the permissions that count — his own in the agency, or, seen by a client, those cut to the
 * client's mandate (AGT-4).
 */
public record AgentView(long grantId, String name, String idNumber, IdentityType identityType, GrantState state,
                        Set<Permission> permissions) implements Serializable {

    public AgentView {
        permissions = Set.copyOf(permissions);
    }
}
