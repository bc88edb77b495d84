package cn.etax.identity.crossregion.web;

import cn.etax.identity.account.web.Labels;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.crossregion.application.CrossRegionCenterService;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.SubjectOption;
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

/**
 * account/crossregion/info.xhtml: after the special-subject entry (LOGIN-4) there is no account center, only the
 * subject the session acts as and 身份切换 — to another subject of the taxpayer, back to his enterprise identity there
 * (main role), or to personal business (one way).
 * Holds no rule; CrossRegionCenterService decides and checks the subject again at every call.
 */
@Named
@ViewScoped
public class CrossRegionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CrossRegionCenterService center;

    @Inject
    Sessions sessions;

    private CrossRegionIdentity subject;
    private List<SubjectOption> subjects = List.of();

    public void load() {
        try {
            subject = center.current(current(), FacesSupport.client());
            subjects = center.subjects(current(), FacesSupport.client());
        } catch (DomainException e) {
            subject = null;
            subjects = List.of();
            FacesSupport.error(e);
        }
    }

    /** 切换: acts as that subject from now on. */
    public String switchTo(long subjectId) {
        try {
            return switched(center.switchSubject(current(), subjectId, FacesSupport.client()),
                    "/account/crossregion/info?faces-redirect=true");
        } catch (DomainException e) {
            FacesSupport.error(e);
            load();
            return null;
        }
    }

    /** Back to his enterprise identity in the taxpayer (main role); the enterprise account center follows. */
    public String toEnterprise() {
        try {
            return switched(center.toEnterprise(current(), FacesSupport.client()),
                    "/account/enterprise/info?faces-redirect=true");
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        }
    }

    /** 个人办税: one way; the personal account center follows. */
    public String toPersonal() {
        try {
            return switched(center.toPersonal(current(), FacesSupport.client()),
                    "/account/profile?faces-redirect=true");
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        }
    }

    public boolean isCurrent(SubjectOption s) {
        return subject != null && subject.subjectId() == s.subjectId();
    }

    public String permissions() {
        return subject == null ? "" : Labels.permissions(subject.permissions());
    }

    private String switched(AuthenticatedPerson next, String outcome) {
        return SwitchedPage.to(sessions, next, outcome, "identitySwitch.done", () -> next.crossRegion() != null
                ? next.crossRegion().number() : next.enterprise() != null ? next.enterprise().taxpayerName()
                : FacesSupport.text("identitySwitch.personal"));
    }

    private AuthenticatedPerson current() {
        return sessions.current(FacesSupport.request());
    }

    public CrossRegionIdentity getSubject() { return subject; }
    public List<SubjectOption> getSubjects() { return subjects; }
}
