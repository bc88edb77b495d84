package cn.etax.identity.crossregion.rest;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.crossregion.application.CrossRegionCenterService;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.SubjectOption;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * LOGIN-4: a session acting as a cross-region subject — the subject, the other subjects of the taxpayer it may switch
 * to, and the switch (to another subject, back to the enterprise identity, or to personal business, one way). There
 * is no account center for a subject; {@code CROSS_REGION_LOGIN_REQUIRED} (403) for any other session. ENT-9's
 * 跨区域办税 ({@code available}, {@code enter}) starts from an enterprise identity.
 */
@ApplicationScoped
@Path("v1/me/cross-region")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cross-region", description = "The cross-region subject of a special-subject login (LOGIN-4)")
public class CrossRegionResource {

    public record SubjectSwitch(Long subjectId) {
    }

    /** ENT-9 跨区域办税: which type and which subject, from an enterprise identity. */
    public record CrossRegionSwitch(CrossRegionKind kind, Long subjectId) {
    }

    /** The session's subject and those it may switch to. */
    public record Subjects(CrossRegionIdentity current, List<SubjectOption> subjects) {
    }

    @EJB
    CrossRegionCenterService center;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The session's cross-region subject (taxpayer masked, type, number, region, tax authority, "
            + "role, permissions) and the subjects of the taxpayer it may switch to")
    public Subjects subjects() {
        AuthenticatedPerson current = sessions.current(request);
        return new Subjects(center.current(current, Clients.of(request)),
                center.subjects(current, Clients.of(request)));
    }

    @POST
    @Path("switch")
    @Operation(summary = "身份切换: act as another cross-region subject of the taxpayer; the session id changes")
    public CurrentIdentityResource.CurrentIdentity switchSubject(SubjectSwitch body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return switched(center.switchSubject(sessions.current(request), body.subjectId(), Clients.of(request)));
    }

    @GET
    @Path("available")
    @Operation(summary = "ENT-9 身份切换-跨区域办税: in an enterprise identity, the taxpayer's subjects of ?kind=INSPECTION "
            + "(报验项目) or TAX_SOURCE (税源登记) it may switch to")
    public List<SubjectOption> available(@QueryParam("kind") CrossRegionKind kind) {
        return center.available(sessions.current(request), kind, Clients.of(request));
    }

    @POST
    @Path("enter")
    @Operation(summary = "ENT-9 跨区域办税: from the enterprise identity to one of its taxpayer's subjects; the session "
            + "id changes")
    public CurrentIdentityResource.CurrentIdentity enter(CrossRegionSwitch body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return switched(center.fromEnterprise(sessions.current(request), body.kind(), body.subjectId(),
                Clients.of(request)));
    }

    @POST
    @Path("enterprise")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Back from the subject to the person's enterprise identity in its taxpayer (main role only)")
    public CurrentIdentityResource.CurrentIdentity enterprise() {
        return switched(center.toEnterprise(sessions.current(request), Clients.of(request)));
    }

    @POST
    @Path("personal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "个人办税: personal business from now on (one way); the session id changes")
    public CurrentIdentityResource.CurrentIdentity personal() {
        return switched(center.toPersonal(sessions.current(request), Clients.of(request)));
    }

    private CurrentIdentityResource.CurrentIdentity switched(AuthenticatedPerson next) {
        return CurrentIdentityResource.switched(sessions, request, next);
    }
}
