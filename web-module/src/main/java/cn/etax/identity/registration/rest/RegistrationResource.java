package cn.etax.identity.registration.rest;

import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.registration.application.IdentityChecked;
import cn.etax.identity.registration.application.RegistrationForm;
import cn.etax.identity.registration.application.RegistrationService;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * REG-1..REG-4 over REST (API-1), the same steps as register.xhtml: identity check → SMS code to the new phone →
 * face check by QR unless REG-2 spares it → complete. Every step after the first carries the flow token.
 */
@ApplicationScoped
@Path("v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registration", description = "Natural-person registration (REG-1..REG-4)")
public class RegistrationResource {

    @EJB
    RegistrationService registration;

    @Context
    HttpServletRequest request;

    @Schema(name = "RegistrationIdentityStep")
    public record IdentityStep(Boolean overseas, Boolean agreementAccepted, String name, IdType idType,
                               String idNumber, String nationality) {
        public IdentityStep {
            overseas = Boolean.TRUE.equals(overseas);
            agreementAccepted = Boolean.TRUE.equals(agreementAccepted);
        }
    }

    @Schema(name = "RegistrationPhoneStep")
    public record PhoneStep(String flowToken, String phone) {
    }

    @Schema(name = "RegistrationFaceCheckStart")
    public record FaceCheckStart(String flowToken, QrApp app) {
    }

    public record Details(String flowToken, String password, String passwordConfirmation, String phone,
                          String smsCode, String username) {

        RegistrationForm form() {
            return new RegistrationForm(password, passwordConfirmation, phone, smsCode, username);
        }
    }

    public record FaceCheckNeed(boolean faceCheckRequired) {
    }

    @Schema(name = "RegistrationFaceCheckStarted")
    public record FaceCheckStarted(String qrToken, String qrImage) {
    }

    @Schema(name = "RegistrationFaceCheckStatus")
    public record FaceCheckStatus(String state) {
    }

    public record Registered(long personId, int realNameLevel) {
    }

    @POST
    @Path("identity-check")
    @Operation(summary = "Step 1: agreement, name, ID type and number (nationality only for types without an "
            + "implied one); answers the flow token and the derived gender, birth date and nationality")
    public IdentityChecked identityCheck(IdentityStep step) {
        IdentityStep s = require(step);
        return registration.checkIdentity(s.overseas(), s.agreementAccepted(), s.name(), s.idType(), s.idNumber(),
                s.nationality(), Clients.of(request));
    }

    @POST
    @Path("sms-code")
    @Operation(summary = "Send an SMS code to the phone the registrant will own (RULE-SMS quota applies)")
    public void smsCode(PhoneStep step) {
        PhoneStep s = require(step);
        registration.sendSmsCode(s.flowToken(), s.phone(), Clients.of(request));
    }

    @POST
    @Path("details")
    @Operation(summary = "Optional: check password, username, phone and, when given, the SMS code (not spent) before "
            + "the face check; answers whether a face check is needed (false for a person collected offline with this "
            + "phone, REG-2)")
    public FaceCheckNeed details(Details details) {
        Details d = require(details);
        return new FaceCheckNeed(registration.checkDetails(d.flowToken(), d.form()));
    }

    @POST
    @Path("face-check")
    @Operation(summary = "Start the QR face check in the tax app (TAX_APP, default) or the IIT app (IIT_APP)")
    public FaceCheckStarted faceCheck(FaceCheckStart start) {
        FaceCheckStart s = require(start);
        String token = registration.startFaceCheck(s.flowToken(), s.app() == null ? QrApp.TAX_APP : s.app(),
                Clients.of(request));
        return new FaceCheckStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @GET
    @Path("face-check/{flowToken}")
    @Operation(summary = "Poll the face check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or EXPIRED")
    public FaceCheckStatus faceCheckState(@PathParam("flowToken") String flowToken) {
        return new FaceCheckStatus(registration.faceCheckState(flowToken).name());
    }

    @POST
    @Operation(summary = "Complete: password, phone with its SMS code, optional username; all or nothing. "
            + "The new account is at real-name level 4")
    @APIResponse(responseCode = "201", description = "Registered: the new person's id and real-name level",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Registered.class)))
    public Response complete(Details details) {
        Details d = require(details);
        long id = registration.complete(d.flowToken(), d.form(), Clients.of(request));
        return Response.status(Response.Status.CREATED).entity(new Registered(id, RegistrationService.REAL_NAME_LEVEL)).build();
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
