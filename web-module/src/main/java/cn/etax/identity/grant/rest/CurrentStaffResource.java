package cn.etax.identity.grant.rest;

import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.application.StaffFilter;
import cn.etax.identity.grant.application.StaffField;
import cn.etax.identity.grant.application.StaffService;
import cn.etax.identity.grant.domain.IdentityType;
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

import java.util.List;

/**
 * Staff management (人员权限管理, ENT-2..ENT-5) of the taxpayer of the session's current identity, as the
 * enterprise account center does it: only a legal-representative or finance-officer identity manages; a tax officer
 * or invoicer is refused even when the same person manages the taxpayer under another identity. Same bodies and
 * answers as {@link StaffResource}.
 */
@ApplicationScoped
@Path("v1/me/enterprise/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Enterprise staff grants (ENT-2..ENT-5): legal representative or finance officer only")
public class CurrentStaffResource {

    @EJB
    StaffService staff;

    @Inject
    CurrentEnterprise current;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Add a tax officer or invoicer to the current taxpayer (ENT-2); riskAcknowledged must be true")
    public GrantView add(StaffResource.AddStaff body) {
        StaffResource.AddStaff b = StaffResource.require(body);
        return staff.add(current.require(), new NewStaff(b.name(), b.idType(), b.idNumber(), b.identityType(),
                b.permissions(), b.validUntil()), b.acknowledged(), Clients.of(request));
    }

    @GET
    @Operation(summary = "Existing staff of the current taxpayer (ENT-4)")
    public List<GrantView> existing() {
        return staff.staff(current.require(), Clients.of(request));
    }

    /** The field to show in clear. */
    public record StaffReveal(StaffField field) {
    }

    /** The clear value. */
    public record Revealed(String value) {
    }

    @POST
    @Path("{id}/reveal")
    @Operation(summary = "RULE-MASK: the eye on a staff member's or applicant's NAME or ID_NUMBER (managers only; recorded)")
    public Revealed reveal(@PathParam("id") long id, StaffReveal body) {
        return new Revealed(staff.reveal(current.require(), id, body == null ? null : body.field(),
                Clients.of(request)));
    }

    @GET
    @Path("pending")
    @Operation(summary = "Pending staff of the current taxpayer (ENT-3)")
    public List<GrantView> pending() {
        return staff.pending(current.require(), Clients.of(request));
    }

    @GET
    @Path("history")
    @Operation(summary = "History of the current taxpayer (ENT-5); ?identityType= and ?name= (fuzzy)")
    public List<GrantView> history(@QueryParam("identityType") IdentityType type, @QueryParam("name") String name) {
        return staff.history(current.require(), new StaffFilter(type, name), Clients.of(request));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw the enterprise's own pending offer (ENT-3)")
    public GrantView withdraw(@PathParam("id") long id) {
        return staff.withdraw(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a person's application (ENT-3)")
    public GrantView confirm(@PathParam("id") long id) {
        return staff.confirm(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject a person's application (ENT-3)")
    public GrantView reject(@PathParam("id") long id) {
        return staff.reject(current.require(), id, Clients.of(request));
    }

    @PUT
    @Path("{id}/permissions")
    @Operation(summary = "Change a staff member's permissions within his identity type (ENT-4)")
    public GrantView permissions(@PathParam("id") long id, StaffResource.Permissions body) {
        return staff.changePermissions(current.require(), id, StaffResource.require(body).permissions(),
                Clients.of(request));
    }

    @POST
    @Path("{id}/freeze")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Freeze a staff member (ENT-4)")
    public GrantView freeze(@PathParam("id") long id) {
        return staff.freeze(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/unfreeze")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Unfreeze a staff member (ENT-4)")
    public GrantView unfreeze(@PathParam("id") long id) {
        return staff.unfreeze(current.require(), id, Clients.of(request));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a staff member (ENT-4)")
    public GrantView delete(@PathParam("id") long id) {
        return staff.delete(current.require(), id, Clients.of(request));
    }

    @POST
    @Path("{id}/clear-record")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Clear record (清除记录, ENT-5)")
    public void clearRecord(@PathParam("id") long id) {
        staff.clearRecord(current.require(), id, Clients.of(request));
    }
}
