package cn.etax.identity.account.web;

import cn.etax.identity.account.application.EnterpriseCenterService;
import cn.etax.identity.account.application.EnterpriseField;
import cn.etax.identity.account.application.EnterpriseInfoView;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * enterprise/info.xhtml (ENT-1): the current taxpayer's basic information as the service lets the current identity
 * see it, masked, with the audited "eye". Keys: an {@link EnterpriseField} name, or {@code INVESTOR:<id>}.
 */
@Named
@ViewScoped
public class EnterpriseInfoBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String INVESTOR = "INVESTOR:";

    @EJB
    EnterpriseCenterService center;

    @Inject
    CurrentEnterprise current;

    private EnterpriseInfoView info;
    private final Eye eye = new Eye();

    public void load() {
        try {
            info = center.info(current.require(), FacesSupport.client());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public void toggle(String key) {
        try {
            Long investorId = key.startsWith(INVESTOR) ? Long.valueOf(key.substring(INVESTOR.length())) : null;
            EnterpriseField field = investorId != null ? EnterpriseField.INVESTOR_NAME : EnterpriseField.valueOf(key);
            eye.toggle(key, () -> center.reveal(current.require(), field, investorId, FacesSupport.client()));
        } catch (IllegalArgumentException e) {
            // a forged key from the page: nothing to reveal
        }
    }

    public boolean isShown(String key) {
        return eye.isShown(key);
    }

    public String value(String key, String masked) {
        return eye.value(key, masked);
    }

    /** The eye key of a key person's name. */
    public String keyField(IdentityType role) {
        return EnterpriseField.nameOf(role).name();
    }

    /** The current identity's permissions in catalogue order. */
    public List<Permission> getPermissions() {
        return info == null ? List.of() : info.viewer().permissions().stream().sorted().toList();
    }

    public EnterpriseInfoView getInfo() {
        return info;
    }
}
