package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordRecoveryService.Recovery;
import cn.etax.identity.authentication.application.PasswordRecoveryService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * forgot-password.xhtml (REG-5): document + slider → SMS code to the default phone or QR face check → new
 * password. The service checks the code (or consumes the face check) only with the new password, so a wrong code
 * sends the person back to the verification step with everything else kept.
 */
@Named
@ViewScoped
public class ForgotPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { ACCOUNT, VERIFY, NEW_PASSWORD, DONE }

    @EJB
    PasswordRecoveryService recovery;

    @EJB
    HumanCheckService humanCheck;

    private Step step = Step.ACCOUNT;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private final SliderState slider = new SliderState();
    private Recovery started;
    private String smsCode;
    private boolean codeSent;
    private boolean byFace;
    private String qrToken;
    private QrState faceState;
    private String newPassword;
    private String newPasswordConfirmation;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void start() {
        try {
            started = recovery.startPasswordReset(idType, idNumber, slider.token(), slider.getValue(), FacesSupport.client());
            step = Step.VERIFY;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        }
    }

    public void sendCode() {
        try {
            recovery.sendResetCode(started.flowToken());
            codeSent = true;
            FacesSupport.info("forgot.sms.sent", started.phoneMasked());
        } catch (DomainException e) {
            handle(e);
        }
    }

    /**
     * SMS chosen: the code is checked here, where it was asked for — a wrong or missing one is told at this step —
     * and used up with the new password.
     */
    public void useSmsCode() {
        try {
            recovery.confirmResetCode(started.flowToken(), smsCode, FacesSupport.client());
            byFace = false;
            step = Step.NEW_PASSWORD;
        } catch (DomainException e) {
            handle(e);
        }
    }

    public void startFaceCheck(String app) {
        try {
            qrToken = recovery.startResetFaceCheck(started.flowToken(), QrApp.valueOf(app), FacesSupport.client());
            faceState = QrState.PENDING;
        } catch (DomainException e) {
            handle(e);
        }
    }

    /** Called by the page's poll while a QR code is shown; a confirmed check leads to the new password. */
    public void pollFaceCheck() {
        if (qrToken == null) {
            return;
        }
        try {
            faceState = recovery.resetFaceCheckState(started.flowToken());
            if (faceState == QrState.CONFIRMED) {
                qrToken = null;
                byFace = true;
                smsCode = null;
                step = Step.NEW_PASSWORD;
            } else if (faceState != QrState.PENDING && faceState != QrState.SCANNED) {
                qrToken = null;
            }
        } catch (DomainException e) {
            qrToken = null;
            handle(e);
        }
    }

    public void resetPassword() {
        try {
            recovery.resetPassword(started.flowToken(), byFace ? null : smsCode, newPassword,
                    newPasswordConfirmation, FacesSupport.client());
            step = Step.DONE;
        } catch (DomainException e) {
            handle(e);
        } finally {
            newPassword = null;
            newPasswordConfirmation = null;
        }
    }

    public void back() {
        qrToken = null;
        if (step == Step.NEW_PASSWORD) {
            step = Step.VERIFY;
        } else if (step == Step.VERIFY) {
            step = Step.ACCOUNT;
            slider.renew(humanCheck);
        }
    }

    /** Shows the failure and returns to the step whose input it concerns. */
    private void handle(DomainException e) {
        FacesSupport.error(e);
        String code = e.code();
        if (code.startsWith("FLOW_")) {
            step = Step.ACCOUNT;
            started = null;
            slider.renew(humanCheck);
        } else if (code.startsWith("SMS_") || code.startsWith("QR_") || code.startsWith("FACE_")) {
            step = Step.VERIFY;
            smsCode = null;
        }
    }


    public int getStepIndex() { return step.ordinal(); }
    public IdType[] getIdTypes() { return IdType.values(); }
    public Step getStep() { return step; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public SliderState getSlider() { return slider; }
    public String getNameMasked() { return started == null ? null : started.nameMasked(); }
    public String getPhoneMasked() { return started == null ? null : started.phoneMasked(); }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public boolean isCodeSent() { return codeSent; }
    public boolean isByFace() { return byFace; }
    public String getQrToken() { return qrToken; }
    public QrState getFaceState() { return faceState; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getNewPasswordConfirmation() { return newPasswordConfirmation; }
    public void setNewPasswordConfirmation(String v) { this.newPasswordConfirmation = v; }
}
