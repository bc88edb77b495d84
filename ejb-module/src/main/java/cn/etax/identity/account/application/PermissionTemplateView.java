package cn.etax.identity.account.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.grant.domain.PermissionTemplate;
import cn.etax.identity.grant.domain.SavedPermissionTemplate;

import java.io.Serializable;
import java.util.Set;

/**
 * ENT-2: a permission template (权限身份) as offered for one identity type — a fixed preset ({@code template} set,
 * {@code id} and {@code name} null) or one the enterprise saved ({@code id} and {@code name} set). {@code key} names
 * either kind uniquely: the preset's constant or {@code saved-<id>}.
 */
public record PermissionTemplateView(String key, boolean preset, PermissionTemplate template, Long id, String name,
                                     IdentityType identityType, Set<Permission> permissions) implements Serializable {

    public PermissionTemplateView {
        permissions = Set.copyOf(permissions);
    }

    static PermissionTemplateView of(PermissionTemplate t, IdentityType type) {
        return new PermissionTemplateView(t.name(), true, t, null, null, type, t.permissionsFor(type));
    }

    /** A saved template as stored, for no particular identity type ({@code identityType} null). */
    static PermissionTemplateView of(SavedPermissionTemplate t) {
        return new PermissionTemplateView("saved-" + t.id(), false, null, t.id(), t.name(), null, t.permissions());
    }

    static PermissionTemplateView of(SavedPermissionTemplate t, IdentityType type) {
        return new PermissionTemplateView("saved-" + t.id(), false, null, t.id(), t.name(), type,
                t.permissionsFor(type));
    }
}
