package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;

import java.io.Serializable;

/**
 * What every login page shares after its first factor (RULE-2FA, RULE-AGREE): the SMS code or the QR face check,
 * then the agreements and the initial password when due — the steps of second-factor.xhtml and
 * login-followups.xhtml. A page supplies the service, what a result means for it ({@link #handle}) and what a
 * refusal after the second factor means ({@link #refused}); it holds no rule, the services decide.
 */
public abstract class SecondFactorSteps implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String flowToken;
    private String phoneMasked;
    private String nameMasked;
    private String smsCode;
    private boolean codeSent;
    private String qrToken;
    private QrApp qrApp;
    private String newPassword;
    private String newPasswordConfirmation;
    private boolean agreementsAccepted;

    protected abstract LoginService login();

    /** The next step after a completed second factor or follow-up. */
    protected abstract void handle(LoginResult result);

    /** A refusal of a step after the password; by default its message. */
    protected void refused(DomainException e) {
        FacesSupport.error(e);
    }

    /** The password (or certificate) step passed: the second factor follows. */
    protected void accepted(PasswordAccepted accepted) {
        flowToken = accepted.flowToken();
        phoneMasked = accepted.phoneMasked();
        nameMasked = accepted.nameMasked();
        qrToken = null;
        codeSent = false;
    }

    /** The flow ends here (restart, refusal, relogin). */
    protected void forgetFlow() {
        flowToken = null;
        qrToken = null;
    }

    public void sendCode() {
        try {
            login().sendSmsCode(flowToken);
            codeSent = true;
            FacesSupport.info("login.sms.sent", phoneMasked);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void submitCode() {
        try {
            handle(login().completeWithSms(flowToken, smsCode, FacesSupport.client()));
        } catch (DomainException e) {
            refused(e);
        } finally {
            smsCode = null;
        }
    }

    public void startQr(String app) {
        try {
            qrApp = QrApp.valueOf(app);
            qrToken = login().startQr(flowToken, qrApp, FacesSupport.client());
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
            QrState state = login().qrState(flowToken);
            if (state == QrState.CONFIRMED || state == QrState.FAILED) {
                qrToken = null;
                handle(login().completeWithQr(flowToken, FacesSupport.client()));
            } else if (state == QrState.EXPIRED) {
                qrToken = null;
                FacesSupport.info("login.qr.expired");
            }
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void signAgreements() {
        if (!agreementsAccepted) {
            FacesSupport.info("login.agreements.required");
            return;
        }
        try {
            handle(login().signAgreements(flowToken, FacesSupport.client()));
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void changeInitialPassword() {
        try {
            handle(login().changeInitialPassword(flowToken, newPassword, newPasswordConfirmation,
                    FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            newPassword = null;
            newPasswordConfirmation = null;
        }
    }

    public String getPhoneMasked() { return phoneMasked; }
    protected void setPhoneMasked(String phoneMasked) { this.phoneMasked = phoneMasked; }
    public String getNameMasked() { return nameMasked; }
    protected void setNameMasked(String nameMasked) { this.nameMasked = nameMasked; }
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
