package cn.etax.identity.crossregion.web;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.crossregion.application.CrossRegionCenterService;
import cn.etax.identity.crossregion.application.SubjectOption;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.faces.SwitchedPage;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * account/enterprise/crossregion.xhtml: ENT-9 身份切换-跨区域办税 — in an enterprise identity, 报验项目选择 or 税源登记选择:
 * the taxpayer's subjects of that type he may switch to, narrowed by region, tax authority and number, and 【切换】.
 * Holds no rule; CrossRegionCenterService decides and checks the enterprise identity and the subject again.
 */
@Named
@ViewScoped
public class EnterpriseCrossRegionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CrossRegionCenterService center;

    @Inject
    Sessions sessions;

    private CrossRegionKind kind = CrossRegionKind.INSPECTION;
    private List<SubjectOption> subjects = List.of();
    private String region;
    private String taxAuthority;
    private String number;
    private boolean searched;

    /** 查询: the subjects of the chosen type, narrowed by what was typed. */
    public void search() {
        try {
            subjects = center.available(current(), kind, FacesSupport.client());
        } catch (DomainException e) {
            subjects = List.of();
            FacesSupport.error(e);
        }
        searched = true;
    }

    public List<SubjectOption> getShown() {
        return subjects.stream().filter(s -> contains(s.region(), region))
                .filter(s -> contains(s.taxAuthority(), taxAuthority)).filter(s -> contains(s.number(), number))
                .toList();
    }

    /** 切换: acts as that subject from now on; its page follows. */
    public String switchTo(long subjectId) {
        try {
            AuthenticatedPerson next = center.fromEnterprise(current(), kind, subjectId, FacesSupport.client());
            return SwitchedPage.to(sessions, next, "/account/crossregion/info?faces-redirect=true",
                    "identitySwitch.done", () -> next.crossRegion().number());
        } catch (DomainException e) {
            FacesSupport.error(e);
            search();
            return null;
        }
    }

    private static boolean contains(String value, String wanted) {
        return wanted == null || wanted.isBlank()
                || value.toUpperCase(Locale.ROOT).contains(wanted.strip().toUpperCase(Locale.ROOT));
    }

    private AuthenticatedPerson current() {
        return sessions.current(FacesSupport.request());
    }

    public CrossRegionKind[] getKinds() { return CrossRegionKind.values(); }
    public CrossRegionKind getKind() { return kind; }
    public void setKind(CrossRegionKind kind) { this.kind = kind; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getTaxAuthority() { return taxAuthority; }
    public void setTaxAuthority(String taxAuthority) { this.taxAuthority = taxAuthority; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public boolean isSearched() { return searched; }
}
