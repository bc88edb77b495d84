package cn.etax.identity.clerk.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.web.SliderState;
import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.application.ClerkLoginService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;

/** The clerk login page (§8): username, password and slider, then the console. */
@Named
@ViewScoped
public class ClerkLoginBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClerkLoginService logins;

    @EJB
    HumanCheckService humanCheck;

    @Inject
    Sessions sessions;

    private String username;
    private String password;
    /** Issued when the login form first shows it (the console pages use this bean only for the bar). */
    private final SliderState slider = new SliderState();

    public String login() {
        try {
            AuthenticatedClerk clerk = logins.login(username, password, slider.token(), slider.getValue(),
                    FacesSupport.client());
            HttpServletResponse response = (HttpServletResponse) FacesContext.getCurrentInstance()
                    .getExternalContext().getResponse();
            sessions.clerkLogin(FacesSupport.request(), response, clerk);
            return "/clerk/index?faces-redirect=true";
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
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

    public SliderState getSlider() {
        if (slider.token() == null) {
            slider.renew(humanCheck);
        }
        return slider;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
