package cn.etax.identity.grant.web;

import cn.etax.identity.grant.application.AuthorisationService;
import cn.etax.identity.grant.application.AuthorisationView;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * authorisations/apply.xhtml (PER-2 申请企业授权): credit code + identity type; the application waits for the
 * enterprise's legal representative or finance officer, so the page says where it now waits.
 */
@Named
@ViewScoped
public class ApplyAuthorisationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuthorisationService grants;

    private String creditCode;
    private IdentityType identityType = IdentityType.TAX_OFFICER;
    private AuthorisationView applied;

    public void apply() {
        try {
            applied = grants.apply(creditCode, identityType, null, FacesSupport.client());
            creditCode = null;
            FacesSupport.info("authorisations.apply.done");
        } catch (DomainException e) {
            applied = null;
            FacesSupport.error(e);
        }
    }

    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public IdentityType getIdentityType() { return identityType; }
    public void setIdentityType(IdentityType identityType) { this.identityType = identityType; }
    public AuthorisationView getApplied() { return applied; }
}
