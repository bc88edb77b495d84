package cn.etax.identity.account.web;

import cn.etax.identity.account.application.AgentCenterService;
import cn.etax.identity.account.application.AgentCenterView;
import cn.etax.identity.account.application.EnterpriseField;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.grant.domain.IdentityType;
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
 * The agent account center's pages (代理企业账户中心): agent/info.xhtml (AGT-1), agent/permissions.xhtml (AGT-2) and
 * agent/switch.xhtml (AGT-3: another client, or personal business). Holds no rule; AgentCenterService decides and
 * checks the session's agent identity again at every call.
 */
@Named
@ViewScoped
public class AgentCenterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AgentCenterService center;

    @Inject
    Sessions sessions;

    private AgentCenterView info;
    private List<ClientOption> clients = List.of();
    private final Eye eye = new Eye();

    /** AGT-1 and AGT-2. */
    public void load() {
        try {
            info = center.info(current(), FacesSupport.client());
        } catch (DomainException e) {
            info = null;
            FacesSupport.error(e);
        }
    }

    /** RULE-MASK: the eye on the client's name, address and key persons' names; each reveal recorded. */
    public void toggle(String key) {
        try {
            EnterpriseField field = EnterpriseField.valueOf(key);
            eye.toggle(key, () -> center.reveal(current(), field, FacesSupport.client()));
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

    /** AGT-3: the clients to switch to. */
    public void loadClients() {
        clients = MandateRows.listed(() -> center.clients(current(), FacesSupport.client()));
    }

    /** 进入: acts for that client from now on, then its information. */
    public String switchTo(long mandateId) {
        try {
            return switched(center.switchClient(current(), mandateId, FacesSupport.client()),
                    "/account/agent/info?faces-redirect=true");
        } catch (DomainException e) {
            FacesSupport.error(e);
            loadClients();
            return null;
        }
    }

    /** 个人办税: one way; the personal account center follows. */
    public String toPersonal() {
        try {
            return switched(center.toPersonal(current(), FacesSupport.client()), "/account/profile?faces-redirect=true");
        } catch (DomainException e) {
            FacesSupport.error(e);
            return null;
        }
    }

    public boolean isCurrent(ClientOption c) {
        AuthenticatedPerson p = current();
        return p != null && p.agent() != null && p.agent().mandateId() == c.mandateId();
    }

    public String scope() {
        return info == null ? "" : Labels.permissions(info.mandate().scope());
    }

    public String permissions() {
        return info == null ? "" : Labels.permissions(info.mandate().permissions());
    }

    public String permissions(ClientOption c) {
        return Labels.permissions(c.permissions());
    }

    private String switched(AuthenticatedPerson next, String outcome) {
        return SwitchedPage.to(sessions, next, outcome, "identitySwitch.done", () -> next.agent() == null
                ? FacesSupport.text("identitySwitch.personal") : next.agent().clientName());
    }

    private AuthenticatedPerson current() {
        return sessions.current(FacesSupport.request());
    }

    public AgentCenterView getInfo() { return info; }
    public List<ClientOption> getClients() { return clients; }
}
