package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.shared.ForbiddenException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The session's current enterprise identity (LOGIN-2, replaced by an identity switch, ENT-9) for the enterprise
 * account center's pages and resources: the one place in the web module that reads it. Whatever it answers is for
 * display and for naming the identity to the services; the services check it against the caller's own grant.
 */
@Named
@RequestScoped
public class CurrentEnterprise {

    @Inject
    Sessions sessions;

    @Inject
    HttpServletRequest request;

    @EJB
    AgencyMandateService mandates;

    private EnterpriseIdentity identity;
    private boolean read;
    private Boolean agency;

    /** Null after a natural-person login. */
    public EnterpriseIdentity identity() {
        if (!read) {
            AuthenticatedPerson person = sessions.current(request);
            identity = person == null ? null : person.enterprise();
            read = true;
        }
        return identity;
    }

    /** The identity, or {@code ENTERPRISE_LOGIN_REQUIRED} (403) for a session without one. */
    public EnterpriseIdentity require() {
        EnterpriseIdentity e = identity();
        if (e == null) {
            throw new ForbiddenException("ENTERPRISE_LOGIN_REQUIRED");
        }
        return e;
    }

    public boolean isPresent() {
        return identity() != null;
    }

    /**
     * ENT-8: the current taxpayer is a tax-agent institution — its managers see their clients and agents instead of
     * "我的代理机构". Asked once per request.
     */
    public boolean isAgency() {
        if (agency == null) {
            agency = isPresent() && mandates.isAgency(identity);
        }
        return agency;
    }

    /** Legal representative or finance officer: the pages offer staff management (the services decide again). */
    public boolean isManager() {
        return isPresent() && identity.identityType().isKeyPerson();
    }
}
