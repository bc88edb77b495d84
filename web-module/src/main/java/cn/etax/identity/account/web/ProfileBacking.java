package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.account.application.ProfileView;
import cn.etax.identity.account.application.RevealableField;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/**
 * profile.xhtml (PER-1/ENT-6): the masked profile. The "eye" asks the service for one field in clear (the service
 * records every reveal); a second click masks it again without a new reveal. A level-3 person raises the real-name
 * level to 4 here by a QR face check (PER-6 【提升等级】).
 */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountService account;

    @Inject
    CurrentEnterprise currentEnterprise;

    @Inject
    Sessions sessions;

    private ProfileView profile;
    private final Eye eye = new Eye();
    private boolean raising;
    private final ChangeFlow changes = new ChangeFlow();

    /** The identity of an enterprise session (LOGIN-2), read from the server-side session; null otherwise. */
    public EnterpriseIdentity getEnterprise() {
        return currentEnterprise.identity();
    }

    /** {@code grant.identity_type.<type>} of the enterprise identity. */
    public String getEnterpriseTypeLabel() {
        EnterpriseIdentity e = getEnterprise();
        return e == null ? ""
                : FacesSupport.text("grant.identity_type." + e.identityType().name().toLowerCase(Locale.ROOT));
    }

    public void load() {
        try {
            profile = account.profile();
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    /** {@code key} is a field name, or {@code PHONE:<id>} for one phone. */
    public void toggle(String key) {
        try {
            Long phoneId = key.startsWith("PHONE:") ? Long.valueOf(key.substring("PHONE:".length())) : null;
            RevealableField field = phoneId != null ? RevealableField.PHONE : RevealableField.valueOf(key);
            eye.toggle(key, () -> account.reveal(field, phoneId, FacesSupport.client()));
        } catch (IllegalArgumentException e) {
            // a forged key from the page: nothing to reveal
        }
    }

    public boolean isShown(String key) {
        return eye.isShown(key);
    }

    /** The clear value when revealed, else the masked one given by the page. */
    public String value(String key, String masked) {
        return eye.value(key, masked);
    }

    // ---- PER-6 【提升等级】

    /** Shows the QR face-check choice of the level raise. */
    public void beginRaise() {
        raising = true;
    }

    public void startRaiseFaceCheck(String app) {
        changes.startFaceCheck(account, QrApp.valueOf(app));
    }

    /** The page's poll while the QR is shown: a confirmed face check raises the level at once. */
    public void pollRaise() {
        changes.poll(account, () -> {
            int level = account.raiseRealNameLevel(changes.current(), FacesSupport.client());
            sessions.realNameLevelRaised(FacesSupport.request(), level);
            changes.reset();
            raising = false;
            profile = account.profile();
            FacesSupport.info("realName.raised");
        });
    }

    public boolean isRaising() {
        return raising;
    }

    public String getQrToken() {
        return changes.qrToken();
    }

    public String getIdTypeLabel() {
        return profile == null ? "" : Labels.idType(profile.idType());
    }

    public String getNationalityLabel() {
        return profile == null ? "" : Labels.nationality(profile.nationality());
    }

    public ProfileView getProfile() {
        return profile;
    }
}
