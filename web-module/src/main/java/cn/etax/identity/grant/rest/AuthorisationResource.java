package cn.etax.identity.grant.rest;

import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.grant.application.AuthorisationFilter;
import cn.etax.identity.grant.application.AuthorisationService;
import cn.etax.identity.grant.application.AuthorisationView;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

import static cn.etax.identity.grant.rest.StaffResource.require;

/**
 * The personal account center's enterprise authorisations (企业授权管理). How the caller logged in (by face or
 * not) is the server-side session's record, handed to the service, never a request parameter.
 */
@ApplicationScoped
@Path("v1/me/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "grants", description = "The caller's own enterprise authorisations (PER-2..PER-5)")
public class AuthorisationResource {

    @EJB
    AuthorisationService grants;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    public record Application(String creditCode, IdentityType identityType, Set<Permission> permissions) {
    }

    /**
     * {@code flowToken}: the proof opened for exactly these grants ({@code POST /api/v1/me/grants/confirmations})
     * with a confirmed face check; not needed when the login was by face.
     */
    public record Confirmation(List<Long> grantIds, String flowToken) {
    }

    public record ProofRequest(List<Long> grantIds) {
    }

    public record ProofStarted(String flowToken, boolean faceCheckRequired) {
    }

    @Schema(name = "AuthorisationQrStarted")
    public record QrStarted(String qrToken, String imageUrl) {
    }

    @Schema(name = "AuthorisationQrStatus")
    public record QrStatus(String state) {
    }

    @POST
    @Operation(summary = "Apply for an enterprise authorisation (PER-2): credit code + tax officer or invoicer")
    public AuthorisationView apply(Application body) {
        Application b = require(body);
        return grants.apply(b.creditCode(), b.identityType(), b.permissions(), Clients.of(request));
    }

    @GET
    @Path("pending")
    @Operation(summary = "Pending authorisations (PER-3); ?scope=PROVINCE (default, 本省, as the page)|NATIONWIDE, "
            + "creditCode, name, identityType")
    public List<AuthorisationView> pending(@QueryParam("scope") String scope, @QueryParam("creditCode") String code,
                                           @QueryParam("name") String name,
                                           @QueryParam("identityType") IdentityType type) {
        return grants.pending(filter(scope, Scope.PROVINCE, code, name, type));
    }

    @GET
    @Operation(summary = "Authorised enterprises (PER-4); same filters as pending (scope PROVINCE by default)")
    public List<AuthorisationView> authorised(@QueryParam("scope") String scope,
                                              @QueryParam("creditCode") String code, @QueryParam("name") String name,
                                              @QueryParam("identityType") IdentityType type) {
        return grants.authorised(filter(scope, Scope.PROVINCE, code, name, type));
    }

    @GET
    @Path("history")
    @Operation(summary = "History (PER-5): deleted, withdrawn, rejected, not cleared; scope NATIONWIDE by default")
    public List<AuthorisationView> history(@QueryParam("scope") String scope, @QueryParam("creditCode") String code,
                                           @QueryParam("name") String name,
                                           @QueryParam("identityType") IdentityType type) {
        return grants.history(filter(scope, Scope.NATIONWIDE, code, name, type));
    }

    @POST
    @Path("confirmations")
    @Operation(summary = "Open the face-check proof of a confirmation of these pending grants (PER-3): answers the "
            + "flowToken; faceCheckRequired is false when the login was by face")
    public ProofStarted beginConfirmation(ProofRequest body) {
        ProofRequest b = require(body);
        String flow = grants.beginConfirmation(b.grantIds(), Clients.of(request));
        return new ProofStarted(flow, grants.confirmationNeedsFaceCheck(sessions.current(request)));
    }

    @POST
    @Path("confirmations/{flow}/face-check")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Show the QR code of the confirmation's face check: ?app=TAX_APP (default) or IIT_APP")
    public QrStarted faceCheck(@PathParam("flow") String flow, @QueryParam("app") QrApp app) {
        String token = grants.startConfirmationFaceCheck(flow, app, Clients.of(request));
        return new QrStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @GET
    @Path("confirmations/{flow}/face-check")
    @Operation(summary = "Poll the face check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or EXPIRED")
    public QrStatus faceCheckState(@PathParam("flow") String flow) {
        return new QrStatus(grants.confirmationFaceCheckState(flow).name());
    }

    @POST
    @Path("confirm")
    @Operation(summary = "Confirm one or several offers (PER-3), proven by the confirmed face check of flowToken "
            + "opened for exactly these grants (used once), unless the login was by face")
    public List<AuthorisationView> confirm(Confirmation body) {
        Confirmation b = require(body);
        List<AuthorisationView> confirmed = grants.confirm(b.grantIds(), b.flowToken(), sessions.current(request),
                Clients.of(request));
        sessions.realNameLevelMayHaveRisen(request);
        return confirmed;
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject an offer (PER-3)")
    public AuthorisationView reject(@PathParam("id") long id) {
        return grants.reject(id, Clients.of(request));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw one's own application the enterprise has not answered yet (PER-2, PER-3); "
            + "it moves to the history (PER-5) as WITHDRAWN")
    public AuthorisationView withdraw(@PathParam("id") long id) {
        return grants.withdraw(id, Clients.of(request));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End a relationship (PER-4; not the legal representative's)")
    public AuthorisationView delete(@PathParam("id") long id) {
        return grants.delete(id, Clients.of(request));
    }

    @POST
    @Path("{id}/sync")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "同步数据 (PER-4): push the relationship again; recorded")
    public AuthorisationView sync(@PathParam("id") long id) {
        return grants.sync(id, Clients.of(request));
    }

    @POST
    @Path("{id}/clear-record")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Clear record (清除记录, PER-5): hides an ended grant from the caller's history")
    public void clearRecord(@PathParam("id") long id) {
        grants.clearRecord(id, Clients.of(request));
    }

    /** 本省 (the deployment's province) or 全国. */
    public enum Scope {
        PROVINCE, NATIONWIDE
    }

    /** The pages' defaults: 本省 for pending and authorised, 全国 for history; an unknown scope is 400. */
    private static AuthorisationFilter filter(String scope, Scope byDefault, String code, String name,
                                              IdentityType type) {
        Scope chosen;
        try {
            chosen = scope == null || scope.isBlank() ? byDefault
                    : Scope.valueOf(scope.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID");
        }
        return new AuthorisationFilter(chosen == Scope.NATIONWIDE, code, name, type);
    }
}
