package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * password.xhtml (ENT-6, RULE-PWD): three ways to prove it is the person — the old password, a code sent to the
 * default phone, or a face check by QR in the tax app / IIT app. The new password is checked by the service; once
 * changed, the person's other sessions end and this one goes on.
 */
@Named
@ViewScoped
public class PasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    @Inject
    Sessions sessions;

    private String oldPassword;
    private String newPassword;
    private String confirmation;
    private String smsCode;
    private String phoneMasked;
    private final ChangeFlow changes = new ChangeFlow();
    private QrApp qrApp;

    public void changeWithOld() {
        try {
            done(() -> account.changePasswordWithOld(oldPassword, newPassword, confirmation, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            clearSecrets();
        }
    }

    public void sendCode() {
        try {
            phoneMasked = account.sendCodeToOwnPhone(changes.token(account), null);
            FacesSupport.info("account.sms.sent", phoneMasked);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void changeWithSms() {
        try {
            done(() -> account.changePasswordWithSms(changes.current(), smsCode, newPassword, confirmation,
                    FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            clearSecrets();
        }
    }

    /** Starts the QR check; the new password typed so far stays in this view until the face check ends. */
    public void startFaceCheck(String app) {
        qrApp = QrApp.valueOf(app);
        changes.startFaceCheck(account, qrApp);
    }

    /** The page's poll while a QR is shown: a confirmed face check changes the password at once. */
    public void pollFaceCheck() {
        changes.poll(account, () -> {
            done(() -> account.changePasswordWithFace(changes.current(), newPassword, confirmation,
                    FacesSupport.client()));
        });
    }

    /** The password changed by {@code change}: the person's other sessions end, this one goes on. */
    private void done(java.util.function.Supplier<java.time.Instant> change) {
        sessions.passwordChange(FacesSupport.request(), change);
        changes.reset();
        smsCode = null;
        newPassword = null;
        confirmation = null;
        FacesSupport.info("account.password.changed");
    }

    private void clearSecrets() {
        oldPassword = null;
        smsCode = null;
    }

    public String getOldPassword() { return oldPassword; }
    public void setOldPassword(String oldPassword) { this.oldPassword = oldPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getQrToken() { return changes.qrToken(); }
    public QrApp getQrApp() { return qrApp; }
}
