package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** login.xhtml: the natural-person entry (LOGIN-1) step by step. Holds no rule; the services decide. */
@Named
@ViewScoped
public class LoginBacking implements Serializable {

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
    private String flowToken;
    private String phoneMasked;
    private String nameMasked;
    private String smsCode;
    private boolean codeSent;
    private String qrToken;
    private QrApp qrApp;
    private String newPassword;
    private String newPasswordConfirmation;
    private boolean agreementsAccepted;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void submitPassword() {
        try {
            PasswordAccepted accepted = login.password(account, password, slider.token(), slider.getValue(),
                    FacesSupport.client());
            flowToken = accepted.flowToken();
            phoneMasked = accepted.phoneMasked();
            nameMasked = accepted.nameMasked();
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    public void sendCode() {
        try {
            login.sendSmsCode(flowToken);
            codeSent = true;
            FacesSupport.info("login.sms.sent", phoneMasked);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void submitCode() {
        try {
            handle(login.completeWithSms(flowToken, smsCode, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            smsCode = null;
        }
    }

    public void startQr(String app) {
        try {
            qrApp = QrApp.valueOf(app);
            qrToken = login.startQr(flowToken, qrApp, FacesSupport.client());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** Called by the page's poll while a QR check is open. */
    public void pollQr() {
        if (qrToken == null) {
            return;
        }
        try {
            QrState state = login.qrState(flowToken);
            if (state == QrState.CONFIRMED || state == QrState.FAILED) {
                qrToken = null;
                handle(login.completeWithQr(flowToken, FacesSupport.client()));
            } else if (state == QrState.EXPIRED) {
                qrToken = null;
                FacesSupport.info("login.qr.expired");
            }
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void signAgreements() {
        if (!agreementsAccepted) {
            FacesSupport.info("login.agreements.required");
            return;
        }
        try {
            handle(login.signAgreements(flowToken, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void changeInitialPassword() {
        try {
            handle(login.changeInitialPassword(flowToken, newPassword, newPasswordConfirmation,
                    FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            newPassword = null;
            newPasswordConfirmation = null;
        }
    }

    private void handle(LoginResult result) {
        switch (result.status()) {
            case LOGGED_IN -> enter(result);
            case AGREEMENTS_REQUIRED -> step = Step.AGREEMENTS;
            case PASSWORD_CHANGE_REQUIRED -> step = Step.CHANGE_PASSWORD;
            case RELOGIN_REQUIRED -> {
                step = Step.PASSWORD;
                flowToken = null;
                slider.renew(humanCheck);
                FacesSupport.info("login.relogin");
            }
        }
    }

    private void enter(LoginResult result) {
        AccountCenterEntry.enter(sessions, result.person());
    }


    public Step getStep() { return step; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getNameMasked() { return nameMasked; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public boolean isCodeSent() { return codeSent; }
    public String getQrToken() { return qrToken; }
    public QrApp getQrApp() { return qrApp; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getNewPasswordConfirmation() { return newPasswordConfirmation; }
    public void setNewPasswordConfirmation(String v) { this.newPasswordConfirmation = v; }
    public boolean isAgreementsAccepted() { return agreementsAccepted; }
    public void setAgreementsAccepted(boolean agreementsAccepted) { this.agreementsAccepted = agreementsAccepted; }
}
