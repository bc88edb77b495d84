package cn.etax.identity.certificate.web;

import cn.etax.identity.certificate.application.EnterpriseCertificate;
import cn.etax.identity.certificate.application.EnterpriseCertificateService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * enterprise/certificates.xhtml (ENT-7 数字证书管理 — 税务数字证书): the current taxpayer's 国密 (SM2) and 非国密 (RSA)
 * certificates on the inserted keys, with a warning before one expires, and 修改证书密码 for a chosen key. What is
 * shown and what may be changed is decided by {@link EnterpriseCertificateService}.
 */
@Named
@ViewScoped
public class EnterpriseCertificatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @EJB
    EnterpriseCertificateService service;

    @Inject
    CurrentEnterprise current;

    @Inject
    BusinessClock clock;

    private List<EnterpriseCertificate> certificates = List.of();
    private boolean loaded;
    private String selectedToken;
    private String oldPin;
    private String newPin;
    private String confirmPin;

    public void load() {
        try {
            certificates = service.certificates(current.require(), FacesSupport.client());
            loaded = true;
        } catch (DomainException e) {
            certificates = List.of();
            loaded = false;
            FacesSupport.error(e);
        }
    }

    /** 修改证书密码 on a row: opens the form for that key. */
    public void select(String token) {
        selectedToken = token;
        clearPins();
    }

    public void cancel() {
        selectedToken = null;
        clearPins();
    }

    /** 确定: the service checks the rules, the key checks the old PIN. */
    public void changePin() {
        try {
            service.changePin(current.require(), selectedToken, chars(oldPin), chars(newPin), chars(confirmPin),
                    FacesSupport.client());
            FacesSupport.info("certificate.pin.changed");
            selectedToken = null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            clearPins();
        }
        load();
    }

    public List<EnterpriseCertificate> getNational() {
        return certificates.stream().filter(EnterpriseCertificate::nationalAlgorithm).toList();
    }

    public List<EnterpriseCertificate> getInternational() {
        return certificates.stream().filter(c -> !c.nationalAlgorithm()).toList();
    }

    public EnterpriseCertificate getSelected() {
        return certificates.stream().filter(c -> c.token().equals(selectedToken)).findFirst().orElse(null);
    }

    public String time(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.zone()));
    }

    /** The warning or state text of a row. */
    public String state(EnterpriseCertificate c) {
        return switch (c.state()) {
            case EXPIRING -> FacesSupport.text("certificate.state.EXPIRING", c.daysLeft());
            default -> FacesSupport.text("certificate.state." + c.state());
        };
    }

    /** How many of the listed certificates expire within the warning days or have expired. */
    public long getExpiryWarnings() {
        return certificates.stream().filter(c -> c.state() == EnterpriseCertificate.State.EXPIRING
                || c.state() == EnterpriseCertificate.State.EXPIRED).count();
    }

    public String getExpiryBanner() {
        return FacesSupport.text("certificate.expiryBanner", getExpiryWarnings(), service.warningDays());
    }

    public int getWarningDays() {
        return service.warningDays();
    }

    public boolean isLoaded() { return loaded; }
    public String getSelectedToken() { return selectedToken; }
    public String getOldPin() { return oldPin; }
    public void setOldPin(String oldPin) { this.oldPin = oldPin; }
    public String getNewPin() { return newPin; }
    public void setNewPin(String newPin) { this.newPin = newPin; }
    public String getConfirmPin() { return confirmPin; }
    public void setConfirmPin(String confirmPin) { this.confirmPin = confirmPin; }

    private void clearPins() {
        oldPin = null;
        newPin = null;
        confirmPin = null;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }
}
