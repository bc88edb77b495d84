package cn.etax.identity.clerk.rest;

import cn.etax.identity.clerk.application.ClerkAccounts;
import cn.etax.identity.clerk.domain.ClerkRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/**
 * Test fixture (simulators only: {@code /api/sim/*} does not exist otherwise): a clerk account with the given
 * office and roles, as the bureau's administration would create it.
 */
@ApplicationScoped
@Path("sim/clerks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClerkFixtureResource {

    @EJB
    ClerkAccounts accounts;

    /** {@code phone}: where his login code goes (RULE-2FA). */
    public record NewClerk(String username, String name, String password, String phone, String taxOfficeCode,
                           String taxOfficeName, Set<ClerkRole> roles) {
    }

    @Schema(name = "ClerkFixtureCreated")
    public record Created(long id) {
    }

    @POST
    public Created create(NewClerk c) {
        return new Created(accounts.ensure(c.username(), c.name(), c.password(), c.phone(), c.taxOfficeCode(),
                c.taxOfficeName(), c.roles()));
    }
}
