package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.util.Set;

/**
 * LOGIN-6: one tax staff identity of the certificate's taxpayer offered after the key signed — whose (masked, RULE-MASK),
 * as what, with which permissions; a frozen one is listed but refused when chosen.
 */
public record StaffOption(long grantId, String nameMasked, String idMasked, IdentityType identityType,
                          Set<Permission> permissions, GrantState state) implements Serializable {

    public StaffOption {
        permissions = Set.copyOf(permissions);
    }
}
