package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * deregister.xhtml (REG-7 用户注销): the notice first; after 【确认注销】 the person proves it is him by a code sent to
 * the default phone or by a QR face check in the tax app / IIT app. Done: the session ends and the portal says so.
 */
@Named
@ViewScoped
public class DeregistrationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    @Inject
    Sessions sessions;

    private boolean confirmed;
    private String smsCode;
    private String phoneMasked;
    private final ChangeFlow changes = new ChangeFlow();

    /** 【确认注销】 after reading the notice: the verification step is shown. */
    public void confirm() {
        confirmed = true;
    }

    /** 【取消】: back to the notice, nothing started is used. */
    public void cancel() {
        confirmed = false;
        changes.reset();
        smsCode = null;
    }

    public void sendCode() {
        try {
            phoneMasked = account.sendDeregistrationCode(changes.token(account));
            FacesSupport.info("account.sms.sent", phoneMasked);
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void deregisterWithSms() {
        try {
            account.deregisterWithSms(changes.current(), smsCode, FacesSupport.client());
            done();
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            smsCode = null;
        }
    }

    public void startFaceCheck(String app) {
        changes.startDeregistrationFaceCheck(account, QrApp.valueOf(app));
    }

    /** The page's poll while a QR is shown: a confirmed face check deregisters at once. */
    public void pollFaceCheck() {
        changes.poll(account, () -> {
            account.deregisterWithFace(changes.current(), FacesSupport.client());
            done();
        });
    }

    /** The account is gone: this session ends too, and the portal's front page tells the person. */
    private void done() {
        changes.reset();
        sessions.logout(FacesSupport.request());
        var external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + "/index.xhtml?deregistered=1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isConfirmed() { return confirmed; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getQrToken() { return changes.qrToken(); }
}
