package cn.etax.identity.authentication.rest;

import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginResult;
import cn.etax.identity.authentication.application.LoginService;
import cn.etax.identity.authentication.application.LogoutService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.web.ConfirmQuestion;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.SubjectOption;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.ClientOption;
import cn.etax.identity.grant.application.ConfirmationFaceCheck;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.IdentityOption;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.web.i18n.Texts;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
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

import java.util.List;
import java.util.Locale;

/**
 * LOGIN-1 over REST (API-1), the same steps as the login page: slider challenge → password → SMS code or QR →
 * agreements / initial password when due. The last step starts a session (cookie ETAXSESSION) for /api/v1/me.
 * LOGIN-2 starts at {@code enterprise/password} with the taxpayer's credit code, shares the second-factor steps and
 * may end with {@code enterprise/identity} (choose) or {@code enterprise/confirm} (confirm an offered identity).
 */
@ApplicationScoped
@Path("v1/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "login", description = "Natural-person, enterprise, agent and QR login (LOGIN-1, LOGIN-2, LOGIN-3, LOGIN-7, "
        + "RULE-2FA)")
public class LoginResource {

    @EJB
    LoginService login;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    QrLoginService qrLogins;

    @EJB
    LogoutService logouts;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    HttpHeaders headers;

    @Schema(name = "LoginSliderChallenge")
    public record SliderChallenge(String token, int gapPosition) {
    }

    @Schema(name = "LoginPasswordStep")
    public record PasswordStep(String account, String password, String sliderToken, Integer sliderPosition) {
    }

    public record EnterprisePasswordStep(String creditCode, String account, String password, String sliderToken,
                                         Integer sliderPosition) {
    }

    @Schema(name = "LoginIdentityStep")
    public record IdentityStep(String flowToken, Long grantId) {
    }

    @Schema(name = "LoginCodeStep")
    public record CodeStep(String flowToken, String code) {
    }

    @Schema(name = "LoginFlowStep")
    public record FlowStep(String flowToken) {
    }

    public record QrStart(String flowToken, QrApp app) {
    }

    @Schema(name = "LoginNewPassword")
    public record NewPassword(String flowToken, String password, String confirmation) {
    }

    @Schema(name = "LoginStarted")
    public record Started(String flowToken, String phone, String name, boolean smsAvailable) {
    }

    @Schema(name = "LoginQrStarted")
    public record QrStarted(String qrToken, String qrImage) {
    }

    @Schema(name = "LoginQrStatus")
    public record QrStatus(String state) {
    }

    /**
     * The step's answer. {@code personId}, {@code name} and {@code realNameLevel} once LOGGED_IN (absent before);
     * {@code identity}: the enterprise identity logged in with (LOGIN-2); {@code identities}: the identities to choose
     * from (CHOOSE_IDENTITY) or to confirm (CONFIRM_PENDING, with the {@code question}).
     */
    public record Outcome(String status, Long personId, String name, Integer realNameLevel, EnterpriseIdentity identity,
                          List<IdentityOption> identities, String question, Boolean faceCheckRequired,
                          AgentIdentity agent, List<ClientOption> clients, CrossRegionIdentity crossRegion,
                          List<SubjectOption> subjects) {
    }

    /** LOGIN-4: the special-subject type (INSPECTION 跨区域报验户, TAX_SOURCE 跨区税源登记纳税人) and the password step. */
    public record SpecialPasswordStep(CrossRegionKind kind, String creditCode, String account, String password,
                                      String sliderToken, Integer sliderPosition) {
    }

    public record SubjectStep(String flowToken, Long subjectId) {
    }

    /** LOGIN-5: the non-resident enterprise identity code, the person's email address, phone or username. */
    public record NonResidentPasswordStep(String identityCode, String account, String password, String sliderToken,
                                          Integer sliderPosition) {
    }

    @POST
    @Path("non-resident/password")
    @Operation(summary = "LOGIN-5 非居民企业登录 step 1: the non-resident enterprise identity code, the person's email "
            + "address, phone or username and password + slider; then the enterprise entry's second factor and "
            + "identity steps")
    public Started nonResidentPassword(NonResidentPasswordStep step) {
        NonResidentPasswordStep s = require(step);
        PasswordAccepted accepted = login.nonResidentPassword(s.identityCode(), s.account(), s.password(),
                s.sliderToken(), s.sliderPosition(), Clients.of(request));
        return new Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    @POST
    @Path("special/password")
    @Operation(summary = "LOGIN-4 特定主体登录 step 1: kind (INSPECTION | TAX_SOURCE), the taxpayer's credit code, the "
            + "person's account and password + slider; the second factor then uses sms-code / sms / qr, which answer "
            + "CHOOSE_SUBJECT with the subjects he may enter (未查到相关信息 and the handler mismatches otherwise)")
    public Started specialPassword(SpecialPasswordStep step) {
        SpecialPasswordStep s = require(step);
        PasswordAccepted accepted = login.specialPassword(s.kind(), s.creditCode(), s.account(), s.password(),
                s.sliderToken(), s.sliderPosition(), Clients.of(request));
        return new Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    @POST
    @Path("special/subject")
    @Operation(summary = "LOGIN-4 【进入】: the cross-region subject chosen from CHOOSE_SUBJECT, checked again; LOGGED_IN "
            + "with crossRegion")
    public Outcome enterSubject(SubjectStep step) {
        SubjectStep s = require(step);
        return finish(login.enterSubject(s.flowToken(), s.subjectId(), Clients.of(request)));
    }

    public record AgentPasswordStep(String agencyCreditCode, String account, String password, String sliderToken,
                                    Integer sliderPosition) {
    }

    public record ClientStep(String flowToken, Long mandateId) {
    }

    public record ConfirmStep(String flowToken, Long grantId, String proofToken) {
    }

    public record ConfirmFaceCheckStart(String flowToken, Long grantId, QrApp app) {
    }

    public record ConfirmFaceCheck(String proofToken, String qrToken, String qrImage) {
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
    @Path("enterprise/password")
    @Operation(summary = "LOGIN-2 step 1: credit code (TIN) of a registered taxpayer + account + password + slider; "
            + "the second factor then uses sms-code / sms / qr like the natural-person login")
    public Started enterprisePassword(EnterprisePasswordStep step) {
        EnterprisePasswordStep s = require(step);
        PasswordAccepted accepted = login.enterprisePassword(s.creditCode(), s.account(), s.password(),
                s.sliderToken(), s.sliderPosition(), Clients.of(request));
        return new Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    @POST
    @Path("agent/password")
    @Operation(summary = "LOGIN-3 step 1: the agency's credit code (a tax-agent institution) + the agent's account + "
            + "password + slider; the second factor then uses sms-code / sms / qr, which answer CHOOSE_CLIENT with the "
            + "clients. Errors: NOT_TAX_AGENT_INSTITUTION, TAXPAYER_NOT_FOUND; after the second factor "
            + "AGENT_RELATION_NOT_FOUND, AGENT_NO_CLIENTS, ENTERPRISE_IDENTITY_FROZEN")
    public Started agentPassword(AgentPasswordStep step) {
        AgentPasswordStep s = require(step);
        PasswordAccepted accepted = login.agentPassword(s.agencyCreditCode(), s.account(), s.password(),
                s.sliderToken(), s.sliderPosition(), Clients.of(request));
        return new Started(accepted.flowToken(), accepted.phoneMasked(), accepted.nameMasked(),
                accepted.smsAvailable());
    }

    @POST
    @Path("agent/client")
    @Operation(summary = "LOGIN-3: enter the client chosen from CHOOSE_CLIENT (进入), named by its mandate; "
            + "AGENT_CLIENT_UNAVAILABLE when the mandate is no longer in force")
    public Outcome enterClient(ClientStep step) {
        ClientStep s = require(step);
        return finish(login.enterClient(s.flowToken(), s.mandateId(), Clients.of(request)));
    }

    @POST
    @Path("enterprise/identity")
    @Operation(summary = "LOGIN-2: log in with the identity chosen from CHOOSE_IDENTITY (a frozen one is refused)")
    public Outcome chooseIdentity(IdentityStep step) {
        IdentityStep s = require(step);
        return finish(login.chooseIdentity(s.flowToken(), s.grantId(), Clients.of(request)));
    }

    @POST
    @Path("enterprise/confirm")
    @Operation(summary = "LOGIN-2: confirm the identity offered in CONFIRM_PENDING, then log in with it. When the "
            + "answer said faceCheckRequired, proofToken names the confirmed face check of enterprise/confirm/face-check "
            + "(used once). Errors: GRANT_FACE_CHECK_REQUIRED, GRANT_FACE_CHECK_OTHER_GRANTS, QR_NOT_CONFIRMED, "
            + "ENTERPRISE_IDENTITY_UNAVAILABLE")
    public Outcome confirmIdentity(ConfirmStep step) {
        ConfirmStep s = require(step);
        return finish(login.confirmIdentity(s.flowToken(), s.grantId(), s.proofToken(), Clients.of(request)));
    }

    @POST
    @Path("enterprise/confirm/face-check")
    @Operation(summary = "LOGIN-2 (点击确定，并完成扫码认证): a QR face check in the tax app (TAX_APP) or IIT app (IIT_APP) "
            + "proving the confirmation of this offer; poll enterprise/confirm/face-check/{proofToken}?flowToken=, then "
            + "enterprise/confirm with the proofToken")
    public ConfirmFaceCheck startConfirmFaceCheck(ConfirmFaceCheckStart start) {
        ConfirmFaceCheckStart s = require(start);
        ConfirmationFaceCheck check = login.startConfirmationFaceCheck(s.flowToken(), s.grantId(), s.app(),
                Clients.of(request));
        return new ConfirmFaceCheck(check.proofToken(), check.qrToken(),
                request.getContextPath() + "/qr.png?t=" + check.qrToken());
    }

    @GET
    @Path("enterprise/confirm/face-check/{proofToken}")
    @Operation(summary = "Poll the confirmation's face check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or "
            + "EXPIRED")
    public QrStatus confirmFaceCheckState(@PathParam("proofToken") String proofToken,
                                          @QueryParam("flowToken") String flowToken) {
        return new QrStatus(login.confirmationFaceCheckState(flowToken, proofToken).name());
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

    /** LOGIN-7: the code to show ({@code qrImage}) and the flow that will log in once an app confirms it. */
    public record QrLoginStarted(String flowToken, String qrToken, String qrImage, String expiresAt) {
    }

    @POST
    @Path("qr-login")
    @Operation(summary = "LOGIN-7 扫码登录: a one-time QR code (about 120 s) for the tax app, the IIT app or the "
            + "electronic business licence app; poll qr-login/{flowToken}, then qr-login/complete once CONFIRMED")
    public QrLoginStarted startQrLogin() {
        QrLoginService.Started started = qrLogins.start(Clients.of(request));
        return new QrLoginStarted(started.flowToken(), started.qrToken(),
                request.getContextPath() + "/qr.png?t=" + started.qrToken(), started.expiresAt().toString());
    }

    @GET
    @Path("qr-login/{flowToken}")
    @Operation(summary = "LOGIN-7: PENDING, SCANNED (confirm on the phone), CONFIRMED, CANCELLED (in the app) or "
            + "EXPIRED")
    public QrStatus qrLoginState(@PathParam("flowToken") String flowToken) {
        return new QrStatus(qrLogins.state(flowToken).name());
    }

    @POST
    @Path("qr-login/complete")
    @Operation(summary = "LOGIN-7: log in with the confirmed code, once: personal business, or the enterprise "
            + "identity of the app session; AGREEMENTS_REQUIRED / PASSWORD_CHANGE_REQUIRED when due")
    public Outcome qrLoginComplete(FlowStep step) {
        return finish(login.completeQrLogin(require(step).flowToken(), Clients.of(request)));
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
                    result.person().realNameLevel(), result.person().enterprise(), null, null, null,
                    result.person().agent(), null, result.person().crossRegion(), null);
        }
        boolean confirming = result.status() == LoginResult.Status.CONFIRM_PENDING;
        return new Outcome(result.status().name(), null, null, null, null,
                result.options().isEmpty() ? null : result.options(),
                confirming ? Texts.text(locale(), ConfirmQuestion.key(result.options())) : null,
                confirming ? result.faceCheckRequired() : null, null,
                result.clients().isEmpty() ? null : result.clients(), null,
                result.subjects().isEmpty() ? null : result.subjects());
    }

    private Locale locale() {
        return Texts.forAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
