package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The last step of every login page: the completed login becomes the session's caller, then the account center. */
final class AccountCenterEntry {

    private AccountCenterEntry() {
    }

    static void enter(Sessions sessions, AuthenticatedPerson person) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (sessions.login(FacesSupport.request(), (HttpServletResponse) external.getResponse(), person)) {
            try {
                external.redirect(external.getRequestContextPath() + "/account/profile.xhtml");
                faces.responseComplete();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
