package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.AgentView;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** enterprise/agency-agents.xhtml (税务代理人员信息, ENT-8): the tax-agent institution's agents and their permissions. */
@Named
@RequestScoped
public class AgencyAgentsBacking {

    @EJB
    AgencyMandateService mandates;

    @Inject
    CurrentEnterprise current;

    private List<AgentView> agents = List.of();

    public void load() {
        agents = MandateRows.listed(() -> mandates.agentStaff(current.require(), FacesSupport.client()));
    }

    public String permissions(AgentView a) {
        return Labels.permissions(a.permissions());
    }

    public List<AgentView> getAgents() { return agents; }
}
