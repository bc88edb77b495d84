package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.LogoutService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The header's logout link: records the logout, ends the session, back to the portal. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    Sessions sessions;

    @EJB
    LogoutService logouts;

    public String logout() {
        AuthenticatedPerson person = sessions.current(FacesSupport.request());
        if (person != null) {
            logouts.loggedOut(person.personId(), FacesSupport.client());
        }
        sessions.logout(FacesSupport.request());
        return "/index?faces-redirect=true";
    }
}
