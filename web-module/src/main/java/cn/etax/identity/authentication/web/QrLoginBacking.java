package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * qr-login.xhtml: LOGIN-7 扫码登录. The page shows a one-time QR code and polls its state every two seconds: scanned
 * (the person confirms on the phone), then confirmed — the login completes as the app session's business — or
 * cancelled in the app, or expired; a new code is one click away. The agreements and the initial password follow
 * when due, as after the other entries. Holds no rule; the services decide.
 */
@Named
@ViewScoped
public class QrLoginBacking extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    public enum Step { QR, AGREEMENTS, CHANGE_PASSWORD }

    @EJB
    LoginService login;

    @EJB
    QrLoginService qrLogins;

    private Step step = Step.QR;
    private String code;
    private long validSeconds;
    private QrState state;

    @PostConstruct
    void init() {
        renew();
    }

    /** A new code (and flow) in place of the one shown, which is then of no use to anybody. */
    public void renew() {
        try {
            qrLogins.withdraw(flowToken);
            QrLoginService.Started started = qrLogins.start(FacesSupport.client());
            flowToken = started.flowToken();
            code = started.qrToken();
            validSeconds = started.validSeconds();
            state = QrState.PENDING;
        } catch (DomainException e) {
            FacesSupport.error(e);
            code = null;
        }
    }

    /** The page's poll while a code is shown. */
    public void poll() {
        if (code == null || step != Step.QR) {
            return;
        }
        try {
            state = qrLogins.state(flowToken);
            switch (state) {
                case CONFIRMED -> {
                    code = null;
                    handle(login.completeQrLogin(flowToken, FacesSupport.client()));
                }
                case EXPIRED, CANCELLED, FAILED -> code = null;
                default -> {
                    // PENDING: waiting for a scan; SCANNED: waiting for the confirmation on the phone
                }
            }
        } catch (DomainException e) {
            code = null;
            state = null;
            FacesSupport.error(e);
        }
    }

    @Override
    protected void show(String name) {
        step = Step.valueOf(name);
    }

    @Override
    protected LoginService login() {
        return login;
    }

    /** A new code; after the initial password was replaced the person scans again. */
    @Override
    public void restart() {
        step = Step.QR;
        forgetFlow();
        renew();
    }

    @Override
    protected String reloginMessage() {
        return "qrLogin.relogin";
    }

    public Step getStep() { return step; }
    public String getCode() { return code; }
    public long getValidSeconds() { return validSeconds; }
    public QrState getState() { return state; }
}
