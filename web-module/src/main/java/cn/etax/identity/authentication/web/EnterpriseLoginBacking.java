package cn.etax.identity.authentication.web;

import cn.etax.identity.account.web.Labels;
import cn.etax.identity.authentication.application.CertificateLoginService;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.grant.application.ConfirmationFaceCheck;
import cn.etax.identity.grant.application.IdentityOption;
import cn.etax.identity.grant.domain.GrantState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FaceCheckPoll;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * enterprise-login.xhtml: the enterprise entry (LOGIN-2) — credit code, then the same password, slider and second
 * factor as login.xhtml, then the identity: logged in, chosen from a list, an offer confirmed, or refused with the
 * seeds' message. Its 数字证书登录 (LOGIN-6): a certificate read by the certificate helper, its PIN, the key's signature
 * over the platform's challenge, 选择办税人员, then that person's second factor on the same panels. Holds no rule;
 * LoginService, CertificateLoginService and EnterpriseIdentityService decide, again at every step.
 */
@Named
@ViewScoped
public class EnterpriseLoginBacking extends CertificateSteps {

    private static final long serialVersionUID = 1L;

    private static final Set<String> FINAL_REFUSALS = Set.of("ENTERPRISE_RELATION_NOT_FOUND",
            "ENTERPRISE_IDENTITY_FROZEN", "ENTERPRISE_IDENTITY_UNAVAILABLE");

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
    BusinessClock clock;

    private Step step = Step.PASSWORD;
    private String creditCode;
    private String account;
    private String password;
    private final SliderState slider = new SliderState();
    private List<IdentityOption> options = List.of();
    private Long grantId;
    private boolean confirmFaceCheckRequired;
    private String proofToken;
    private String confirmQrToken;
    private Long confirmingGrantId;

    /** LOGIN-5: the page opened as the non-resident entry (非居民企业登录, view parameter {@code ?entry=nonresident}). */
    private boolean nonResident;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public String getEntry() { return nonResident ? "nonresident" : null; }

    /** The entry is the page's until a flow has begun; a postback cannot turn one flow into the other's page. */
    public void setEntry(String entry) {
        if (flowToken == null) {
            nonResident = "nonresident".equals(entry);
        }
    }

    public void submitPassword() {
        try {
            accepted(nonResident
                    ? login.nonResidentPassword(creditCode, account, password, slider.token(), slider.getValue(),
                            FacesSupport.client())
                    : login.enterprisePassword(creditCode, account, password, slider.token(), slider.getValue(),
                            FacesSupport.client()));
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    @Override
    protected CertificateLoginService certificateLogin() {
        return certificateLogin;
    }

    @Override
    protected BusinessClock clock() {
        return clock;
    }

    @Override
    protected boolean agentEntry() {
        return false;
    }

    @Override
    protected void show(String name) {
        step = Step.valueOf(name);
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

    @Override
    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        forgetCertificate();
        options = List.of();
        grantId = null;
        proofToken = null;
        confirmQrToken = null;
        confirmFaceCheckRequired = false;
        slider.renew(humanCheck);
    }

    /** "{type}（{permissions}）" from the bundle, marked when frozen (offered, but refused when chosen). */
    public String label(IdentityOption option) {
        String permissions = Labels.permissions(option.permissions());
        String label = FacesSupport.text("entLogin.option", typeLabel(option), permissions);
        return option.state() == GrantState.FROZEN ? label + FacesSupport.text("entLogin.option.frozen") : label;
    }

    public String typeLabel(IdentityOption option) {
        return FacesSupport.text("grant.identity_type." + option.identityType().name().toLowerCase(Locale.ROOT));
    }

    /** LOGIN-2: several identities to choose from, or an offered one to confirm. */
    @Override
    protected boolean handleMore(LoginResult result) {
        if (result.status() != LoginResult.Status.CHOOSE_IDENTITY
                && result.status() != LoginResult.Status.CONFIRM_PENDING) {
            return false;
        }
        options = result.options();
        confirmFaceCheckRequired = result.faceCheckRequired();
        confirmQrToken = null;
        grantId = options.isEmpty() ? null : options.get(0).grantId();
        step = result.status() == LoginResult.Status.CHOOSE_IDENTITY ? Step.CHOOSE_IDENTITY : Step.CONFIRM_PENDING;
        return true;
    }

    /** After the second factor a refusal (no relation, frozen) ends the attempt: the message and a way back. */
    @Override
    protected Set<String> finalRefusals() {
        return FINAL_REFUSALS;
    }

    public boolean isNonResident() { return nonResident; }
    public Step getStep() { return step; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public List<IdentityOption> getOptions() { return options; }
    public boolean isConfirmFaceCheckRequired() { return confirmFaceCheckRequired; }
    public String getConfirmQrToken() { return confirmQrToken; }
    public Long getGrantId() { return grantId; }
    public void setGrantId(Long grantId) { this.grantId = grantId; }
}
