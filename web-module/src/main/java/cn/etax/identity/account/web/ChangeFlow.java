package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FaceCheckPoll;
import cn.etax.identity.web.faces.FacesSupport;

import java.io.Serializable;

/**
 * The change flow of an account-center page (password, deregistration, real-name level, documents): opened on first
 * use, it carries the SMS codes asked for and the QR face check the page shows and polls. Held by the page's
 * view-scoped bean; the service is handed in on each call, never kept here.
 */
final class ChangeFlow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;
    private String qrToken;

    /** The flow's token, the flow opened now if the page has none yet. */
    String token(AccountService account) {
        if (token == null) {
            token = account.beginChange(FacesSupport.client());
        }
        return token;
    }

    /** Starts (or restarts) the QR face check in the tax app or the IIT app; a refusal is shown. */
    void startFaceCheck(AccountService account, QrApp app) {
        startFaceCheck(flow -> account.startFaceCheck(flow, app, FacesSupport.client()), account);
    }

    /** REG-7: the same for the face check that proves a deregistration (the app says so). */
    void startDeregistrationFaceCheck(AccountService account, QrApp app) {
        startFaceCheck(flow -> account.startDeregistrationFaceCheck(flow, app, FacesSupport.client()), account);
    }

    private void startFaceCheck(java.util.function.UnaryOperator<String> start, AccountService account) {
        try {
            qrToken = start.apply(token(account));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** The page's poll while the QR code is shown ({@link FaceCheckPoll}): a confirmed check runs the change. */
    void poll(AccountService account, Runnable onConfirmed) {
        if (qrToken != null && FaceCheckPoll.poll(() -> account.faceCheckState(token), onConfirmed)) {
            qrToken = null;
        }
    }

    /** The QR code is no longer shown; the flow stays. */
    void hideQr() {
        qrToken = null;
    }

    /** The change is done or dropped: the next one opens a new flow. */
    void reset() {
        token = null;
        qrToken = null;
    }

    /** The flow's token as it stands, null before the first use (a change without one is refused as FLOW_INVALID). */
    String current() {
        return token;
    }

    String qrToken() {
        return qrToken;
    }
}
