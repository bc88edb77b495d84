package cn.etax.identity.transition.web;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.web.ClientLabels;
import cn.etax.identity.authentication.web.SecondFactorSteps;
import cn.etax.identity.authentication.web.SliderState;
import cn.etax.identity.authentication.web.StaffLabels;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.grant.application.StaffOption;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.transition.application.LegacyAccepted;
import cn.etax.identity.transition.application.LegacyLoginService;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Set;

/**
 * legacy-login.xhtml (LOGIN-11 旧版登录, during the transition only): the taxpayer's credit code, its old enterprise
 * password and the slider; 选择法人、财务负责人或办税人员; that person's second factor on the shared panels, then the
 * enterprise account center. With {@code ?entry=agent} the old agent entry (旧版代理登录): the agency's code and
 * password, one of its agents, his second factor, then 被代理企业选择. Closed after the transition's last day. Holds no
 * rule; LegacyLoginService decides.
 */
@Named
@ViewScoped
public class LegacyLoginBacking extends SecondFactorSteps {

    private static final long serialVersionUID = 1L;

    private static final Set<String> FINAL_REFUSALS = Set.of("ENTERPRISE_IDENTITY_FROZEN",
            "ENTERPRISE_IDENTITY_UNAVAILABLE", "USER_NOT_REGISTERED", "AGENT_RELATION_NOT_FOUND", "AGENT_NO_CLIENTS");

    public enum Step { PASSWORD, CHOOSE_STAFF, SECOND_FACTOR, AGREEMENTS, CHANGE_PASSWORD, CHOOSE_CLIENT, REFUSED }

    @EJB
    LegacyLoginService legacy;

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    private Step step = Step.PASSWORD;
    private String creditCode;
    private String password;
    private final SliderState slider = new SliderState();
    private LegacyAccepted accepted;
    private Long staffGrantId;
    private List<ClientOption> clients = List.of();

    /** The old agent entry (旧版代理登录, view parameter {@code ?entry=agent}). */
    private boolean agentEntry;

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public String getEntry() { return agentEntry ? "agent" : null; }

    /** The entry is the page's until a flow has begun; a postback cannot turn one flow into the other's page. */
    public void setEntry(String entry) {
        if (flowToken == null) {
            agentEntry = "agent".equals(entry);
        }
    }

    public void submitPassword() {
        try {
            accepted = legacy.password(creditCode, password, slider.token(), slider.getValue(), agentEntry,
                    FacesSupport.client());
            flowToken = accepted.flowToken();
            staffGrantId = accepted.staff().isEmpty() ? null : accepted.staff().get(0).grantId();
            step = Step.CHOOSE_STAFF;
            if (accepted.staff().isEmpty()) {
                FacesSupport.info("certLogin.noStaff");
            }
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    /**
     * 选择人员, then 下一步: that person's second factor follows. A refused choice (a frozen identity) leaves the list
     * for another; a dead flow starts again.
     */
    public void chooseStaff() {
        try {
            PasswordAccepted chosen = legacy.chooseStaff(flowToken, staffGrantId);
            setPhoneMasked(chosen.phoneMasked());
            setNameMasked(chosen.nameMasked());
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            if (e.code().startsWith("FLOW_")) {
                restart();
            }
        }
    }

    public String staffLabel(StaffOption o) {
        return StaffLabels.of(o);
    }

    /** 进入: the client of this mandate, checked again; the list stays when it is no longer available. */
    public void enter(long mandateId) {
        try {
            handle(login.enterClient(flowToken, mandateId, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    public String permissions(ClientOption c) {
        return ClientLabels.permissions(c);
    }

    /** The old agent entry: the clients to enter one of. */
    @Override
    protected boolean handleMore(LoginResult result) {
        if (result.status() != LoginResult.Status.CHOOSE_CLIENT) {
            return false;
        }
        clients = result.clients();
        step = Step.CHOOSE_CLIENT;
        return true;
    }

    public void cancel() {
        restart();
    }

    @Override
    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        accepted = null;
        staffGrantId = null;
        clients = List.of();
        slider.renew(humanCheck);
    }

    @Override
    protected LoginService login() {
        return login;
    }

    @Override
    protected void show(String name) {
        step = Step.valueOf(name);
    }

    @Override
    protected Set<String> finalRefusals() {
        return FINAL_REFUSALS;
    }

    public boolean isAgentEntry() { return agentEntry; }
    public List<ClientOption> getClients() { return clients; }
    public Step getStep() { return step; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public LegacyAccepted getAccepted() { return accepted; }
    public List<StaffOption> getStaff() { return accepted == null ? List.of() : accepted.staff(); }
    public Long getStaffGrantId() { return staffGrantId; }
    public void setStaffGrantId(Long staffGrantId) { this.staffGrantId = staffGrantId; }
}
