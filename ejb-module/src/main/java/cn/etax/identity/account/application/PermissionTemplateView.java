package cn.etax.identity.account.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.grant.domain.PermissionTemplate;

import java.io.Serializable;
import java.util.Set;

/** ENT-2: a permission template (权限身份) as offered for one identity type. */
public record PermissionTemplateView(PermissionTemplate template, IdentityType identityType,
                                     Set<Permission> permissions) implements Serializable {

    public PermissionTemplateView {
        permissions = Set.copyOf(permissions);
    }
}
