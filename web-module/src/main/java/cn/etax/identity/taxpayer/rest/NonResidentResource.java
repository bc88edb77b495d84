package cn.etax.identity.taxpayer.rest;

import cn.etax.identity.taxpayer.application.NonResidentForm;
import cn.etax.identity.taxpayer.application.NonResidentService;
import cn.etax.identity.taxpayer.application.NonResidentView;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * LOGIN-5 非居民企业身份信息采集 for the logged-in overseas natural person: submit a non-resident enterprise's
 * information and follow it — waiting, rejected with the reason, or approved with the identity code the
 * non-resident entry asks for.
 */
@ApplicationScoped
@Path("v1/me/non-resident-applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "non-resident", description = "Non-resident enterprise identity information (LOGIN-5)")
public class NonResidentResource {

    @EJB
    NonResidentService nonResidents;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The caller's applications, newest first, with state, identityCode or rejectionReason")
    public List<NonResidentView> mine() {
        return nonResidents.mine();
    }

    @POST
    @Operation(summary = "Submit {enterpriseName, country (ISO alpha-3), registrationNumber, address}: overseas "
            + "natural persons only, one waiting application at a time")
    public NonResidentView submit(NonResidentForm form) {
        return nonResidents.submit(form, Clients.of(request));
    }
}
