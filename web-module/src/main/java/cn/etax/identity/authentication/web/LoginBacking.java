package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
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
    protected void show(String name) {
        step = Step.valueOf(name);
    }

    @Override
    protected LoginService login() {
        return login;
    }

    @Override
    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        slider.renew(humanCheck);
    }

    public Step getStep() { return step; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
}
