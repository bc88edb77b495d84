package cn.etax.identity.transition.web;

import cn.etax.identity.shared.DomainException;
import cn.etax.identity.transition.application.LegacyPasswordCenter;
import cn.etax.identity.transition.application.TransitionService;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * account/enterprise/legacy.xhtml (LOGIN-11): whether the enterprise's old shared password still opens the old entry,
 * until when, and 停用旧版登录 for its legal representative or finance officer (the EJB checks who).
 */
@Named
@ViewScoped
public class LegacyPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    LegacyPasswordCenter center;

    @Inject
    CurrentEnterprise current;

    private TransitionService.LegacyStatus status;

    public void load() {
        try {
            status = center.status(current.require(), FacesSupport.client());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void stop() {
        try {
            status = center.stop(current.require(), FacesSupport.client());
            FacesSupport.info("legacy.center.stopped");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public TransitionService.LegacyStatus getStatus() {
        return status;
    }
}
