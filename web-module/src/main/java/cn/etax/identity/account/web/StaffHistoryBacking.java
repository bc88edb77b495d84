package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.StaffFilter;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** enterprise/staff-history.xhtml (ENT-5): deleted, withdrawn, rejected; identity type, fuzzy name; 清除记录 hides. */
@Named
@ViewScoped
public class StaffHistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StaffService staff;

    @Inject
    CurrentEnterprise current;

    private IdentityType identityType;
    private String name;
    private List<GrantView> grants = List.of();

    public void load() {
        search();
    }

    public void search() {
        try {
            grants = staff.history(current.require(), new StaffFilter(identityType, name), FacesSupport.client());
        } catch (DomainException e) {
            grants = List.of();
            FacesSupport.error(e);
        }
    }

    public void clearRecord(long grantId) {
        try {
            staff.clearRecord(current.require(), grantId, FacesSupport.client());
            FacesSupport.info("account.ent.history.cleared");
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        search();
    }

    public IdentityType[] getIdentityTypes() { return IdentityType.values(); }
    public IdentityType getIdentityType() { return identityType; }
    public void setIdentityType(IdentityType identityType) { this.identityType = identityType; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<GrantView> getGrants() { return grants; }
}
