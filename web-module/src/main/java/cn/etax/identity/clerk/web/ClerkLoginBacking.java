package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.application.ClerkLoginService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/** The clerk login page (§8): username and password, then the console. */
@Named
@RequestScoped
public class ClerkLoginBacking {

    @EJB
    ClerkLoginService logins;

    @Inject
    Sessions sessions;

    private String username;
    private String password;

    public String login() {
        try {
            AuthenticatedClerk clerk = logins.login(username, password, FacesSupport.client());
            HttpServletResponse response = (HttpServletResponse) FacesContext.getCurrentInstance()
                    .getExternalContext().getResponse();
            sessions.clerkLogin(FacesSupport.request(), response, clerk);
            return "/clerk/index?faces-redirect=true";
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        } finally {
            password = null;
        }
    }

    /** The console's logout: recorded, session ended, back to the clerk login page. */
    public String logout() {
        AuthenticatedClerk clerk = sessions.currentClerk(FacesSupport.request());
        if (clerk != null) {
            logins.loggedOut(clerk, FacesSupport.client());
        }
        sessions.logout(FacesSupport.request());
        return "/clerk/login?faces-redirect=true";
    }

    public AuthenticatedClerk getClerk() {
        return sessions.currentClerk(FacesSupport.request());
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
