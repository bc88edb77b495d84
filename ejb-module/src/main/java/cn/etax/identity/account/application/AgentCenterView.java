package cn.etax.identity.account.application;

import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The agent account center (代理企业账户中心): the client's masked basic data and key personnel (AGT-1), the agent's
 * real-name state and current identity, and his permissions in the client (AGT-2) — the mandate's scope cut to his
 * own in the agency, as they stand today.
 */
public record AgentCenterView(EnterpriseInfoView.Basic client, List<EnterpriseInfoView.KeyPersonView> keyPersonnel,
                              Agent agent, Mandate mandate) implements Serializable {

    /** 代理人员实名状态 and 当前人员身份: who he is, for which agency, in which identity there. */
    public record Agent(String nameMasked, int realNameLevel, String agencyCreditCode, String agencyName,
                        IdentityType identityInAgency) implements Serializable {

        /** Real-name verified (已实名核验): level 3 or above. */
        public boolean realNameVerified() {
            return realNameLevel >= 3;
        }
    }

    /** 人员权限: the mandate he acts under and what he may do in the client. */
    public record Mandate(long mandateId, Set<Permission> scope, LocalDate validFrom, LocalDate validUntil,
                          Set<Permission> permissions) implements Serializable {

        public Mandate {
            scope = Set.copyOf(scope);
            permissions = Set.copyOf(permissions);
        }
    }
}
