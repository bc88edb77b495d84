package cn.etax.identity.grant.rest;

import cn.etax.identity.grant.application.AgencyMandateService;
import cn.etax.identity.grant.application.AgentView;
import cn.etax.identity.grant.application.MandateView;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * 我的代理机构 / 代理机构认定管理 (ENT-8), the client's side: the agencies that filed mandates for the taxpayer of the
 * session's current identity, their agents' permissions for it, and recognition. Legal representative or finance
 * officer of an ordinary taxpayer only (a tax-agent institution's center shows {@link AgencyResource} instead).
 */
@ApplicationScoped
@Path("v1/me/enterprise/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "agency", description = "Agency mandates (ENT-8): recognition by the client, clients and agents of the agency")
public class AgenciesResource {

    @EJB
    AgencyMandateService mandates;

    @Inject
    CurrentEnterprise current;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The agencies of the current taxpayer: their mandates in every state, newest first (我的代理机构)")
    public List<MandateView> agencies() {
        return mandates.agencies(current.require(), Clients.of(request));
    }

    @GET
    @Path("{id}/agents")
    @Operation(summary = "权限查看: the agency's agents and their permissions for the current taxpayer under this mandate")
    public List<AgentView> agents(@PathParam("id") long id) {
        return mandates.agentsFor(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/recognise")
    @Operation(summary = "认定: recognise a pending mandate; its agents may then act within scope and period")
    public MandateView recognise(@PathParam("id") long id) {
        return mandates.recognise(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "不予认定: decline a pending mandate")
    public MandateView decline(@PathParam("id") long id) {
        return mandates.decline(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "取消认定: cancel a recognised mandate; its agents stop acting at once")
    public MandateView cancel(@PathParam("id") long id) {
        return mandates.cancel(current.require(), id, Clients.of(request));
    }
}
