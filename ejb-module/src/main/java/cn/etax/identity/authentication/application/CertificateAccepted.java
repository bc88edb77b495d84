package cn.etax.identity.authentication.application;

import cn.etax.identity.grant.application.StaffOption;

import java.io.Serializable;
import java.util.List;

/**
 * LOGIN-6 step 2: the key signed the challenge and its certificate chains to a tax CA, is valid and not revoked. Whose
 * certificate it is (holder, serial, SM2 or RSA), the taxpayer it maps to (name masked) and the tax staff identities
 * to continue as ("选择办税人员"), for the flow {@code flowToken}.
 */
public record CertificateAccepted(String flowToken, String holder, String creditCode, String taxpayerName, String serialNumber,
                                  String algorithm, List<StaffOption> staff) implements Serializable {

    public CertificateAccepted {
        staff = List.copyOf(staff);
    }
}
