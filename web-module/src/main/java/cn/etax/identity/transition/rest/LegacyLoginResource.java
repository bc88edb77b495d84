package cn.etax.identity.transition.rest;

import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.rest.CertificateLoginResource;
import cn.etax.identity.authentication.rest.LoginResource;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.transition.application.LegacyAccepted;
import cn.etax.identity.transition.application.LegacyLoginService;
import cn.etax.identity.transition.application.TransitionService;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/**
 * LOGIN-11 旧版登录 over REST, during the transition only: the credit code and the old enterprise password with the
 * slider of {@code /api/v1/login/slider}, the staff identity, then the second factor and follow-ups of
 * {@code /api/v1/login} (sms-code, sms, qr, agreements, initial password) like every login.
 */
@ApplicationScoped
@Path("v1/login/legacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "login", description = "Natural-person, enterprise, agent and QR login (LOGIN-1, LOGIN-2, LOGIN-3, LOGIN-7, "
        + "RULE-2FA)")
public class LegacyLoginResource {

    @EJB
    LegacyLoginService legacy;

    @EJB
    TransitionService transition;

    @Context
    HttpServletRequest request;

    @Schema(name = "LegacyLoginPasswordStep")
    public record PasswordStep(String creditCode, String password, String sliderToken, Integer sliderPosition) {
    }

    @Schema(name = "LegacyLoginStaffStep")
    public record StaffStep(String flowToken, Long grantId) {
    }

    /** Whether the old entry takes logins today, and its last day (null: there is none). */
    @Schema(name = "LegacyLoginEntry")
    public record Entry(boolean open, LocalDate lastDay) {
    }

    /** The old enterprise password passed: the taxpayer (name masked) and its staff identities to choose from. */
    public record Accepted(String flowToken, String creditCode, String taxpayerName,
                           List<CertificateLoginResource.Staff> staff) {
    }

    @GET
    @Operation(summary = "Whether the old entry takes logins today (open) and its last day (lastDay; null: there is "
            + "none)")
    public Entry status() {
        return new Entry(transition.open(), transition.period().lastDay());
    }

    @POST
    @Path("password")
    @Operation(summary = "Step 1: the taxpayer's credit code, its old enterprise password (企业密码) and the slider "
            + "answer; answers the flow and the staff identities to choose from. With ?entry=agent the old agent entry "
            + "(旧版代理登录): the agency's code and password, its agents listed, and the second factor answers "
            + "CHOOSE_CLIENT (then /api/v1/login/agent/client). Errors: LEGACY_ENTRY_CLOSED, TAXPAYER_NOT_FOUND, "
            + "NOT_TAX_AGENT_INSTITUTION, LEGACY_PASSWORD_NOT_AVAILABLE, LEGACY_PASSWORD_WRONG, LEGACY_PASSWORD_LOCKED")
    public Accepted password(@QueryParam("entry") String entry, PasswordStep step) {
        PasswordStep s = require(step);
        LegacyAccepted a = legacy.password(s.creditCode(), s.password(), s.sliderToken(), s.sliderPosition(),
                "agent".equals(entry), Clients.of(request));
        return new Accepted(a.flowToken(), a.creditCode(), a.taxpayerName(),
                a.staff().stream().map(CertificateLoginResource.Staff::of).toList());
    }

    @POST
    @Path("staff")
    @Operation(summary = "Step 2: the staff identity (its grantId) to log in as; then /api/v1/login/sms-code and "
            + "/api/v1/login/sms (or qr) for that person's second factor")
    public LoginResource.Started staff(StaffStep step) {
        StaffStep s = require(step);
        PasswordAccepted chosen = legacy.chooseStaff(s.flowToken(), s.grantId());
        return new LoginResource.Started(chosen.flowToken(), chosen.phoneMasked(), chosen.nameMasked(),
                chosen.smsAvailable());
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
