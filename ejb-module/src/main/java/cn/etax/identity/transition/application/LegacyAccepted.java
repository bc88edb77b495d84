package cn.etax.identity.transition.application;

import cn.etax.identity.grant.application.StaffOption;

import java.io.Serializable;
import java.util.List;

/**
 * LOGIN-11: the old enterprise password passed — the flow, the taxpayer (name masked) and its staff identities to
 * choose from (选择法人、财务负责人或办税人员), as after a certificate.
 */
public record LegacyAccepted(String flowToken, String creditCode, String taxpayerName, List<StaffOption> staff)
        implements Serializable {

    public LegacyAccepted {
        staff = List.copyOf(staff);
    }
}
