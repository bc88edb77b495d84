package cn.etax.identity.authentication.rest;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.LogoutService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LOGIN-1 over REST (API-1), the same steps as the login page: slider challenge → password → SMS code or QR →
 * agreements / initial password when due. The last step starts a session (cookie ETAXSESSION) for /api/v1/me.
 */
@Path("v1/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "login", description = "Natural-person login (LOGIN-1, RULE-2FA)")
public class LoginResource {

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    LogoutService logouts;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    public record SliderChallenge(String token, int gapPosition) {
    }

    public record PasswordStep(String account, String password, String sliderToken, Integer sliderPosition) {
    }

    public record CodeStep(String flowToken, String code) {
    }

    public record FlowStep(String flowToken) {
    }

    public record QrStart(String flowToken, QrApp app) {
    }

    public record NewPassword(String flowToken, String password, String confirmation) {
    }

    public record Started(String flowToken, String phone, String name, boolean smsAvailable) {
    }

    public record QrStarted(String qrToken, String qrImage) {
    }

    public record QrStatus(String state) {
    }

    public record Outcome(String status, Long personId, String name, int realNameLevel) {
    }

    @POST
    @Path("slider")
    @Operation(summary = "A new anti-automation slider challenge; drag (send) sliderPosition close to gapPosition")
    public SliderChallenge slider() {
        HumanCheckService.Challenge c = humanCheck.issue();
        return new SliderChallenge(c.token(), c.position());
    }

    @POST
    @Path("password")
    @Operation(summary = "Step 1: account (ID number, phone or username) + password + slider answer")
    public Started password(PasswordStep step) {
        PasswordStep s = require(step);
        PasswordAccepted accepted = login.password(s.account(), s.password(), s.sliderToken(), s.sliderPosition(),
                Clients.of(request));
        return new Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    @POST
    @Path("sms-code")
    @Operation(summary = "Send the login SMS code to the default phone (RULE-SMS quota applies)")
    public void sendCode(FlowStep step) {
        login.sendSmsCode(require(step).flowToken());
    }

    @POST
    @Path("sms")
    @Operation(summary = "Step 2 by SMS code")
    public Outcome sms(CodeStep step) {
        CodeStep s = require(step);
        return finish(login.completeWithSms(s.flowToken(), s.code(), Clients.of(request)));
    }

    @POST
    @Path("qr")
    @Operation(summary = "Step 2 by QR: start a face check in the tax app (TAX_APP) or IIT app (IIT_APP)")
    public QrStarted startQr(QrStart start) {
        QrStart s = require(start);
        String token = login.startQr(s.flowToken(), s.app() == null ? QrApp.TAX_APP : s.app(), Clients.of(request));
        return new QrStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @GET
    @Path("qr/{flowToken}")
    @Operation(summary = "Poll the QR check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or EXPIRED")
    public QrStatus qrState(@PathParam("flowToken") String flowToken) {
        return new QrStatus(login.qrState(flowToken).name());
    }

    @POST
    @Path("qr/complete")
    @Operation(summary = "Step 2 by the confirmed QR face check")
    public Outcome qrComplete(FlowStep step) {
        return finish(login.completeWithQr(require(step).flowToken(), Clients.of(request)));
    }

    @POST
    @Path("agreements")
    @Operation(summary = "Sign the user agreement, privacy consent and face-recognition agreement (RULE-AGREE)")
    public Outcome agreements(FlowStep step) {
        return finish(login.signAgreements(require(step).flowToken(), Clients.of(request)));
    }

    @POST
    @Path("initial-password")
    @Operation(summary = "Replace the initial password of a migrated account; log in again afterwards")
    public Outcome initialPassword(NewPassword step) {
        NewPassword s = require(step);
        return finish(login.changeInitialPassword(s.flowToken(), s.password(), s.confirmation(), Clients.of(request)));
    }

    @POST
    @Path("logout")
    @Operation(summary = "End the session (LOGIN-9)")
    public void logout() {
        AuthenticatedPerson person = sessions.current(request);
        if (person != null) {
            logouts.loggedOut(person.personId(), Clients.of(request));
        }
        sessions.logout(request);
    }

    private Outcome finish(LoginResult result) {
        if (result.status() == LoginResult.Status.LOGGED_IN) {
            sessions.login(request, response, result.person());
            return new Outcome(result.status().name(), result.person().personId(), result.person().name(),
                    result.person().realNameLevel());
        }
        return new Outcome(result.status().name(), null, null, 0);
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
