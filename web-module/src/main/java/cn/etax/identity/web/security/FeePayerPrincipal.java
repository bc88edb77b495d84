package cn.etax.identity.web.security;

import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a social-security fee session (LOGIN-10): {@code fee-payer:<id>}, never readable as a person id. */
public class FeePayerPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    public FeePayerPrincipal(AuthenticatedFeePayer payer) {
        super("fee-payer:" + payer.accountId());
    }
}
