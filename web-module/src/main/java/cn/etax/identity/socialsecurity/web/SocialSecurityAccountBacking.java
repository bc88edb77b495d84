package cn.etax.identity.socialsecurity.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.web.SliderState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.socialsecurity.application.SocialSecurityAccountService;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * social-security-account.xhtml (LOGIN-10 社保费用户注册 / 找回密码): the payer as the fee collection system knows it,
 * slider; the code to its phone with the username (first time) and password; done. Whether it registers or resets
 * follows from whether the payer has an account.
 */
@Named
@ViewScoped
public class SocialSecurityAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { PAYER, ACCOUNT, DONE }

    @EJB
    SocialSecurityAccountService accounts;

    @EJB
    HumanCheckService humanCheck;

    private Step step = Step.PAYER;
    private FeePayerKind kind = FeePayerKind.UNIT;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String payerNumber;
    private String name;
    private final SliderState slider = new SliderState();
    private SocialSecurityAccountService.Identified identified;
    private String code;
    private String username;
    private String password;
    private String confirmation;
    private String doneUsername;
    private boolean doneFirst;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void identify() {
        try {
            identified = accounts.identify(kind, kind == FeePayerKind.PERSON ? idType : null, payerNumber, name,
                    slider.token(), slider.getValue(), FacesSupport.client());
            step = Step.ACCOUNT;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        }
    }

    public void sendCode() {
        try {
            accounts.sendCode(identified.flowToken());
            FacesSupport.info("login.sms.sent", identified.phoneMasked());
        } catch (DomainException e) {
            handle(e);
        }
    }

    public void complete() {
        try {
            doneFirst = !isRegistered();
            doneUsername = accounts.complete(identified.flowToken(), code, username, password, confirmation,
                    FacesSupport.client());
            step = Step.DONE;
        } catch (DomainException e) {
            handle(e);
        } finally {
            password = null;
            confirmation = null;
            code = null;
        }
    }

    public void back() {
        step = Step.PAYER;
        identified = null;
        slider.renew(humanCheck);
    }

    private void handle(DomainException e) {
        FacesSupport.error(e);
        if (e.code().startsWith("FLOW_")) {
            back();
        }
    }

    public boolean isRegistered() {
        return identified != null && identified.registered();
    }

    public int getStepIndex() { return step.ordinal(); }
    public Step getStep() { return step; }
    public FeePayerKind[] getKinds() { return FeePayerKind.values(); }
    public IdType[] getIdTypes() { return IdType.values(); }
    public FeePayerKind getKind() { return kind; }
    public void setKind(FeePayerKind kind) { this.kind = kind; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getPayerNumber() { return payerNumber; }
    public void setPayerNumber(String payerNumber) { this.payerNumber = payerNumber; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public SliderState getSlider() { return slider; }
    public String getPhoneMasked() { return identified == null ? null : identified.phoneMasked(); }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getDoneUsername() { return doneUsername; }
    public boolean isDoneFirst() { return doneFirst; }
}
