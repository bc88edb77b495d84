package cn.etax.identity.web.security;

import cn.etax.identity.clerk.application.AuthenticatedClerk;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a clerk console session: {@code clerk:<id>}, never readable as a person id. */
public class ClerkPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    public ClerkPrincipal(AuthenticatedClerk clerk) {
        super(clerk.principalName());
    }
}
