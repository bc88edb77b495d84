package cn.etax.identity.clerk.web;

import cn.etax.identity.clerk.application.ClerkLoginService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/** clerk/password.xhtml: the logged-in clerk changes his password (§8, RULE-PWD, RULE-LOCK). */
@Named
@ViewScoped
public class ClerkPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ClerkLoginService logins;

    @jakarta.inject.Inject
    cn.etax.identity.web.security.Sessions sessions;

    private String oldPassword;
    private String newPassword;
    private String confirmation;

    public void change() {
        try {
            sessions.clerkPasswordChanged(FacesSupport.request(),
                    logins.changePassword(oldPassword, newPassword, confirmation, FacesSupport.client()));
            FacesSupport.info("clerk.password.changed");
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            oldPassword = null;
            newPassword = null;
            confirmation = null;
        }
    }

    public String getOldPassword() { return oldPassword; }
    public void setOldPassword(String oldPassword) { this.oldPassword = oldPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
