package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordRecoveryService.Recovery;
import cn.etax.identity.authentication.application.PasswordRecoveryService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/** retrieve-phone.xhtml (REG-6): document + personal password + slider → new phone proven by SMS code. */
@Named
@ViewScoped
public class RetrievePhoneBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { ACCOUNT, PHONE, DONE }

    @EJB
    PasswordRecoveryService recovery;

    @EJB
    HumanCheckService humanCheck;

    private Step step = Step.ACCOUNT;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private String password;
    private final SliderState slider = new SliderState();
    private Recovery started;
    private String phone;
    private String smsCode;
    private boolean codeSent;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void start() {
        try {
            started = recovery.startPhoneRetrieval(idType, idNumber, password, slider.token(), slider.getValue(),
                    FacesSupport.client());
            step = Step.PHONE;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    public void sendCode() {
        try {
            recovery.sendRetrievalCode(started.flowToken(), phone, FacesSupport.client());
            codeSent = true;
            FacesSupport.info("retrievePhone.sms.sent", MobileNumber.parse(phone).masked());
        } catch (DomainException e) {
            handle(e);
        }
    }

    public void retrieve() {
        try {
            recovery.retrievePhone(started.flowToken(), phone, smsCode, FacesSupport.client());
            step = Step.DONE;
        } catch (DomainException e) {
            handle(e);
        } finally {
            smsCode = null;
        }
    }

    public void back() {
        step = Step.ACCOUNT;
        started = null;
        slider.renew(humanCheck);
    }

    private void handle(DomainException e) {
        FacesSupport.error(e);
        if (e.code().startsWith("FLOW_")) {
            back();
        }
    }


    public int getStepIndex() { return step.ordinal(); }
    public IdType[] getIdTypes() { return IdType.values(); }
    public Step getStep() { return step; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public String getNameMasked() { return started == null ? null : started.nameMasked(); }
    public String getPhoneMasked() { return started == null ? null : started.phoneMasked(); }
    public String getPhone() { return phone; }

    /** The new number as the pages show phones (RULE-MASK), for the final step. */
    public String getNewPhoneMasked() {
        return phone != null && MobileNumber.looksLikeMobile(phone) ? MobileNumber.parse(phone).masked() : null;
    }
    public void setPhone(String phone) { this.phone = phone; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public boolean isCodeSent() { return codeSent; }
}
