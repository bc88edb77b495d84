package cn.etax.identity.simulation.web;

import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.simulation.application.SimulatorService;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * sim/app.xhtml: the tax app / IIT app simulator. A tester pastes the QR code number shown on the page, sees
 * where the request comes from and whom it is for, and lets the face check pass or fail. The IIT app needs its
 * user logged in (document + password); the tax app does not.
 */
@Named
@ViewScoped
public class MobileAppBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SimulatorService simulators;

    private String qrToken;
    private QrCheckService.Scan scan;
    private IdType appUserIdType = IdType.RESIDENT_ID_CARD;
    private String appUserIdNumber;
    private String appUserPassword;
    private QrState result;

    public void scanCode() {
        result = null;
        try {
            scan = simulators.scan(qrToken == null ? null : qrToken.strip());
        } catch (DomainException e) {
            scan = null;
            FacesSupport.error(e);
        }
    }

    public void pass() {
        decide(true);
    }

    public void fail() {
        decide(false);
    }

    private void decide(boolean faceMatches) {
        try {
            result = simulators.decide(qrToken.strip(), faceMatches, appUserIdType, appUserIdNumber, appUserPassword);
            scan = null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        } finally {
            appUserPassword = null;
        }
    }

    public IdType[] getIdTypes() { return IdType.values(); }
    public String getQrToken() { return qrToken; }
    public void setQrToken(String qrToken) { this.qrToken = qrToken; }
    public QrCheckService.Scan getScan() { return scan; }
    public IdType getAppUserIdType() { return appUserIdType; }
    public void setAppUserIdType(IdType appUserIdType) { this.appUserIdType = appUserIdType; }
    public String getAppUserIdNumber() { return appUserIdNumber; }
    public void setAppUserIdNumber(String appUserIdNumber) { this.appUserIdNumber = appUserIdNumber; }
    public String getAppUserPassword() { return appUserPassword; }
    public void setAppUserPassword(String appUserPassword) { this.appUserPassword = appUserPassword; }
    public QrState getResult() { return result; }
}
