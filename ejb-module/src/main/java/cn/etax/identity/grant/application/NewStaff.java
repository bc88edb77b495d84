package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.IdType;

import java.time.LocalDate;
import java.util.Set;

/** ENT-2: the person to add (name and document of a registered person), his identity type, permissions, validity. */
public record NewStaff(String name, IdType idType, String idNumber, IdentityType identityType,
                       Set<Permission> permissions, LocalDate validUntil) {
}
