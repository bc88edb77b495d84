package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.CertificateAccepted;
import cn.etax.identity.authentication.application.CertificateLoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.certificate.application.CertificateHelper;
import cn.etax.identity.certificate.application.CertificateHolder;
import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 数字证书登录 as the enterprise entry (LOGIN-6) and the agent entry (LOGIN-3's certificate variant) share it: the
 * certificates the certificate helper reads from the inserted keys, the PIN, the key's signature over the platform's
 * challenge, 选择办税人员 (at the agent entry: which of the agency's agents), then that person's second factor on the
 * panels of {@link SecondFactorSteps}. The page supplies the services, which entry it is and which panel to show.
 */
public abstract class CertificateSteps extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    private List<CertificateHelper.KeyCertificate> certificates = List.of();
    private String certificate;
    private String pin;
    private CertificateAccepted certified;
    private Long staffGrantId;

    protected abstract CertificateLoginService certificateLogin();

    protected abstract BusinessClock clock();

    /** The agent entry: the key must be a tax-agent institution's and the login ends with a client. */
    protected abstract boolean agentEntry();

    /** The panels these steps lead to; each page has a step of the same name. */
    protected enum Panel { CERTIFICATE, CHOOSE_STAFF, SECOND_FACTOR }

    /** 数字证书登录: the certificates on the inserted keys, read again by the certificate helper. */
    public void useCertificate() {
        show(Panel.CERTIFICATE.name());
        forgetFlow();
        certified = null;
        readCertificates();
    }

    public void readCertificates() {
        try {
            certificates = certificateLogin().insertedCertificates();
            certificate = certificates.size() == 1 ? value(certificates.get(0)) : certificate;
            if (certificates.isEmpty()) {
                FacesSupport.info("certLogin.none");
            }
        } catch (DomainException e) {
            certificates = List.of();
            FacesSupport.error(e);
        }
    }

    /** 登录 with the PIN: the key signs the platform's challenge; the platform checks it and lists the staff. */
    public void submitCertificate() {
        try {
            CertificateHelper.KeyCertificate chosen = certificates.stream().filter(c -> value(c).equals(certificate))
                    .findFirst().orElse(null);
            certified = certificateLogin().signWithKey(chosen == null ? null : chosen.token(),
                    chosen == null ? null : chosen.alias(), pin == null ? null : pin.toCharArray(), agentEntry(),
                    FacesSupport.client());
            flowToken = certified.flowToken();
            staffGrantId = certified.staff().isEmpty() ? null : certified.staff().get(0).grantId();
            show(Panel.CHOOSE_STAFF.name());
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
            PasswordAccepted accepted = certificateLogin().chooseStaff(flowToken, staffGrantId);
            setPhoneMasked(accepted.phoneMasked());
            setNameMasked(accepted.nameMasked());
            show(Panel.SECOND_FACTOR.name());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** The flow and the certificate are forgotten (restart, cancel). */
    protected void forgetCertificate() {
        certified = null;
        staffGrantId = null;
    }

    /** The radio value of a certificate: which key, which entry on it. */
    public String value(CertificateHelper.KeyCertificate c) {
        return c.token() + "/" + c.alias();
    }

    /** "{holder}（国密证书，序列号 …，有效期至 …）". */
    public String certificateLabel(CertificateHelper.KeyCertificate c) {
        CertificateHolder h = c.holder();
        String kind = FacesSupport.text("SM2".equals(h.algorithm()) ? "certLogin.kind.national"
                : "certLogin.kind.international");
        String until = h.notAfter() == null ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE.format(h.notAfter().atZone(clock().zone()));
        return FacesSupport.text("certLogin.option", h.holder(), kind, h.serialNumber(), until);
    }

    /** Whose certificate the key's signature proved, before the staff member is chosen. */
    public String getCertifiedText() {
        return certified == null ? "" : FacesSupport.text("certLogin.staff.text", certified.holder(),
                certified.serialNumber());
    }

    /** "{name}（{type}）", marked when frozen (listed, but refused when chosen). */
    public String staffLabel(StaffOption o) {
        return StaffLabels.of(o);
    }

    public List<CertificateHelper.KeyCertificate> getCertificates() { return certificates; }
    public String getCertificate() { return certificate; }
    public void setCertificate(String certificate) { this.certificate = certificate; }
    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public CertificateAccepted getCertified() { return certified; }
    public Long getStaffGrantId() { return staffGrantId; }
    public void setStaffGrantId(Long staffGrantId) { this.staffGrantId = staffGrantId; }
}
