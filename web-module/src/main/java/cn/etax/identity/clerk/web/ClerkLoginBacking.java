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

/**
 * The clerk login page (§8): username, password and slider, then the code to his phone (RULE-2FA), then the console
 * — or, for an account whose password the administration set, first his own password and a new login.
 */
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
    /** After the password: the code step's flow, the phone it goes to, the code typed (RULE-2FA). */
    private String flowToken;
    private String phoneMasked;
    private String smsCode;
    /** After the code, when his password is one the administration set: the step that replaces it. */
    private String passwordChangeFlow;
    private String newPassword;
    private String confirmation;

    /** Step 1: username, password, slider; then the code step. */
    public void login() {
        try {
            ClerkLoginService.PasswordStep step = logins.login(username, password, slider.token(), slider.getValue(),
                    FacesSupport.client());
            flowToken = step.flowToken();
            phoneMasked = step.phoneMasked();
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    public void sendCode() {
        try {
            logins.sendCode(flowToken);
            FacesSupport.info("login.sms.sent", phoneMasked);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** Step 2: the code; the console opens, or first the password the administration set is replaced. */
    public String submitCode() {
        try {
            ClerkLoginService.CodeResult result = logins.code(flowToken, smsCode, FacesSupport.client());
            if (result.passwordChangeRequired()) {
                passwordChangeFlow = result.passwordChangeFlow();
                FacesSupport.info("clerk.login.passwordChangeRequired");
                return null;
            }
            HttpServletResponse response = (HttpServletResponse) FacesContext.getCurrentInstance()
                    .getExternalContext().getResponse();
            sessions.clerkLogin(FacesSupport.request(), response, result.clerk());
            return "/clerk/index?faces-redirect=true";
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        } finally {
            smsCode = null;
        }
    }

    /**
     * Step 3 for a new or reset account: his own password, typed twice; then he logs in again from step 1 with it.
     */
    public void replacePassword() {
        try {
            logins.replaceInitialPassword(passwordChangeFlow, newPassword, confirmation, FacesSupport.client());
            flowToken = null;
            passwordChangeFlow = null;
            phoneMasked = null;
            slider.renew(humanCheck);
            FacesSupport.info("clerk.login.passwordReplaced");
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            newPassword = null;
            confirmation = null;
        }
    }

    /** Whether the password passed and the code is asked for. */
    public boolean isCodeStep() {
        return flowToken != null && passwordChangeFlow == null;
    }

    public boolean isPasswordStep() {
        return passwordChangeFlow != null;
    }

    public boolean isCredentialsStep() {
        return flowToken == null;
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

    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
