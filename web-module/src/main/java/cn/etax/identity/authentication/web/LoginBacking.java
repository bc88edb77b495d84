package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


/** login.xhtml: the natural-person entry (LOGIN-1) step by step. Holds no rule; the services decide. */
@Named
@ViewScoped
public class LoginBacking extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    public enum Step { PASSWORD, SECOND_FACTOR, AGREEMENTS, CHANGE_PASSWORD }

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    @Inject
    Sessions sessions;

    private Step step = Step.PASSWORD;
    private String account;
    private String password;
    private final SliderState slider = new SliderState();

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void submitPassword() {
        try {
            accepted(login.password(account, password, slider.token(), slider.getValue(), FacesSupport.client()));
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    @Override
    protected LoginService login() {
        return login;
    }

    @Override
    protected void handle(LoginResult result) {
        switch (result.status()) {
            case LOGGED_IN -> AccountCenterEntry.enter(sessions, result.person());
            case AGREEMENTS_REQUIRED -> step = Step.AGREEMENTS;
            case PASSWORD_CHANGE_REQUIRED -> step = Step.CHANGE_PASSWORD;
            case RELOGIN_REQUIRED -> {
                step = Step.PASSWORD;
                forgetFlow();
                slider.renew(humanCheck);
                FacesSupport.info("login.relogin");
            }
            default -> FacesSupport.error(new ConflictException("FLOW_INVALID"));
        }
    }

    public Step getStep() { return step; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
}
