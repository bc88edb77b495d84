package cn.etax.identity.clerk.rest;

import cn.etax.identity.clerk.application.ClerkAdminService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * §8 clerk administration over REST: the same EJB methods as the console's 工作人员账户管理 page, for a clerk with
 * the {@code CLERK_ADMIN} duty, over the clerks of his province.
 */
@ApplicationScoped
@Path("v1/clerk/clerks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clerk administration", description = "Tax-office clerk accounts of the administrator's province (§8): "
        + "create, duties, phone, password reset, unlock, stop and restart")
public class ClerkAdminResource {

    @EJB
    ClerkAdminService admin;

    @Context
    HttpServletRequest request;

    /** A new clerk: {@code password} is the initial one he replaces at his first login. */
    @Schema(name = "NewClerk")
    public record NewClerkBody(String username, String name, String taxOfficeCode, String taxOfficeName,
                               Set<ClerkRole> roles, String phone, String password) {
    }

    @Schema(name = "ClerkRoles")
    public record Roles(Set<ClerkRole> roles) {
    }

    @Schema(name = "ClerkPhone")
    public record Phone(String phone) {
    }

    @Schema(name = "ClerkPasswordReset")
    public record PasswordReset(String password) {
    }

    @GET
    @Operation(summary = "The clerks of the administrator's province, by username")
    public List<ClerkAdminService.ClerkAccount> clerks() {
        return duty(admin::clerks);
    }

    @POST
    @Operation(summary = "A new clerk at a tax office of the administrator's province: username (a letter, then 2-29 "
            + "letters, digits, '_', '.', '-'), name, taxOfficeCode (eleven digits), taxOfficeName, at least one duty, "
            + "the phone of his login codes (no other clerk's) and an initial password (RULE-PWD) he replaces at his "
            + "first login; an office code other clerks have must carry their office name")
    public ClerkAdminService.ClerkAccount create(NewClerkBody body) {
        NewClerkBody b = ClerkDuty.require(body);
        return duty(() -> admin.create(new ClerkAdminService.NewClerk(b.username(), b.name(), b.taxOfficeCode(),
                b.taxOfficeName(), b.roles(), b.phone(), b.password()), Clients.of(request)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One clerk of the administrator's province")
    public ClerkAdminService.ClerkAccount clerk(@PathParam("id") long id) {
        return duty(() -> admin.clerk(id));
    }

    @PUT
    @Path("{id}/roles")
    @Operation(summary = "His duties from now on (at least one); his open sessions end")
    public ClerkAdminService.ClerkAccount assignRoles(@PathParam("id") long id, Roles body) {
        Roles b = ClerkDuty.require(body);
        return duty(() -> admin.assignRoles(id, b.roles(), Clients.of(request)));
    }

    @PUT
    @Path("{id}/phone")
    @Operation(summary = "The phone his login codes go to (RULE-2FA)")
    public ClerkAdminService.ClerkAccount assignPhone(@PathParam("id") long id, Phone body) {
        Phone b = ClerkDuty.require(body);
        return duty(() -> admin.assignPhone(id, b.phone(), Clients.of(request)));
    }

    @POST
    @Path("{id}/password-reset")
    @Operation(summary = "A new initial password (RULE-PWD): he replaces it at his next login, his lock is lifted "
            + "and his open session ends")
    public ClerkAdminService.ClerkAccount resetPassword(@PathParam("id") long id, PasswordReset body) {
        PasswordReset b = ClerkDuty.require(body);
        return duty(() -> admin.resetPassword(id, b.password(), Clients.of(request)));
    }

    @POST
    @Path("{id}/unlock")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Lift his lock (RULE-LOCK): he may log in again at once")
    public ClerkAdminService.ClerkAccount unlock(@PathParam("id") long id) {
        return duty(() -> admin.unlock(id, Clients.of(request)));
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop (停用) the account: no login, and his open sessions end")
    public ClerkAdminService.ClerkAccount deactivate(@PathParam("id") long id) {
        return duty(() -> admin.deactivate(id, Clients.of(request)));
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Restart (启用) a stopped account")
    public ClerkAdminService.ClerkAccount activate(@PathParam("id") long id) {
        return duty(() -> admin.activate(id, Clients.of(request)));
    }

    private <T> T duty(Supplier<T> call) {
        return ClerkDuty.call(request, ClerkRole.ADMIN, call);
    }
}
