package cn.etax.identity.account.web;

import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.AgentAssignmentView;
import cn.etax.identity.grant.application.MandateView;
import cn.etax.identity.grant.application.NewMandate;
import cn.etax.identity.grant.domain.AgencyMandate;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.web.faces.FacesSupport;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * enterprise/agency-clients.xhtml (被代理信息查看, ENT-8): a tax-agent institution's legal representative or finance
 * officer sees its clients' mandates, files a new one (client's credit code, scope, period), withdraws one the
 * client has not answered and cancels a recognised one.
 */
@Named
@ViewScoped
public class AgencyClientsBacking extends MandateRows {

    private static final long serialVersionUID = 1L;

    @EJB
    AgencyMandateService mandates;

    @Inject
    CurrentEnterprise current;

    private List<MandateView> clients = List.of();
    private String clientCreditCode;
    private List<String> scope = new ArrayList<>();
    private LocalDate validFrom;
    private LocalDate validUntil;
    private MandateView assigning;
    private List<AgentAssignmentView> assignmentRows = List.of();
    private Map<Long, Object> chosen = new HashMap<>();

    @Override
    public void load() {
        clients = listed(() -> mandates.clients(current.require(), FacesSupport.client()));
    }

    public void file() {
        try {
            EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
            scope.forEach(p -> permissions.add(Permission.valueOf(p)));
            MandateView filed = mandates.file(current.require(), new NewMandate(clientCreditCode, permissions,
                    validFrom, validUntil), FacesSupport.client());
            FacesSupport.info("agency.mandate.filed", filed.clientName());
            clientCreditCode = null;
            scope = new ArrayList<>();
            validFrom = null;
            validUntil = null;
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        load();
    }

    public void withdraw(long id) {
        act(() -> mandates.withdraw(current.require(), id, FacesSupport.client()), "agency.mandate.withdrawn");
    }

    public void cancel(long id) {
        act(() -> mandates.cancel(current.require(), id, FacesSupport.client()), "agency.mandate.cancelled");
    }

    /** 代理人员权限 opens for a mandate pending or in force. */
    public boolean isAssignable(MandateView m) {
        return isPending(m) || isRecognised(m) && m.inForce();
    }

    /** 【代理人员权限】: the agents of this mandate and what each may do for its client. */
    public void openAssignments(MandateView m) {
        assigning = m;
        loadAssignments();
    }

    /** 【保存】 on one agent's row: what he may do for the client; nothing ticked takes the assignment away. */
    public void saveAssignment(long grantId) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        Object ticked = chosen.get(grantId);
        if (ticked instanceof java.util.Collection<?> c) {
            c.forEach(p -> permissions.add(Permission.valueOf(String.valueOf(p))));
        } else if (ticked instanceof Object[] a) {
            for (Object p : a) {
                permissions.add(Permission.valueOf(String.valueOf(p)));
            }
        }
        try {
            AgentAssignmentView saved = mandates.assign(current.require(), assigning.id(), grantId, permissions,
                    FacesSupport.client());
            FacesSupport.info(saved.assigned().isEmpty() ? "agency.assign.removed" : "agency.assign.saved",
                    saved.name());
        } catch (DomainException e) {
            FacesSupport.error(e);
        }
        loadAssignments();
    }

    /** What may be ticked for this agent, in catalogue order. */
    public List<Permission> assignable(AgentAssignmentView a) {
        return a.assignable().isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(a.assignable()));
    }

    private void loadAssignments() {
        try {
            assignmentRows = mandates.assignments(current.require(), assigning.id(), FacesSupport.client());
            chosen = new HashMap<>();
            assignmentRows.forEach(a -> chosen.put(a.grantId(), new ArrayList<>(a.assigned().stream().sorted()
                    .map(Enum::name).toList())));
        } catch (DomainException e) {
            assignmentRows = List.of();
            FacesSupport.error(e);
        }
    }

    public MandateView getAssigning() { return assigning; }
    public List<AgentAssignmentView> getAssignmentRows() { return assignmentRows; }
    public Map<Long, Object> getChosen() { return chosen; }

    public List<Permission> getDelegable() { return List.copyOf(EnumSet.copyOf(AgencyMandate.DELEGABLE)); }
    public List<MandateView> getClients() { return clients; }
    public String getClientCreditCode() { return clientCreditCode; }
    public void setClientCreditCode(String clientCreditCode) { this.clientCreditCode = clientCreditCode; }
    public List<String> getScope() { return scope; }
    public void setScope(List<String> scope) { this.scope = scope == null ? new ArrayList<>() : scope; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
}
