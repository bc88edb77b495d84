package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantActor;
import cn.etax.identity.grant.domain.IdentityType;

/**
 * A person acting for a taxpayer as its legal representative or finance officer, as {@link GrantAuthority} found
 * him: the only kind of caller the enterprise side of grant management accepts.
 */
public record EnterpriseActor(long personId, long taxpayerId, String creditCode, IdentityType identityType) {

    public GrantActor asGrantActor() {
        return GrantActor.enterprise(personId);
    }
}
