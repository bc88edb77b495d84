package cn.etax.identity.registration.web;

import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.registration.application.IdentityChecked;
import cn.etax.identity.registration.application.RegistrationForm;
import cn.etax.identity.registration.application.RegistrationService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.web.faces.Countries;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * register.xhtml: the REG-1..REG-4 wizard. Holds what the person typed across steps (so an error loses nothing
 * but the password fields) and which step shows; every decision is the RegistrationService's.
 */
@Named
@ViewScoped
public class RegistrationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { IDENTITY, DETAILS, FACE, DONE }

    /** Nationalities offered for documents that do not imply one (ISO 3166 alpha-3; labels in the bundle). */
    @EJB
    RegistrationService registration;

    private Step step = Step.IDENTITY;
    private boolean overseas;
    private boolean agreementAccepted;
    private String name;
    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private String nationality;
    private IdentityChecked checked;

    private String password;
    private String passwordConfirmation;
    private String phone;
    private String smsCode;
    private String username;
    private boolean codeSent;

    private boolean faceCheckRequired = true;
    private String qrToken;
    private QrState faceState;
    private Long personId;

    public void checkIdentity() {
        try {
            checked = registration.checkIdentity(overseas, agreementAccepted, name, idType, idNumber, nationality,
                    FacesSupport.client());
            codeSent = false;
            faceState = null;
            qrToken = null;
            step = Step.DETAILS;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void sendCode() {
        try {
            registration.sendSmsCode(flowToken(), phone, FacesSupport.client());
            codeSent = true;
            FacesSupport.info("register.sms.sent", MobileNumber.parse(phone).masked());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void submitDetails() {
        try {
            RegistrationForm details = form();
            // the page always has the code field: an empty one is asked for, not skipped
            faceCheckRequired = registration.checkDetails(flowToken(), new RegistrationForm(details.password(),
                    details.passwordConfirmation(), details.phone(), smsCode == null ? "" : smsCode,
                    details.username()));
            faceState = faceCheckRequired ? registration.faceCheckState(flowToken()) : null;
            step = Step.FACE;
        } catch (DomainException e) {
            clearPasswords();
            handle(e);
        }
    }

    public void startFaceCheck(String app) {
        try {
            qrToken = registration.startFaceCheck(flowToken(), QrApp.valueOf(app), FacesSupport.client());
            faceState = QrState.PENDING;
        } catch (DomainException e) {
            handle(e);
        }
    }

    /** Called by the page's poll while a QR code is shown. */
    public void pollFaceCheck() {
        if (qrToken == null) {
            return;
        }
        try {
            faceState = registration.faceCheckState(flowToken());
            if (faceState != QrState.PENDING && faceState != QrState.SCANNED) {
                qrToken = null;
            }
        } catch (DomainException e) {
            qrToken = null;
            handle(e);
        }
    }

    public void complete() {
        try {
            personId = registration.complete(flowToken(), form(), FacesSupport.client());
            step = Step.DONE;
            clearPasswords();
            smsCode = null;
        } catch (DomainException e) {
            handle(e);
        }
    }

    /** Back to an earlier step; what was typed stays, except passwords. */
    public void back() {
        qrToken = null;
        if (step == Step.FACE) {
            step = Step.DETAILS;
            clearPasswords();
        } else if (step == Step.DETAILS) {
            step = Step.IDENTITY;
        }
    }

    /** Shows the failure and returns to the step whose input it concerns. */
    private void handle(DomainException e) {
        FacesSupport.error(e);
        String code = e.code();
        if (code.startsWith("FLOW_") || code.equals("ALREADY_REGISTERED")) {
            step = Step.IDENTITY;
            checked = null;
        } else if (step == Step.FACE && !code.startsWith("FACE_") && !code.startsWith("QR_")) {
            step = Step.DETAILS;
            clearPasswords();
            smsCode = null;
        }
    }

    private RegistrationForm form() {
        return new RegistrationForm(password, passwordConfirmation, phone, smsCode, username);
    }

    private String flowToken() {
        return checked == null ? null : checked.flowToken();
    }

    private void clearPasswords() {
        password = null;
        passwordConfirmation = null;
    }

    public int getStepIndex() { return step.ordinal(); }
    public boolean isNationalityAsked() { return idType != null && idType.impliedNationality() == null; }
    public IdType[] getIdTypes() { return IdType.values(); }
    public List<String> getCountries() { return Countries.CODES; }
    public boolean isFaceConfirmed() { return faceState == QrState.CONFIRMED; }

    /** A country's label, or its code when the bundle has none. */
    public String countryLabel(String code) {
        return Countries.label(code);
    }

    public Step getStep() { return step; }
    public boolean isOverseas() { return overseas; }
    public void setOverseas(boolean overseas) { this.overseas = overseas; }
    public boolean isAgreementAccepted() { return agreementAccepted; }
    public void setAgreementAccepted(boolean agreementAccepted) { this.agreementAccepted = agreementAccepted; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType idType) { this.idType = idType; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public IdentityChecked getChecked() { return checked; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String v) { this.passwordConfirmation = v; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getSmsCode() { return smsCode; }
    public void setSmsCode(String smsCode) { this.smsCode = smsCode; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public boolean isCodeSent() { return codeSent; }
    public boolean isFaceCheckRequired() { return faceCheckRequired; }
    public String getQrToken() { return qrToken; }
    public QrState getFaceState() { return faceState; }
    public Long getPersonId() { return personId; }
}
