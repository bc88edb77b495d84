package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.AgentView;
import cn.etax.identity.grant.application.MandateView;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * enterprise/agencies.xhtml (我的代理机构, 代理机构认定管理, ENT-8): the ordinary taxpayer's legal representative or
 * finance officer sees the agencies that filed mandates for it, recognises or declines a pending one, cancels a
 * recognised one, and looks at what each of the agency's agents may do for it (权限查看).
 */
@Named
@ViewScoped
public class AgenciesBacking extends MandateRows {

    private static final long serialVersionUID = 1L;

    @EJB
    AgencyMandateService mandates;

    @Inject
    CurrentEnterprise current;

    private List<MandateView> agencies = List.of();
    private MandateView viewed;
    private List<AgentView> agents = List.of();

    @Override
    public void load() {
        agencies = listed(() -> mandates.agencies(current.require(), FacesSupport.client()));
    }

    public void recognise(long id) {
        act(() -> mandates.recognise(current.require(), id, FacesSupport.client()), "agency.mandate.recognised");
    }

    public void decline(long id) {
        act(() -> mandates.decline(current.require(), id, FacesSupport.client()), "agency.mandate.declined");
    }

    public void cancel(long id) {
        act(() -> mandates.cancel(current.require(), id, FacesSupport.client()), "agency.mandate.cancelled");
    }

    /** 权限查看: the agents of this mandate's agency, for the dialog. */
    public void viewAgents(MandateView mandate) {
        viewed = mandate;
        agents = listed(() -> mandates.agentsFor(current.require(), mandate.id(), FacesSupport.client()));
    }

    public String permissions(AgentView a) {
        return Labels.permissions(a.permissions());
    }

    public List<MandateView> getAgencies() { return agencies; }
    public MandateView getViewed() { return viewed; }
    public List<AgentView> getAgents() { return agents; }
}
