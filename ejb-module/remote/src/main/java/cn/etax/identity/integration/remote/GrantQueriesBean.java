package cn.etax.identity.integration.remote;

import cn.etax.identity.integration.application.GrantQueryService;
import cn.etax.identity.remote.ActingDecision;
import cn.etax.identity.remote.AuthorisedEnterprise;
import cn.etax.identity.remote.GrantQueries;
import cn.etax.identity.remote.IdentityQueryException;
import cn.etax.identity.remote.Integrators;
import cn.etax.identity.remote.StaffMember;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;

import java.util.ArrayList;
import java.util.List;

/** Remote view of {@link GrantQueryService}; JNDI name {@link Integrators#GRANT_QUERIES}. */
@Stateless
@Remote(GrantQueries.class)
@DeclareRoles(Integrators.ROLE)
@RolesAllowed(Integrators.ROLE)
public class GrantQueriesBean implements GrantQueries {

    @EJB
    GrantQueryService queries;

    @Override
    public List<StaffMember> activeStaff(String creditCode) throws IdentityQueryException {
        return RemoteFailures.answer(() -> new ArrayList<>(queries.activeStaff(creditCode)));
    }

    @Override
    public List<AuthorisedEnterprise> authorisedEnterprises(long personId) throws IdentityQueryException {
        return RemoteFailures.answer(() -> new ArrayList<>(queries.authorisedEnterprises(personId)));
    }

    @Override
    public ActingDecision mayAct(long personId, String creditCode, String permission) throws IdentityQueryException {
        return RemoteFailures.answer(() -> queries.mayAct(personId, creditCode, permission));
    }
}
