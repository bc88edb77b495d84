package cn.etax.identity.integration.remote;

import cn.etax.identity.integration.application.CurrentIdentityService;
import cn.etax.identity.remote.CurrentIdentity;
import cn.etax.identity.remote.CurrentIdentityLookup;
import cn.etax.identity.remote.IdentityQueryException;
import cn.etax.identity.remote.IdentityReference;
import cn.etax.identity.remote.Integrators;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;

/** Remote view of {@link CurrentIdentityService}; JNDI name {@link Integrators#CURRENT_IDENTITY_LOOKUP}. */
@Stateless
@Remote(CurrentIdentityLookup.class)
@DeclareRoles(Integrators.ROLE)
@RolesAllowed(Integrators.ROLE)
public class CurrentIdentityLookupBean implements CurrentIdentityLookup {

    @EJB
    CurrentIdentityService identities;

    @Override
    public CurrentIdentity lookup(IdentityReference reference) throws IdentityQueryException {
        return RemoteFailures.answer(() -> identities.lookup(reference));
    }
}
