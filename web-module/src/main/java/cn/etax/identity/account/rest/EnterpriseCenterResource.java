package cn.etax.identity.account.rest;

import cn.etax.identity.account.application.EnterpriseCenterService;
import cn.etax.identity.account.application.EnterpriseField;
import cn.etax.identity.account.application.EnterpriseInfoView;
import cn.etax.identity.account.application.PermissionTemplateView;
import cn.etax.identity.account.web.LoginLogEntry;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.transition.application.LegacyPasswordCenter;
import cn.etax.identity.transition.application.TransitionService;
import cn.etax.identity.web.i18n.Texts;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The enterprise account center over REST (API-1; ENT-1, ENT-2 templates, ENT-10) for the taxpayer of the session's
 * current identity: no credit code in the path, the session names it and the services check it.
 */
@ApplicationScoped
@Path("v1/me/enterprise")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enterprise account center", description = "Current enterprise identity's account center (ENT-1, ENT-2, "
        + "ENT-10, RULE-MASK)")
public class EnterpriseCenterResource {

    @EJB
    EnterpriseCenterService center;

    @EJB
    LegacyPasswordCenter legacyPasswords;

    @Inject
    CurrentEnterprise current;

    @Inject
    BusinessClock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Schema(name = "EnterpriseCenterRevealRequest")
    public record RevealRequest(EnterpriseField field, Long investorId) {
    }

    /** ENT-2: a permission template to save. */
    public record TemplateRequest(String name, Set<Permission> permissions) {
    }

    @Schema(name = "EnterpriseCenterRevealed")
    public record Revealed(EnterpriseField field, String value) {
    }

    /** A login-log row (PER-8 shape) with the person's masked name and whether it is the caller's. */
    public record EnterpriseLoginEntry(LoginLogEntry login, String person, boolean own) {
    }

    @GET
    @Operation(summary = "ENT-1: basic data and key personnel; tax data and investors for the legal representative "
            + "and finance officer only; values masked; the viewer's identities, the current one marked")
    public EnterpriseInfoView info() {
        return center.info(current.require(), Clients.of(request));
    }

    @POST
    @Path("reveal")
    @Operation(summary = "One field in clear (TAXPAYER_NAME, BUSINESS_ADDRESS, LEGAL_REPRESENTATIVE_NAME, "
            + "FINANCE_OFFICER_NAME, INVESTOR_NAME with investorId); recorded (RULE-MASK)")
    public Revealed reveal(RevealRequest body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new Revealed(body.field(), center.reveal(current.require(), body.field(), body.investorId(),
                Clients.of(request)));
    }

    @GET
    @Path("legacy-password")
    @Operation(summary = "LOGIN-11: whether the enterprise's old shared password still opens the old entry "
            + "(available), whether the enterprise stopped it (stopped), and the transition's last day")
    public TransitionService.LegacyStatus legacyPassword() {
        return legacyPasswords.status(current.require(), Clients.of(request));
    }

    @DELETE
    @Path("legacy-password")
    @Operation(summary = "LOGIN-11 停用旧版登录: the legal representative or finance officer erases the enterprise's old "
            + "shared password at once. Errors: ENTERPRISE_MANAGER_REQUIRED, LEGACY_PASSWORD_NOT_AVAILABLE")
    public TransitionService.LegacyStatus stopLegacyPassword() {
        return legacyPasswords.stop(current.require(), Clients.of(request));
    }

    @GET
    @Path("permission-templates")
    @Operation(summary = "ENT-2 permission templates (权限身份) for ?identityType=TAX_OFFICER|INVOICER (managers only): "
            + "the presets (preset true, template FULL|DECLARATION|INVOICE|QUERY_ONLY) first, then the enterprise's "
            + "saved ones (preset false, id, name); key names either kind; each with only the permissions the type "
            + "may hold")
    public List<PermissionTemplateView> templates(@QueryParam("identityType") IdentityType type) {
        return center.templates(current.require(), type, Clients.of(request));
    }

    @POST
    @Path("permission-templates")
    @Operation(summary = "ENT-2: save {name, permissions} as the enterprise's own permission template (managers "
            + "only; name 1-20 characters, unique in the enterprise: PERMISSION_TEMPLATE_NAME_REQUIRED, "
            + "PERMISSION_TEMPLATE_NAME_TOO_LONG, 409 PERMISSION_TEMPLATE_NAME_TAKEN; permissions non-empty and "
            + "ones a staff member may hold: PERMISSIONS_REQUIRED, PERMISSION_NOT_ALLOWED); audited")
    public PermissionTemplateView saveTemplate(TemplateRequest body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return center.saveTemplate(current.require(), body.name(), body.permissions(), Clients.of(request));
    }

    @DELETE
    @Path("permission-templates/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "ENT-2: delete one of the enterprise's saved permission templates (managers only; 404 "
            + "PERMISSION_TEMPLATE_NOT_FOUND for another enterprise's or a deleted one; presets cannot be deleted); "
            + "grants given with it keep their permissions; audited")
    public void deleteTemplate(@PathParam("id") long id) {
        center.deleteTemplate(current.require(), id, Clients.of(request));
    }

    @GET
    @Path("login-log")
    @Operation(summary = "ENT-10: logins through the enterprise entry for this taxpayer since ?from= (yyyy-MM-dd, "
            + "default one month back); the caller's own, or ?scope=all every staff member's (managers only)")
    public List<EnterpriseLoginEntry> loginLog(@QueryParam("from") String from, @QueryParam("scope") String scope) {
        LocalDate since;
        try {
            since = from == null || from.isBlank() ? null : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("LOGIN_LOG_FROM_INVALID");
        }
        if (scope != null && !scope.isBlank() && !"all".equals(scope) && !"own".equals(scope)) {
            throw new InvalidInputException("PARAMETER_INVALID");
        }
        Locale locale = Texts.forAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return center.loginLog(current.require(), since, "all".equals(scope), Clients.of(request)).stream()
                .map(l -> new EnterpriseLoginEntry(LoginLogEntry.of(l.record(), clock.zone(), locale),
                        l.personNameMasked(), l.own()))
                .toList();
    }
}
