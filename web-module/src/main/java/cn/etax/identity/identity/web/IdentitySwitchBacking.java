package cn.etax.identity.identity.web;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.identity.application.IdentitySwitchService;
import cn.etax.identity.identity.application.SwitchTarget;
import cn.etax.identity.identity.application.SwitchableIdentity;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.faces.SwitchedPage;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * ENT-9 quick switch in the page header and ENT-1 "all of the viewer's identities, current one bold" in the account
 * center. The list is read once per request; the switch itself is the EJB operation, which checks the target again.
 */
@Named
@RequestScoped
public class IdentitySwitchBacking {

    @EJB
    IdentitySwitchService switches;

    @Inject
    Sessions sessions;

    private List<SwitchableIdentity> identities;

    /** The session's identity, or null when not logged in. */
    public AuthenticatedPerson getCurrent() {
        return sessions.current(FacesSupport.request());
    }

    /** An enterprise identity is current: only then is there anything to switch to (personal is one way). */
    public boolean isEnterprise() {
        AuthenticatedPerson p = getCurrent();
        return p != null && p.enterprise() != null;
    }

    /** LOGIN-4: a cross-region subject is current; its switch is on the subject's own page. */
    public boolean isCrossRegion() {
        AuthenticatedPerson p = getCurrent();
        return p != null && p.crossRegion() != null;
    }

    public List<SwitchableIdentity> getIdentities() {
        if (identities == null) {
            AuthenticatedPerson p = getCurrent();
            try {
                identities = p == null ? List.of() : switches.identities(p);
            } catch (DomainException e) {
                // the request that completed the login still runs as the anonymous caller it started as
                identities = List.of();
            }
        }
        return identities;
    }

    /** ENT-9 身份切换's 企业办税: every enterprise identity of the person, the current one and frozen ones included. */
    public List<SwitchableIdentity> getEnterpriseIdentities() {
        return getIdentities().stream().filter(i -> i.kind() == SwitchTarget.Kind.ENTERPRISE).toList();
    }

    public List<SwitchableIdentity> getSwitchable() {
        return getIdentities().stream().filter(SwitchableIdentity::switchable).toList();
    }

    /** "江西**有限公司 · 办税员" or "个人办税". */
    public String label(SwitchableIdentity i) {
        if (i.kind() == SwitchTarget.Kind.PERSONAL) {
            return FacesSupport.text("identitySwitch.personal");
        }
        return i.taxpayerName() + " · " + type(i.identityType().name());
    }

    /** The header's line for the current identity. */
    public String getCurrentLabel() {
        AuthenticatedPerson p = getCurrent();
        if (p == null) {
            return "";
        }
        if (p.agent() != null) {
            return FacesSupport.text("agent.header", p.agent().clientName(), p.agent().agencyName());
        }
        if (p.crossRegion() != null) {
            return FacesSupport.text("crossRegion.header", p.crossRegion().taxpayerName(),
                    p.crossRegion().number());
        }
        EnterpriseIdentity e = p.enterprise();
        return e == null ? FacesSupport.text("identitySwitch.personal")
                : e.taxpayerName() + " · " + type(e.identityType().name());
    }

    public String stateLabel(SwitchableIdentity i) {
        return i.state() == null ? "" : FacesSupport.text("identitySwitch.state." + i.state().name().toLowerCase(
                Locale.ROOT));
    }

    /**
     * Switches to the target named by the request parameters {@code kind} and {@code grantId} (the service accepts
     * only the caller's own grants) and opens the new identity's account center; a refusal stays on the page
     * with its message; a session that has ended goes to the login page.
     */
    public String switchTo() {
        AuthenticatedPerson p = getCurrent();
        if (p == null) {
            return "/login?faces-redirect=true";
        }
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        SwitchTarget target;
        try {
            target = "PERSONAL".equals(params.get("kind")) ? new SwitchTarget.Personal()
                    : new SwitchTarget.Enterprise(Long.parseLong(params.getOrDefault("grantId", "")));
        } catch (NumberFormatException e) {
            return null;
        }
        return switchTo(p, target);
    }

    /** 切换到个人办税 (its button asks for a confirmation first, which carries no request parameters). */
    public String toPersonal() {
        AuthenticatedPerson p = getCurrent();
        return p == null ? "/login?faces-redirect=true" : switchTo(p, new SwitchTarget.Personal());
    }

    private String switchTo(AuthenticatedPerson p, SwitchTarget target) {
        try {
            AuthenticatedPerson next = switches.switchTo(p, target, FacesSupport.client());
            identities = null;
            // the account center of the identity now held: the enterprise's after a switch to an enterprise (as after
            // an enterprise login), the personal one after 个人办税
            String home = next.enterprise() != null ? "/account/enterprise/info?faces-redirect=true"
                    : "/account/profile?faces-redirect=true";
            return SwitchedPage.to(sessions, next, home, "identitySwitch.done", this::getCurrentLabel);
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        }
    }

    private static String type(String name) {
        return FacesSupport.text("grant.identity_type." + name.toLowerCase(Locale.ROOT));
    }
}
