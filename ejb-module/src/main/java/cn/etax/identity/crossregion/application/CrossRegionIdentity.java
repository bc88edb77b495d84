package cn.etax.identity.crossregion.application;

import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * LOGIN-4: the identity a person acts in after the special-subject entry — which cross-region subject of which
 * taxpayer (name masked), where, as its main identity or as the handler the report form names, and with which
 * permissions. There is no account center for it, only the switch between subjects. {@code grantId}: for the
 * main role the person's identity in the taxpayer (the way back to enterprise business), else null.
 */
public record CrossRegionIdentity(long subjectId, CrossRegionKind kind, String number, long taxpayerId,
                                  String creditCode, String taxpayerName, String region, String taxAuthority,
                                  CrossRegionRole role, Long grantId, LocalDate validUntil,
                                  Set<Permission> permissions)
        implements Serializable {

    public CrossRegionIdentity {
        permissions = Set.copyOf(permissions);
    }
}
