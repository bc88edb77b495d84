package cn.etax.identity.account.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.application.LoginSteps;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.identity.application.IdentitySwitchService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.taxpayer.domain.Taxpayer;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * The agent account center (代理企业账户中心, AGT-1..AGT-3) for a session opened at the agent entry (LOGIN-3): the
 * client's information, the agent's permissions there, and the switch to another client or to personal business
 * without logging in again. The session's agent identity is checked again at every call ({@link AgentService#acting}):
 * a mandate cancelled or expired, or an agent frozen in the agency, stops him at once (AGT-4). Every switch is
 * audited with the agency and the client and written to the login log.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class AgentCenterService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    AgentService agents;

    @EJB
    PersonDirectory directory;

    @EJB
    AuditService audit;

    @EJB
    LoginLogService loginLog;

    /** AGT-1 and AGT-2. */
    public AgentCenterView info(AuthenticatedPerson current, ClientContext client) {
        AgentIdentity agent = acting(current, client);
        Taxpayer customer = em.find(Taxpayer.class, agent.clientTaxpayerId());
        AgencyMandate mandate = em.find(AgencyMandate.class, agent.mandateId());
        Person me = directory.get(current.personId());
        return new AgentCenterView(EnterpriseCenterService.basic(customer),
                EnterpriseCenterService.keyPersonnel(customer),
                new AgentCenterView.Agent(Masking.name(me.name()), me.realNameLevel(), agent.agencyCreditCode(),
                        agent.agencyName(), agent.agentType()),
                new AgentCenterView.Mandate(mandate.id(), mandate.scope(), mandate.validFrom(), mandate.validUntil(),
                        agent.permissions()));
    }

    /**
     * RULE-MASK in the agent account center (AGT-1): the clear value of the client's name, address or a key person's
     * name that the page shows masked; recorded as a reveal by the agent. Investors are not shown to agents.
     */
    public String reveal(AuthenticatedPerson current, EnterpriseField field, ClientContext client) {
        if (field == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        AgentIdentity agent = acting(current, client);
        if (field == EnterpriseField.INVESTOR_NAME) {
            throw new ForbiddenException("AGENT_INFO_FORBIDDEN");
        }
        String value = EnterpriseCenterService.clear(em.find(Taxpayer.class, agent.clientTaxpayerId()), field, null);
        Reveals.record(audit, current.personId(), "taxpayer:" + agent.clientTaxpayerId(),
                field.name() + " as agent of " + agent.agencyCreditCode(), client);
        return value;
    }

    /** AGT-3: the clients the agent may enter now, the current one among them. */
    public List<ClientOption> clients(AuthenticatedPerson current, ClientContext client) {
        AgentIdentity agent = acting(current, client);
        return agents.clients(current.personId(), agent.agencyTaxpayerId());
    }

    /** AGT-3 企业办税: the session acts for another client of the same agency, under that mandate. */
    public AuthenticatedPerson switchClient(AuthenticatedPerson current, Long mandateId, ClientContext client) {
        AgentIdentity from = acting(current, client);
        long personId = current.personId();
        try {
            if (mandateId == null) {
                throw new InvalidInputException("MANDATE_ID_REQUIRED");
            }
            AgentIdentity to = agents.enter(personId, from.agencyTaxpayerId(), mandateId);
            audit.record(personId, "IDENTITY_SWITCHED", "taxpayer:" + to.clientCreditCode(), "agent of "
                    + from.agencyCreditCode() + ": client " + from.clientCreditCode() + " -> " + to.clientCreditCode()
                    + ", mandate " + to.mandateId(), client);
            loginLog.recordEnterprise(to.clientTaxpayerId(), personId, null, LoginOutcome.SWITCH,
                    LoginSteps.AGENT_LOGIN_REASON, client);
            return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                    current.authenticatedAt(), null, to);
        } catch (DomainException e) {
            audit.recordSeparately(personId, "IDENTITY_SWITCH_REFUSED", "mandate:" + mandateId, e.code(), client);
            throw e;
        }
    }

    /** AGT-3 个人办税: one way, as ENT-9 — back to an agent identity only by a new login. */
    public AuthenticatedPerson toPersonal(AuthenticatedPerson current, ClientContext client) {
        AgentIdentity from = acting(current, client);
        long personId = current.personId();
        audit.record(personId, "IDENTITY_SWITCHED", "personal", "agent of " + from.agencyCreditCode() + " for "
                + from.clientCreditCode() + " -> personal", client);
        loginLog.record(LoginLogService.PERSON_ENTRY, personId, null, LoginOutcome.SWITCH,
                IdentitySwitchService.TO_PERSONAL, client);
        return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                current.authenticatedAt(), null, null);
    }

    /** The caller's own session, opened at the agent entry, still acting as it stands today. */
    private AgentIdentity acting(AuthenticatedPerson current, ClientContext client) {
        long caller = Caller.personId(context);
        if (current == null || current.personId() != caller || current.agent() == null) {
            throw new ForbiddenException("AGENT_LOGIN_REQUIRED");
        }
        return agents.acting(caller, current.agent(), client);
    }
}
