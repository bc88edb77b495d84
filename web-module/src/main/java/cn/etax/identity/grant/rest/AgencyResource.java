package cn.etax.identity.grant.rest;

import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.AgentAssignmentView;
import cn.etax.identity.grant.application.AgentView;
import cn.etax.identity.grant.application.MandateView;
import cn.etax.identity.grant.application.NewMandate;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 代理信息查看 (ENT-8), the tax-agent institution's side: its clients (被代理信息查看) with the mandates it files, withdraws
 * and cancels, and its agents (税务代理人员信息). Legal representative or finance officer of a tax-agent institution
 * only.
 */
@ApplicationScoped
@Path("v1/me/enterprise/agency")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "agency")
public class AgencyResource {

    /** A mandate to file: the client's credit code, scope (permissions), first and last day (yyyy-MM-dd). */
    public record Filing(String clientCreditCode, Set<Permission> scope, LocalDate validFrom, LocalDate validUntil) {
    }

    @EJB
    AgencyMandateService mandates;

    @Inject
    CurrentEnterprise current;

    @Context
    HttpServletRequest request;

    @GET
    @Path("clients")
    @Operation(summary = "被代理信息查看: the agency's mandates in every state, newest first")
    public List<MandateView> clients() {
        return mandates.clients(current.require(), Clients.of(request));
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a mandate for a registered taxpayer; pending until its legal representative or finance "
            + "officer recognises it. Errors: TAXPAYER_NOT_FOUND, MANDATE_EXISTS, MANDATE_PERIOD_*, "
            + "MANDATE_PERMISSION_NOT_DELEGABLE")
    public MandateView file(Filing body) {
        NewMandate m = body == null ? null
                : new NewMandate(body.clientCreditCode(), body.scope(), body.validFrom(), body.validUntil());
        return mandates.file(current.require(), m, Clients.of(request));
    }

    @POST
    @Path("clients/{id}/withdraw")
    @Operation(summary = "Withdraw a mandate the client has not answered")
    public MandateView withdraw(@PathParam("id") long id) {
        return mandates.withdraw(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("clients/{id}/cancel")
    @Operation(summary = "Cancel a recognised mandate")
    public MandateView cancel(@PathParam("id") long id) {
        return mandates.cancel(current.require(), id, Clients.of(request));
    }

    /** What one agent may do for the mandate's client; none takes the assignment away. */
    public record Assignment(Set<Permission> permissions) {
    }

    @GET
    @Path("clients/{id}/agents")
    @Operation(summary = "代理人员权限 (AGT-4): the agency's agents other than its legal representative and finance "
            + "officer (who act for every client within the scope), what may be assigned to each for this client "
            + "(the scope within his own permissions) and what is")
    public List<AgentAssignmentView> agentAssignments(@PathParam("id") long id) {
        return mandates.assignments(current.require(), id, Clients.of(request));
    }

    @PUT
    @Path("clients/{id}/agents/{grantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "代理人员权限 (AGT-4): what this agent may do for the mandate's client; an empty list takes the "
            + "assignment away. Errors: AGENT_PERMISSION_NOT_ALLOWED, AGENT_KEY_PERSON_NOT_ASSIGNED, MANDATE_NOT_LIVE, "
            + "AGENT_NOT_FOUND")
    public AgentAssignmentView assignAgent(@PathParam("id") long id, @PathParam("grantId") long grantId,
                                           Assignment body) {
        return mandates.assign(current.require(), id, grantId, body == null ? null : body.permissions(),
                Clients.of(request));
    }

    @GET
    @Path("agents")
    @Operation(summary = "税务代理人员信息: the agency's staff with an active or frozen grant and their permissions")
    public List<AgentView> agents() {
        return mandates.agentStaff(current.require(), Clients.of(request));
    }
}
