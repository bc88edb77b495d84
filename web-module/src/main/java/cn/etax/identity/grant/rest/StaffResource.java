package cn.etax.identity.grant.rest;

import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.application.StaffFilter;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.CurrentEnterprise;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The enterprise account center's staff management (人员权限管理, ENT-2..ENT-5) addressed by credit code: the same as
 * {@link CurrentStaffResource}, for the taxpayer the session is logged in to as legal representative or finance
 * officer. Another credit code is {@code ENTERPRISE_NOT_CURRENT} (403); a session without an enterprise identity
 * {@code ENTERPRISE_LOGIN_REQUIRED}; the services decide whether the identity manages.
 */
@ApplicationScoped
@Path("v1/me/enterprises/{creditCode}/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Enterprise staff grants (ENT-2..ENT-5): legal representative or finance officer only")
public class StaffResource {

    @EJB
    StaffService staff;

    @Inject
    CurrentEnterprise current;

    @Context
    HttpServletRequest request;

    /**
     * ENT-2; {@code validUntil} null = long-term (长期); {@code riskAcknowledged}: the manager read the risk warning
     * (风险提示, the page's dialog) — without it the call answers RISK_NOT_ACKNOWLEDGED and nothing is added.
     */
    public record AddStaff(String name, IdType idType, String idNumber, IdentityType identityType,
                           Set<Permission> permissions, LocalDate validUntil, Boolean riskAcknowledged) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(riskAcknowledged);
        }
    }

    public record Permissions(Set<Permission> permissions) {
    }

    @POST
    @Operation(summary = "Add a tax officer or invoicer (ENT-2): a registered person by name and document; pending "
            + "until he confirms; riskAcknowledged must be true (the risk warning read)")
    public GrantView add(@PathParam("creditCode") String creditCode, AddStaff body) {
        AddStaff b = require(body);
        return staff.add(of(creditCode), new NewStaff(b.name(), b.idType(), b.idNumber(), b.identityType(),
                b.permissions(), b.validUntil()), b.acknowledged(), Clients.of(request));
    }

    @GET
    @Operation(summary = "Existing staff (ENT-4): active, frozen and expired grants, holders masked")
    public List<GrantView> existing(@PathParam("creditCode") String creditCode) {
        return staff.staff(of(creditCode), Clients.of(request));
    }

    @GET
    @Path("pending")
    @Operation(summary = "Pending staff (ENT-3): the enterprise's offers and persons' applications")
    public List<GrantView> pending(@PathParam("creditCode") String creditCode) {
        return staff.pending(of(creditCode), Clients.of(request));
    }

    @GET
    @Path("history")
    @Operation(summary = "History (ENT-5): deleted, withdrawn, rejected; ?identityType= and ?name= (fuzzy)")
    public List<GrantView> history(@PathParam("creditCode") String creditCode,
                                   @QueryParam("identityType") IdentityType type, @QueryParam("name") String name) {
        return staff.history(of(creditCode), new StaffFilter(type, name), Clients.of(request));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw the enterprise's own pending offer (ENT-3; not a tax office's)")
    public GrantView withdraw(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.withdraw(of(creditCode), id, Clients.of(request));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a person's application (ENT-3)")
    public GrantView confirm(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.confirm(of(creditCode), id, Clients.of(request));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject a person's application (ENT-3)")
    public GrantView reject(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.reject(of(creditCode), id, Clients.of(request));
    }

    @PUT
    @Path("{id}/permissions")
    @Operation(summary = "Change a staff member's permissions within his identity type (ENT-4)")
    public GrantView permissions(@PathParam("creditCode") String creditCode, @PathParam("id") long id,
                                 Permissions body) {
        return staff.changePermissions(of(creditCode), id, require(body).permissions(), Clients.of(request));
    }

    @POST
    @Path("{id}/freeze")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Freeze a staff member (冻结, ENT-4; never the legal representative or finance officer)")
    public GrantView freeze(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.freeze(of(creditCode), id, Clients.of(request));
    }

    @POST
    @Path("{id}/unfreeze")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Unfreeze a staff member (解冻, ENT-4)")
    public GrantView unfreeze(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.unfreeze(of(creditCode), id, Clients.of(request));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a staff member (ENT-4; never the legal representative or finance officer)")
    public GrantView delete(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return staff.delete(of(creditCode), id, Clients.of(request));
    }

    @POST
    @Path("{id}/clear-record")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Clear record (清除记录, ENT-5): hides an ended grant from the enterprise's history")
    public void clearRecord(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        staff.clearRecord(of(creditCode), id, Clients.of(request));
    }

    /** The session's enterprise identity, when it is the one the path names. */
    private EnterpriseIdentity of(String creditCode) {
        EnterpriseIdentity identity = current.require();
        String named;
        try {
            named = CreditCode.of(creditCode).value();
        } catch (DomainException e) {
            named = null;
        }
        if (!identity.creditCode().equals(named)) {
            throw new ForbiddenException("ENTERPRISE_NOT_CURRENT");
        }
        return identity;
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
