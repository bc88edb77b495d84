package cn.etax.identity.grant.infrastructure;

import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.IdType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One relationship as the core tax system needs it: the taxpayer, the person's document (the full number: the core
 * system identifies people by it; never logged), the identity type, permissions, state and validity.
 */
public record RelationshipRecord(long grantId, String creditCode, String holderName, String holderNameMasked,
                                 IdType idType, String idNumber, String idNumberMasked, IdentityType identityType,
                                 Set<Permission> permissions, GrantState state, LocalDate validUntil,
                                 Instant pushedAt) {

    public RelationshipRecord {
        permissions = Set.copyOf(permissions);
    }

    @Override
    public String toString() {
        return "RelationshipRecord[grant " + grantId + ", " + identityType + " of " + creditCode + ", " + state + "]";
    }
}
