package cn.etax.identity.simulation.web;

import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrScanner;
import cn.etax.identity.grant.domain.IdentityType;
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
 * user logged in (document + password); the tax app does not. A login page's code (LOGIN-7 扫码登录) is scanned by an
 * app whose user logged in first — the tax app in personal or enterprise business, the IIT app, or the electronic
 * business licence app of an enterprise — and then confirmed or cancelled.
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
    private boolean loginCode;
    private QrScanner scanner = QrScanner.TAX_APP;
    private String creditCode;
    private IdentityType identityType;
    private QrLogin.AppSession session;
    private QrLoginService.Scan loginScan;
    private String loginResult;

    public void scanCode() {
        result = null;
        loginScan = null;
        session = null;
        loginResult = null;
        try {
            loginCode = simulators.isLoginCode(qrToken);
            if (loginCode) {
                scan = null; // LOGIN-7: the app's own login comes first, then the scan
                return;
            }
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

    /** LOGIN-7: the app's own login, then the scan of the login page's code; the phone shows what it will log in. */
    public void scanLogin() {
        try {
            session = simulators.appLogin(scanner, appUserIdType, appUserIdNumber, appUserPassword, creditCode,
                    identityType);
            loginScan = simulators.scanLogin(qrToken, session);
        } catch (DomainException e) {
            session = null;
            loginScan = null;
            FacesSupport.error(e);
        } finally {
            appUserPassword = null;
        }
    }

    /** 确认登录 */
    public void confirmLogin() {
        decideLogin(true);
    }

    /** 取消登录 */
    public void cancelLogin() {
        decideLogin(false);
    }

    private void decideLogin(boolean confirm) {
        if (session == null) {
            return;
        }
        try {
            if (confirm) {
                simulators.confirmLogin(qrToken, session, FacesSupport.client());
            } else {
                simulators.cancelLogin(qrToken, session);
            }
            loginResult = confirm ? "CONFIRMED" : "CANCELLED";
            loginScan = null;
            loginCode = false;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public QrScanner[] getScanners() { return QrScanner.values(); }
    public IdentityType[] getIdentityTypes() { return IdentityType.values(); }
    public boolean isLoginCode() { return loginCode; }
    public QrScanner getScanner() { return scanner; }
    public void setScanner(QrScanner scanner) { this.scanner = scanner; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public IdentityType getIdentityType() { return identityType; }
    public void setIdentityType(IdentityType identityType) { this.identityType = identityType; }
    public QrLoginService.Scan getLoginScan() { return loginScan; }
    public String getLoginResult() { return loginResult; }

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
