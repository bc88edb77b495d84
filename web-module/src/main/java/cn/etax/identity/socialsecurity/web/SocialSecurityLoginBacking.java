package cn.etax.identity.socialsecurity.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.web.SliderState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.socialsecurity.application.SocialSecurityLoginService;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;

/**
 * social-security-login.xhtml (LOGIN-10 社保费登录): username, password and slider, then the code to the payer's
 * phone, then the fee services' page. The header's logout of a fee payer's session comes here too.
 */
@Named
@ViewScoped
public class SocialSecurityLoginBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { PASSWORD, SMS }

    @EJB
    SocialSecurityLoginService logins;

    @EJB
    HumanCheckService humanCheck;

    @Inject
    Sessions sessions;

    private Step step = Step.PASSWORD;
    private String username;
    private String password;
    private final SliderState slider = new SliderState();
    private String flowToken;
    private String phoneMasked;
    private String code;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public String submitPassword() {
        try {
            SocialSecurityLoginService.PasswordStep answer = logins.password(username, password, slider.token(),
                    slider.getValue(), FacesSupport.client());
            if (answer.payer() != null) {
                return loggedIn(answer.payer());
            }
            flowToken = answer.flowToken();
            phoneMasked = answer.phoneMasked();
            step = Step.SMS;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
        return null;
    }

    public void sendCode() {
        try {
            logins.sendCode(flowToken);
            FacesSupport.info("login.sms.sent", phoneMasked);
        } catch (DomainException e) {
            handle(e);
        }
    }

    public String submitCode() {
        try {
            return loggedIn(logins.code(flowToken, code, FacesSupport.client()));
        } catch (DomainException e) {
            handle(e);
            return null;
        } finally {
            code = null;
        }
    }

    /** The fee payer's logout: recorded, session ended, back to the entry. */
    public String logout() {
        AuthenticatedFeePayer payer = sessions.currentFeePayer(FacesSupport.request());
        if (payer != null) {
            logins.loggedOut(payer, FacesSupport.client());
        }
        sessions.logout(FacesSupport.request());
        return "/social-security-login?faces-redirect=true";
    }

    public AuthenticatedFeePayer getPayer() {
        return sessions.currentFeePayer(FacesSupport.request());
    }

    private String loggedIn(AuthenticatedFeePayer payer) {
        HttpServletResponse response = (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext()
                .getResponse();
        sessions.feePayerLogin(FacesSupport.request(), response, payer);
        return "/socialsecurity/index?faces-redirect=true";
    }

    /** A dead flow or a lock starts the entry again; anything else stays on the code step. */
    private void handle(DomainException e) {
        FacesSupport.error(e);
        if (e.code().startsWith("FLOW_") || "ACCOUNT_LOCKED".equals(e.code())) {
            step = Step.PASSWORD;
            flowToken = null;
            slider.renew(humanCheck);
        }
    }

    public Step getStep() { return step; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
