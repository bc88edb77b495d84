package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/**
 * 代理人员权限 (AGT-4), the agency's side: one of its agents for one client — masked as everywhere (RULE-MASK), his
 * identity and state in the agency, what may be assigned to him for this client (the mandate's scope within his own
 * permissions) and what is ({@code assigned}; empty: he does not act for this client). The agency's key personnel
 * act for every client without one and are not listed.
 */
public record AgentAssignmentView(long grantId, String name, String idNumber, IdentityType identityType,
                                  GrantState state, Set<Permission> assignable, Set<Permission> assigned)
        implements Serializable {

    public AgentAssignmentView {
        assignable = Set.copyOf(assignable);
        assigned = Set.copyOf(assigned);
    }
}
