package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.CertificateAccepted;
import cn.etax.identity.authentication.application.CertificateLoginService;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.certificate.application.CertificateHelper;
import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.grant.application.ConfirmationFaceCheck;
import cn.etax.identity.grant.application.IdentityOption;
import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FaceCheckPoll;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.Sessions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * enterprise-login.xhtml: the enterprise entry (LOGIN-2) — credit code, then the same password, slider and second
 * factor as login.xhtml, then the identity: logged in, chosen from a list, an offer confirmed, or refused with the
 * seeds' message. Its 数字证书登录 (LOGIN-6): a certificate read by the certificate helper, its PIN, the key's signature
 * over the platform's challenge, 选择办税人员, then that person's second factor on the same panels. Holds no rule;
 * LoginService, CertificateLoginService and EnterpriseIdentityService decide, again at every step.
 */
@Named
@ViewScoped
public class EnterpriseLoginBacking extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    public enum Step {
        PASSWORD, CERTIFICATE, CHOOSE_STAFF, SECOND_FACTOR, AGREEMENTS, CHANGE_PASSWORD, CHOOSE_IDENTITY, CONFIRM_PENDING, REFUSED
    }

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    CertificateLoginService certificateLogin;

    @Inject
    Sessions sessions;

    @Inject
    BusinessClock clock;

    private Step step = Step.PASSWORD;
    private String creditCode;
    private String account;
    private String password;
    private final SliderState slider = new SliderState();
    private List<IdentityOption> options = List.of();
    private Long grantId;
    private List<CertificateHelper.KeyCertificate> certificates = List.of();
    private String certificate;
    private String pin;
    private CertificateAccepted certified;
    private Long staffGrantId;
    private boolean confirmFaceCheckRequired;
    private String proofToken;
    private String confirmQrToken;
    private Long confirmingGrantId;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void submitPassword() {
        try {
            accepted(login.enterprisePassword(creditCode, account, password, slider.token(), slider.getValue(),
                    FacesSupport.client()));
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    /** 数字证书登录: the certificates on the inserted keys, read again by the certificate helper. */
    public void useCertificate() {
        step = Step.CERTIFICATE;
        flowToken = null;
        certified = null;
        readCertificates();
    }

    public void readCertificates() {
        try {
            certificates = certificateLogin.insertedCertificates();
            certificate = certificates.size() == 1 ? value(certificates.get(0)) : certificate;
            if (certificates.isEmpty()) {
                FacesSupport.info("certLogin.none");
            }
        } catch (DomainException e) {
            certificates = List.of();
            FacesSupport.error(e);
        }
    }

    /** 登录 with the PIN: the key signs the platform's challenge; the platform checks it and lists the tax staff. */
    public void submitCertificate() {
        try {
            CertificateHelper.KeyCertificate chosen = certificates.stream().filter(c -> value(c).equals(certificate))
                    .findFirst().orElse(null);
            certified = certificateLogin.signWithKey(chosen == null ? null : chosen.token(),
                    chosen == null ? null : chosen.alias(), pin == null ? null : pin.toCharArray(),
                    FacesSupport.client());
            flowToken = certified.flowToken();
            staffGrantId = certified.staff().isEmpty() ? null : certified.staff().get(0).grantId();
            step = Step.CHOOSE_STAFF;
            if (certified.staff().isEmpty()) {
                FacesSupport.info("certLogin.noStaff");
            }
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            pin = null;
        }
    }

    /** 选择办税人员, then 登录: the second factor of that person follows. */
    public void chooseStaff() {
        try {
            PasswordAccepted accepted = certificateLogin.chooseStaff(flowToken, staffGrantId);
            setPhoneMasked(accepted.phoneMasked());
            setNameMasked(accepted.nameMasked());
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** The radio value of a certificate: which key, which entry on it. */
    public String value(CertificateHelper.KeyCertificate c) {
        return c.token() + "/" + c.alias();
    }

    /** "{holder}（国密证书，序列号 …，有效期至 …）". */
    public String certificateLabel(CertificateHelper.KeyCertificate c) {
        CertificateHolder h = c.holder();
        String kind = FacesSupport.text("SM2".equals(h.algorithm()) ? "certLogin.kind.national" : "certLogin.kind.international");
        String until = h.notAfter() == null ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE.format(h.notAfter().atZone(clock.zone()));
        return FacesSupport.text("certLogin.option", h.holder(), kind, h.serialNumber(), until);
    }

    /** Whose certificate the key's signature proved, before the staff member is chosen. */
    public String getCertifiedText() {
        return certified == null ? "" : FacesSupport.text("certLogin.staff.text", certified.holder(),
                certified.serialNumber());
    }

    /** "{name}（{type}）", marked when frozen (listed, but refused when chosen). */
    public String staffLabel(StaffOption o) {
        String label = FacesSupport.text("certLogin.staffOption", o.nameMasked(),
                FacesSupport.text("grant.identity_type." + o.identityType().name().toLowerCase(Locale.ROOT)));
        return o.state() == GrantState.FROZEN ? label + FacesSupport.text("entLogin.option.frozen") : label;
    }

    @Override
    protected LoginService login() {
        return login;
    }

    /** The identity picked from the list; a frozen one is refused and the list stays for another choice. */
    public void chooseIdentity() {
        try {
            handle(login.chooseIdentity(flowToken, grantId, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /**
     * 确定 after a login by face: the offer becomes the identity (confirmed like in the account center), then the
     * login completes. Otherwise the offer is confirmed by {@link #startConfirmFaceCheck} and the poll.
     */
    public void confirmIdentity() {
        confirm(null);
    }

    /** 确定 with a QR face check in the tax app or IIT app (点击确定，并完成扫码认证). */
    public void startConfirmFaceCheck(String app) {
        try {
            ConfirmationFaceCheck check = login.startConfirmationFaceCheck(flowToken, grantId, QrApp.valueOf(app),
                    FacesSupport.client());
            proofToken = check.proofToken();
            confirmQrToken = check.qrToken();
            confirmingGrantId = grantId;
        } catch (DomainException e) {
            confirmQrToken = null;
            FacesSupport.error(e);
        }
    }

    /** The page's poll while the confirmation's QR code is shown: a confirmed face check confirms the offer. */
    public void pollConfirmFaceCheck() {
        if (confirmQrToken != null && FaceCheckPoll.poll(() -> login.confirmationFaceCheckState(flowToken, proofToken),
                () -> {
                    grantId = confirmingGrantId;
                    confirm(proofToken);
                }, "login.qr.expired")) {
            confirmQrToken = null;
        }
    }

    private void confirm(String proof) {
        try {
            handle(login.confirmIdentity(flowToken, grantId, proof, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            proofToken = null;
        }
    }

    /** The seeds' question for the offered role(s). */
    public String getConfirmQuestion() {
        return FacesSupport.text(ConfirmQuestion.key(options));
    }

    /** 取消: nothing is confirmed; the person starts again. */
    public void cancel() {
        restart();
        FacesSupport.info("entLogin.cancelled");
    }

    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        certified = null;
        staffGrantId = null;
        options = List.of();
        grantId = null;
        proofToken = null;
        confirmQrToken = null;
        confirmFaceCheckRequired = false;
        slider.renew(humanCheck);
    }

    /** "{type}（{permissions}）" from the bundle, marked when frozen (offered, but refused when chosen). */
    public String label(IdentityOption option) {
        String permissions = option.permissions().stream()
                .map(p -> FacesSupport.text("grant.permission." + p.name().toLowerCase(Locale.ROOT))).sorted()
                .collect(Collectors.joining(FacesSupport.text("entLogin.permissionSeparator")));
        String label = FacesSupport.text("entLogin.option", typeLabel(option), permissions);
        return option.state() == GrantState.FROZEN ? label + FacesSupport.text("entLogin.option.frozen") : label;
    }

    public String typeLabel(IdentityOption option) {
        return FacesSupport.text("grant.identity_type." + option.identityType().name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void handle(LoginResult result) {
        switch (result.status()) {
            case LOGGED_IN -> enter(result);
            case AGREEMENTS_REQUIRED -> step = Step.AGREEMENTS;
            case PASSWORD_CHANGE_REQUIRED -> step = Step.CHANGE_PASSWORD;
            case RELOGIN_REQUIRED -> {
                restart();
                FacesSupport.info("login.relogin");
            }
            case CHOOSE_CLIENT -> FacesSupport.error(new ConflictException("FLOW_INVALID"));
            case CHOOSE_IDENTITY, CONFIRM_PENDING -> {
                options = result.options();
                confirmFaceCheckRequired = result.faceCheckRequired();
                confirmQrToken = null;
                grantId = options.isEmpty() ? null : options.get(0).grantId();
                step = result.status() == LoginResult.Status.CHOOSE_IDENTITY
                        ? Step.CHOOSE_IDENTITY : Step.CONFIRM_PENDING;
            }
        }
    }

    /** After the second factor a refusal (no relation, frozen) ends the attempt: the message and a way back. */
    @Override
    protected void refused(DomainException e) {
        FacesSupport.error(e);
        if ("ENTERPRISE_RELATION_NOT_FOUND".equals(e.code()) || "ENTERPRISE_IDENTITY_FROZEN".equals(e.code())
                || "ENTERPRISE_IDENTITY_UNAVAILABLE".equals(e.code())) {
            step = Step.REFUSED;
            forgetFlow();
        }
    }

    private void enter(LoginResult result) {
        AccountCenterEntry.enter(sessions, result.person());
    }

    public Step getStep() { return step; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public List<IdentityOption> getOptions() { return options; }
    public List<CertificateHelper.KeyCertificate> getCertificates() { return certificates; }
    public String getCertificate() { return certificate; }
    public void setCertificate(String certificate) { this.certificate = certificate; }
    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public CertificateAccepted getCertified() { return certified; }
    public Long getStaffGrantId() { return staffGrantId; }
    public void setStaffGrantId(Long staffGrantId) { this.staffGrantId = staffGrantId; }
    public boolean isConfirmFaceCheckRequired() { return confirmFaceCheckRequired; }
    public String getConfirmQrToken() { return confirmQrToken; }
    public Long getGrantId() { return grantId; }
    public void setGrantId(Long grantId) { this.grantId = grantId; }
}
