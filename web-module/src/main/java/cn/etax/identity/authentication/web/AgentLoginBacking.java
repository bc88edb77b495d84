package cn.etax.identity.authentication.web;

import cn.etax.identity.authentication.application.CertificateLoginService;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.faces.FacesSupport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Set;

/**
 * agent-login.xhtml: the agent entry (代理业务, LOGIN-3) — the agency's credit code, the agent's account, password and
 * slider, or (证书登录) the agency's certificate, its PIN and which of its agents; the second factor, then 被代理企业选择:
 * 【进入】 one client. Holds no rule; LoginService and AgentService decide,
 * again at every step.
 */
@Named
@ViewScoped
public class AgentLoginBacking extends CertificateSteps {

    private static final long serialVersionUID = 1L;

    /** After the second factor these end the attempt: no agent of that agency, no client, frozen. */
    private static final Set<String> FINAL_REFUSALS = Set.of("AGENT_RELATION_NOT_FOUND", "AGENT_NO_CLIENTS",
            "ENTERPRISE_IDENTITY_FROZEN");

    public enum Step {
        PASSWORD, CERTIFICATE, CHOOSE_STAFF, SECOND_FACTOR, AGREEMENTS, CHANGE_PASSWORD, CHOOSE_CLIENT, REFUSED
    }

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    CertificateLoginService certificateLogin;

    @Inject
    BusinessClock clock;

    private Step step = Step.PASSWORD;
    private String creditCode;
    private String account;
    private String password;
    private final SliderState slider = new SliderState();
    private List<ClientOption> clients = List.of();

    @PostConstruct
    void init() {
        slider.renew(humanCheck);
    }

    public void submitPassword() {
        try {
            accepted(login.agentPassword(creditCode, account, password, slider.token(), slider.getValue(),
                    FacesSupport.client()));
            step = Step.SECOND_FACTOR;
        } catch (DomainException e) {
            FacesSupport.error(e);
            slider.renew(humanCheck);
        } finally {
            password = null;
        }
    }

    /** 进入: the client of this mandate, checked again; the list stays when it is no longer available. */
    public void enter(long mandateId) {
        try {
            handle(login.enterClient(flowToken, mandateId, FacesSupport.client()));
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
    }

    @Override
    public void restart() {
        step = Step.PASSWORD;
        forgetFlow();
        forgetCertificate();
        clients = List.of();
        slider.renew(humanCheck);
    }

    /** 取消: nothing is entered; the agent starts again. */
    public void cancel() {
        restart();
        FacesSupport.info("entLogin.cancelled");
    }

    /** The client's permissions for this agent, in the page's language. */
    public String permissions(ClientOption c) {
        return ClientLabels.permissions(c);
    }

    @Override
    protected void show(String name) {
        step = Step.valueOf(name);
    }

    @Override
    protected LoginService login() {
        return login;
    }

    @Override
    protected CertificateLoginService certificateLogin() {
        return certificateLogin;
    }

    @Override
    protected BusinessClock clock() {
        return clock;
    }

    /** The certificate variant (LOGIN-3): the agency's key, one of its agents, then the client. */
    @Override
    protected boolean agentEntry() {
        return true;
    }

    /** LOGIN-3: the clients to enter one of. */
    @Override
    protected boolean handleMore(LoginResult result) {
        if (result.status() != LoginResult.Status.CHOOSE_CLIENT) {
            return false;
        }
        clients = result.clients();
        step = Step.CHOOSE_CLIENT;
        return true;
    }

    @Override
    protected Set<String> finalRefusals() {
        return FINAL_REFUSALS;
    }

    public Step getStep() { return step; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public SliderState getSlider() { return slider; }
    public List<ClientOption> getClients() { return clients; }
}
