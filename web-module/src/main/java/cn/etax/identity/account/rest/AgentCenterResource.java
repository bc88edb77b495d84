package cn.etax.identity.account.rest;

import cn.etax.identity.account.application.AgentCenterService;
import cn.etax.identity.account.application.AgentCenterView;
import cn.etax.identity.account.application.EnterpriseField;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.identity.rest.CurrentIdentityResource;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The agent account center (代理企业账户中心, AGT-1..AGT-3) over REST for a session opened at the agent entry
 * (LOGIN-3): the client's information and the agent's permissions there, his clients, and the switch to another
 * client or to personal business. {@code AGENT_LOGIN_REQUIRED} (403) for any other session; a mandate no longer in
 * force answers {@code CURRENT_IDENTITY_UNAVAILABLE}.
 */
@ApplicationScoped
@Path("v1/me/agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "agent", description = "Agent account center (AGT-1..AGT-3) after the agent entry (LOGIN-3)")
public class AgentCenterResource {

    public record ClientSwitch(Long mandateId) {
    }

    @EJB
    AgentCenterService center;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "AGT-1, AGT-2: the client's masked basic data and key personnel, the agent's real-name state "
            + "and identity, the mandate and his permissions in the client")
    public AgentCenterView info() {
        return center.info(sessions.current(request), Clients.of(request));
    }

    /** RULE-MASK: which of the client's masked fields to show in clear. */
    @Schema(name = "AgentRevealRequest")
    public record RevealRequest(EnterpriseField field) {
    }

    @POST
    @Path("reveal")
    @Operation(summary = "RULE-MASK, AGT-1: one of the client's fields in clear (TAXPAYER_NAME, BUSINESS_ADDRESS, "
            + "LEGAL_REPRESENTATIVE_NAME, FINANCE_OFFICER_NAME); recorded as the agent's reveal")
    public EnterpriseCenterResource.Revealed reveal(RevealRequest body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new EnterpriseCenterResource.Revealed(body.field(), center.reveal(sessions.current(request),
                body.field(), Clients.of(request)));
    }

    @GET
    @Path("clients")
    @Operation(summary = "AGT-3: the clients the agent may enter now (mandates of his agency in force)")
    public List<ClientOption> clients() {
        return center.clients(sessions.current(request), Clients.of(request));
    }

    @POST
    @Path("switch")
    @Operation(summary = "AGT-3 企业办税: act for another client, named by its mandate; the session id changes")
    public CurrentIdentityResource.CurrentIdentity switchClient(ClientSwitch body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return switched(center.switchClient(sessions.current(request), body.mandateId(), Clients.of(request)));
    }

    @POST
    @Path("personal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "AGT-3 个人办税: personal business from now on (one way); the session id changes")
    public CurrentIdentityResource.CurrentIdentity personal() {
        return switched(center.toPersonal(sessions.current(request), Clients.of(request)));
    }

    private CurrentIdentityResource.CurrentIdentity switched(AuthenticatedPerson next) {
        return CurrentIdentityResource.switched(sessions, request, next);
    }
}
