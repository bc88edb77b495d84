package cn.etax.identity.authentication.web;

import cn.etax.identity.grant.application.IdentityOption;
import cn.etax.identity.grant.domain.IdentityType;

import java.util.Collection;

/**
 * LOGIN-2's question before an offered identity is confirmed, in the seeds' words for the role offered:
 * "是否确认成为该企业的财务负责人" or "是否确认成为该企业的办税员（开票员）" (seed 000); offers of both kinds at once get
 * the combined question.
 */
public final class ConfirmQuestion {

    private ConfirmQuestion() {
    }

    /** The bundle key of the question for these offers. */
    public static String key(Collection<IdentityOption> offers) {
        boolean finance = offers.stream().anyMatch(o -> o.identityType() == IdentityType.FINANCE_OFFICER);
        boolean staff = offers.stream().anyMatch(o -> o.identityType() != IdentityType.FINANCE_OFFICER);
        if (finance && !staff) {
            return "login.enterprise.confirmQuestion.finance";
        }
        return staff && !finance ? "login.enterprise.confirmQuestion.staff" : "login.enterprise.confirmQuestion";
    }
}
