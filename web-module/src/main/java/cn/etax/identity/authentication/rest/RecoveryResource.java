package cn.etax.identity.authentication.rest;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.PasswordRecoveryService.Recovery;
import cn.etax.identity.authentication.application.PasswordRecoveryService;
import cn.etax.identity.authentication.domain.QrApp;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * REG-5 forgot password and REG-6 retrieve phone over REST (API-1), the same steps as forgot-password.xhtml and
 * retrieve-phone.xhtml. Both start with the anti-automation slider (RULE-LOCK).
 */
@ApplicationScoped
@Path("v1/recovery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "recovery", description = "Forgot password (REG-5) and retrieve phone (REG-6)")
public class RecoveryResource {

    @EJB
    PasswordRecoveryService recovery;

    @EJB
    HumanCheckService humanCheck;

    @Context
    HttpServletRequest request;

    @Schema(name = "RecoverySliderChallenge")
    public record SliderChallenge(String token, int gapPosition) {
    }

    public record ResetStart(IdType idType, String idNumber, String sliderToken, Integer sliderPosition) {
    }

    public record RetrievalStart(IdType idType, String idNumber, String password, String sliderToken,
                                 Integer sliderPosition) {
    }

    @Schema(name = "RecoveryStarted")
    public record Started(String flowToken, String phone, String name) {

        static Started of(Recovery r) {
            return new Started(r.flowToken(), r.phoneMasked(), r.nameMasked());
        }
    }

    @Schema(name = "RecoveryFlowStep")
    public record FlowStep(String flowToken) {
    }

    @Schema(name = "RecoveryFaceCheckStart")
    public record FaceCheckStart(String flowToken, QrApp app) {
    }

    @Schema(name = "RecoveryFaceCheckStarted")
    public record FaceCheckStarted(String qrToken, String qrImage) {
    }

    @Schema(name = "RecoveryFaceCheckStatus")
    public record FaceCheckStatus(String state) {
    }

    @Schema(name = "RecoveryNewPassword")
    public record NewPassword(String flowToken, String code, String password, String confirmation) {
    }

    @Schema(name = "RecoveryPhoneStep")
    public record PhoneStep(String flowToken, String phone) {
    }

    public record PhoneCode(String flowToken, String phone, String code) {
    }

    @POST
    @Path("slider")
    @Operation(summary = "A new anti-automation slider challenge; send sliderPosition close to gapPosition")
    public SliderChallenge slider() {
        HumanCheckService.Challenge c = humanCheck.issue();
        return new SliderChallenge(c.token(), c.position());
    }

    @POST
    @Path("password-reset")
    @Operation(summary = "REG-5 step 1: ID type + number + slider; answers the flow token and the masked default "
            + "phone (empty when none: use the face check)")
    public Started startPasswordReset(ResetStart start) {
        ResetStart s = require(start);
        return Started.of(recovery.startPasswordReset(s.idType(), s.idNumber(), s.sliderToken(),
                s.sliderPosition(), Clients.of(request)));
    }

    @POST
    @Path("password-reset/sms-code")
    @Operation(summary = "REG-5: send an SMS code to the account's default phone")
    public void resetCode(FlowStep step) {
        recovery.sendResetCode(require(step).flowToken());
    }

    /** The SMS code of 身份验证, checked before the new password is asked for. */
    public record CodeCheck(String flowToken, String code) {
    }

    @POST
    @Path("password-reset/sms-code/check")
    @Operation(summary = "REG-5 身份验证: check the SMS code before asking for the new password (204); a wrong one "
            + "counts like one at the last step, the right one stays valid for password-reset/complete")
    public void checkResetCode(CodeCheck check) {
        CodeCheck c = require(check);
        recovery.confirmResetCode(c.flowToken(), c.code(), Clients.of(request));
    }

    @POST
    @Path("password-reset/face-check")
    @Operation(summary = "REG-5: start a QR face check in the tax app (TAX_APP, default) or the IIT app")
    public FaceCheckStarted resetFaceCheck(FaceCheckStart start) {
        FaceCheckStart s = require(start);
        String token = recovery.startResetFaceCheck(s.flowToken(), s.app() == null ? QrApp.TAX_APP : s.app(),
                Clients.of(request));
        return new FaceCheckStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @GET
    @Path("password-reset/face-check/{flowToken}")
    @Operation(summary = "REG-5: poll the face check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or EXPIRED")
    public FaceCheckStatus resetFaceCheckState(@PathParam("flowToken") String flowToken) {
        return new FaceCheckStatus(recovery.resetFaceCheckState(flowToken).name());
    }

    @POST
    @Path("password-reset/complete")
    @Operation(summary = "REG-5: new password, proven by the SMS code (code) or, without a code, by the confirmed "
            + "face check; lifts a lockout")
    public void resetPassword(NewPassword step) {
        NewPassword s = require(step);
        recovery.resetPassword(s.flowToken(), s.code(), s.password(), s.confirmation(), Clients.of(request));
    }

    @POST
    @Path("phone-retrieval")
    @Operation(summary = "REG-6 step 1: ID type + number + personal password (not the initial one) + slider")
    public Started startPhoneRetrieval(RetrievalStart start) {
        RetrievalStart s = require(start);
        return Started.of(recovery.startPhoneRetrieval(s.idType(), s.idNumber(), s.password(), s.sliderToken(),
                s.sliderPosition(), Clients.of(request)));
    }

    @POST
    @Path("phone-retrieval/sms-code")
    @Operation(summary = "REG-6: send an SMS code to the new phone")
    public void retrievalCode(PhoneStep step) {
        PhoneStep s = require(step);
        recovery.sendRetrievalCode(s.flowToken(), s.phone(), Clients.of(request));
    }

    @POST
    @Path("phone-retrieval/complete")
    @Operation(summary = "REG-6: the new phone, proven by its SMS code, becomes the default phone")
    public void retrievePhone(PhoneCode step) {
        PhoneCode s = require(step);
        recovery.retrievePhone(s.flowToken(), s.phone(), s.code(), Clients.of(request));
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
