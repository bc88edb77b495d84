package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;

/** ENT-5 history filter: identity type (null = all) and a fragment of the holder's name (null = all). */
public record StaffFilter(IdentityType identityType, String name) {

    public static final StaffFilter ALL = new StaffFilter(null, null);
}
