package cn.etax.identity.grant.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * LOGIN-3: the identity an agent acts in after the agent entry — for which client (name masked, RULE-MASK), under
 * which mandate of which agency, and with which permissions: the mandate's scope cut to his own in the agency
 * (AGT-4), as they stood when he entered. Pages and resources name it from the server-side session; every call of
 * the agent account center checks it again ({@link AgentService#acting}).
 */
public record AgentIdentity(long mandateId, long agentGrantId, IdentityType agentType, long agencyTaxpayerId,
                            String agencyCreditCode, String agencyName, long clientTaxpayerId,
                            String clientCreditCode, String clientName, LocalDate validUntil,
                            Set<Permission> permissions) implements Serializable {

    public AgentIdentity {
        permissions = Set.copyOf(permissions);
    }
}
