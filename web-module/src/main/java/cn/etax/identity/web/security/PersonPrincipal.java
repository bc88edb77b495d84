package cn.etax.identity.web.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a logged-in session: its name is the person id, which the EJB services read back. */
public class PersonPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    public PersonPrincipal(long personId) {
        super(Long.toString(personId));
    }
}
