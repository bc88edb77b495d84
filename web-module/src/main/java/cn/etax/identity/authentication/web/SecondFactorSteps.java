package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.Set;

/**
 * What every login page shares after its first factor (RULE-2FA, RULE-AGREE): the SMS code or the QR face check,
 * then the agreements and the initial password when due — the steps of second-factor.xhtml and
 * login-followups.xhtml — and what a completed step means ({@link #handle}): the account center, a follow-up, or a
 * new start. A page supplies the service, how it shows one of its steps by name ({@link #show}), how it starts again
 * ({@link #restart}), the results only it knows ({@link #handleMore}) and what a refusal after the second factor
 * means ({@link #refused}); it holds no rule, the services decide.
 */
public abstract class SecondFactorSteps implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The steps of login-followups.xhtml: each page names its own step the same way. */
    public enum FollowUp { AGREEMENTS, CHANGE_PASSWORD }

    /** The name of the "cannot log in here" step of a page with {@link #finalRefusals}. */
    protected static final String REFUSED = "REFUSED";

    @Inject
    Sessions sessions;

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

    /**
     * Shows the page's step of that name: a {@link FollowUp}, {@link #REFUSED}, or a panel of the certificate
     * variant ({@link CertificateSteps.Panel}); every page names its steps so.
     */
    protected abstract void show(String step);

    /** Back to the page's first step, the flow forgotten (also after the initial password was replaced). */
    public abstract void restart();

    /** A result only this page knows (an identity, a client, a subject to choose); false when it knows none. */
    protected boolean handleMore(LoginResult result) {
        return false;
    }

    /** What the page says when the person must log in again after replacing the initial password. */
    protected String reloginMessage() {
        return "login.relogin";
    }

    /** The next step after a completed second factor or follow-up. */
    protected void handle(LoginResult result) {
        switch (result.status()) {
            case LOGGED_IN -> AccountCenterEntry.enter(sessions, result.person());
            case AGREEMENTS_REQUIRED -> show(FollowUp.AGREEMENTS.name());
            case PASSWORD_CHANGE_REQUIRED -> show(FollowUp.CHANGE_PASSWORD.name());
            case RELOGIN_REQUIRED -> {
                restart();
                FacesSupport.info(reloginMessage());
            }
            default -> {
                if (!handleMore(result)) {
                    FacesSupport.error(new ConflictException("FLOW_INVALID"));
                }
            }
        }
    }

    /**
     * The refusals after the second factor that end the attempt on this page (no relation to the taxpayer, no client,
     * no subject…): the page then shows its message and its {@link #REFUSED} step with a way back. None by default.
     */
    protected Set<String> finalRefusals() {
        return Set.of();
    }

    /** A refusal of a step after the password: its message, and for a final refusal the end of the attempt. */
    protected void refused(DomainException e) {
        FacesSupport.error(e);
        if (finalRefusals().contains(e.code())) {
            forgetFlow();
            show(REFUSED);
        }
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
