package cn.etax.identity.account.rest;

import cn.etax.identity.account.application.AccountService;
import cn.etax.identity.account.application.DocumentForm;
import cn.etax.identity.account.application.DocumentView;
import cn.etax.identity.account.application.ProfileView;
import cn.etax.identity.account.application.RevealableField;
import cn.etax.identity.account.web.LoginLogEntry;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.web.i18n.Texts;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * The personal account center over REST (API-1; PER-1, PER-8, ENT-6): the same service calls as the pages. The
 * person is the session's caller; changes proven by SMS or face first open a flow ({@code POST changes}), ask for
 * codes or a QR check in it, then name it in the change (deregistration, REG-7, too).
 */
@ApplicationScoped
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "account", description = "Personal account center (PER-1, PER-6, PER-7, PER-8, ENT-6, REG-7, RULE-MASK, RULE-PHONE)")
public class AccountResource {

    @EJB
    AccountService account;

    @Inject
    Sessions sessions;

    @Inject
    BusinessClock clock;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Schema(name = "AccountRevealRequest")
    public record RevealRequest(RevealableField field, Long phoneId) {
    }

    @Schema(name = "AccountRevealed")
    public record Revealed(RevealableField field, String value) {
    }

    public record FlowStarted(String flowToken) {
    }

    public record CodeSent(String phone) {
    }

    public record NewPhone(String phone) {
    }

    @Schema(name = "AccountQrStarted")
    public record QrStarted(String qrToken, String qrImage) {
    }

    @Schema(name = "AccountQrStatus")
    public record QrStatus(String state) {
    }

    /** Old password, SMS code ({@code flowToken} + {@code code}) or a confirmed face check ({@code flowToken}). */
    public record PasswordChange(String oldPassword, String flowToken, String code, String password,
                                 String confirmation) {
    }

    public record PhoneChange(String flowToken, String phone, String currentCode, String newCode) {
    }

    public record CodeProof(String flowToken, String code) {
    }

    public record Username(String username) {
    }

    public record Email(String email) {
    }

    public record Address(String address) {
    }

    public record Deregistration(String flowToken, String code) {
    }

    /** REG-7: the change flow whose deregistration code is asked for. */
    public record DeregistrationCode(String flowToken) {
    }

    /** REG-7: the change flow and the app of the deregistration's face check. */
    public record DeregistrationFaceCheck(String flowToken, QrApp app) {
    }

    public record FaceProof(String flowToken) {
    }

    /** PER-7 新增证件; {@code validUntil} absent: long-term. */
    public record DocumentAddition(String flowToken, String name, IdType idType, String idNumber,
                                   LocalDate validFrom, LocalDate validUntil) {

        DocumentForm form() {
            return new DocumentForm(name, idType, idNumber, validFrom, validUntil);
        }
    }

    @GET
    @Path("profile")
    @Operation(summary = "The caller's profile, personal fields masked (RULE-MASK)")
    public ProfileView profile() {
        return account.profile();
    }

    @POST
    @Path("reveal")
    @Operation(summary = "One field in clear (NAME, ID_NUMBER, PHONE with phoneId, EMAIL, ADDRESS); recorded")
    public Revealed reveal(RevealRequest body) {
        RevealRequest r = require(body);
        if (r.field() == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new Revealed(r.field(), account.reveal(r.field(), r.phoneId(), Clients.of(request)));
    }

    @POST
    @Path("changes")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Open a change flow for password, phone changes proven by SMS codes or a face check")
    public FlowStarted begin() {
        return new FlowStarted(account.beginChange(Clients.of(request)));
    }

    @POST
    @Path("changes/{flow}/sms-own")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Code to one of the caller's phones (?phoneId=; the default phone without it)")
    public CodeSent smsOwn(@PathParam("flow") String flow, @QueryParam("phoneId") Long phoneId) {
        return new CodeSent(account.sendCodeToOwnPhone(flow, phoneId));
    }

    @POST
    @Path("changes/{flow}/sms-new")
    @Operation(summary = "Code to a number to add or switch to")
    public void smsNew(@PathParam("flow") String flow, NewPhone body) {
        account.sendCodeToNewPhone(flow, require(body).phone(), Clients.of(request));
    }

    @POST
    @Path("changes/{flow}/face-check")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start a QR face check: ?app=TAX_APP (default, tax app face check) or IIT_APP")
    public QrStarted faceCheck(@PathParam("flow") String flow, @QueryParam("app") QrApp app) {
        String token = account.startFaceCheck(flow, app == null ? QrApp.TAX_APP : app, Clients.of(request));
        return new QrStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @GET
    @Path("changes/{flow}/face-check")
    @Operation(summary = "Poll the face check: PENDING, SCANNED, CONFIRMED, FAILED, CANCELLED or EXPIRED")
    public QrStatus faceCheckState(@PathParam("flow") String flow) {
        return new QrStatus(account.faceCheckState(flow).name());
    }

    @PUT
    @Path("password")
    @Operation(summary = "Change the password: with oldPassword; or flowToken + code (SMS to the default phone); "
            + "or flowToken alone after a confirmed face check (RULE-PWD). The person's other sessions end; this one "
            + "goes on. The fifth wrong oldPassword of the day locks the account and ends this session too")
    public void password(PasswordChange body) {
        PasswordChange b = require(body);
        sessions.passwordChange(request, () -> {
            if (b.oldPassword() != null) {
                return account.changePasswordWithOld(b.oldPassword(), b.password(), b.confirmation(),
                        Clients.of(request));
            }
            if (b.code() != null) {
                return account.changePasswordWithSms(b.flowToken(), b.code(), b.password(), b.confirmation(),
                        Clients.of(request));
            }
            return account.changePasswordWithFace(b.flowToken(), b.password(), b.confirmation(),
                    Clients.of(request));
        });
    }

    @POST
    @Path("phones")
    @Operation(summary = "Add a phone: codes to the default phone (currentCode) and the new one (newCode); "
            + "the number leaves any other holder (RULE-PHONE)")
    public ProfileView addPhone(PhoneChange body) {
        PhoneChange b = require(body);
        account.addPhone(b.flowToken(), b.phone(), b.newCode(), b.currentCode(), Clients.of(request));
        return account.profile();
    }

    @PUT
    @Path("phones/{id}")
    @Operation(summary = "Replace a phone: codes to that phone (currentCode) and the new number (newCode)")
    public ProfileView modifyPhone(@PathParam("id") long id, PhoneChange body) {
        PhoneChange b = require(body);
        account.modifyPhone(b.flowToken(), id, b.phone(), b.currentCode(), b.newCode(), Clients.of(request));
        return account.profile();
    }

    @DELETE
    @Path("phones/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a non-default phone; headers X-Flow-Token and X-SMS-Code (code sent to the default "
            + "phone). Headers, not a body: the HTTP server refuses DELETE bodies, and codes stay out of URLs and logs")
    public ProfileView deletePhone(@PathParam("id") long id, @HeaderParam("X-Flow-Token") String flowToken,
                                   @HeaderParam("X-SMS-Code") String code) {
        account.deletePhone(flowToken, id, code, Clients.of(request));
        return account.profile();
    }

    @PUT
    @Path("phones/{id}/default")
    @Operation(summary = "Make a phone the default one; code to that phone")
    public ProfileView makeDefault(@PathParam("id") long id, CodeProof body) {
        CodeProof b = require(body);
        account.makeDefaultPhone(b.flowToken(), id, b.code(), Clients.of(request));
        return account.profile();
    }

    @PUT
    @Path("username")
    @Operation(summary = "Change the username (RULE-USER: at most once a year)")
    public ProfileView username(Username body) {
        account.changeUsername(require(body).username(), Clients.of(request));
        return account.profile();
    }

    @PUT
    @Path("email")
    @Operation(summary = "Change or clear (empty) the email")
    public ProfileView email(Email body) {
        account.changeEmail(require(body).email(), Clients.of(request));
        return account.profile();
    }

    @PUT
    @Path("address")
    @Operation(summary = "Change or clear (empty) the address")
    public ProfileView address(Address body) {
        account.changeAddress(require(body).address(), Clients.of(request));
        return account.profile();
    }

    @GET
    @Path("login-log")
    @Operation(summary = "The caller's login log since from (yyyy-MM-dd; default one month back) (PER-8)")
    public List<LoginLogEntry> loginLog(@QueryParam("from") String from) {
        LocalDate since;
        try {
            since = from == null || from.isBlank() ? null : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("LOGIN_LOG_FROM_INVALID");
        }
        Locale locale = Texts.forAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return account.loginLog(since).stream().map(r -> LoginLogEntry.of(r, clock.zone(), locale)).toList();
    }

    @GET
    @Path("documents")
    @Operation(summary = "The account's ID documents, masked: the one registered with, then the added ones (PER-7)")
    public List<DocumentView> documents() {
        return account.documents();
    }

    @POST
    @Path("documents/check")
    @Operation(summary = "【下一步】 of 新增证件: checks name, type (the 7 online types), number, validity and that no "
            + "account holds the document yet; nothing is written (PER-7)")
    public void checkDocument(DocumentAddition body) {
        account.checkDocument(require(body).form());
    }

    @POST
    @Path("documents")
    @Operation(summary = "Add a document with flowToken after a confirmed face check in that flow (PER-7); answers "
            + "the documents")
    public List<DocumentView> addDocument(DocumentAddition body) {
        DocumentAddition b = require(body);
        List<DocumentView> documents = account.addDocument(b.flowToken(), b.form(), Clients.of(request));
        sessions.realNameLevelMayHaveRisen(request);
        return documents;
    }

    @POST
    @Path("real-name-level")
    @Operation(summary = "Raise the real-name level 3 → 4 (PER-6, 【提升等级】) with flowToken after a confirmed face "
            + "check; REAL_NAME_LEVEL_SUFFICIENT at level 4. Answers the profile; the session carries the new level")
    public ProfileView raiseRealNameLevel(FaceProof body) {
        int level = account.raiseRealNameLevel(require(body).flowToken(), Clients.of(request));
        sessions.realNameLevelRaised(request, level);
        return account.profile();
    }

    @POST
    @Path("deregistration/sms-code")
    @Operation(summary = "The code that proves a deregistration (用户注销, REG-7), to the default phone: its text names "
            + "the deregistration, and only such a code deregisters")
    public CodeSent deregistrationCode(DeregistrationCode body) {
        return new CodeSent(account.sendDeregistrationCode(require(body).flowToken()));
    }

    @POST
    @Path("deregistration/face-check")
    @Operation(summary = "The face check that proves a deregistration (REG-7), for the change flow flowToken: the app "
            + "shows that it deregisters, and only such a check deregisters; app TAX_APP (default) or IIT_APP. Poll it "
            + "at GET /api/v1/me/changes/{flow}/face-check")
    public QrStarted deregistrationFaceCheck(DeregistrationFaceCheck body) {
        DeregistrationFaceCheck b = require(body);
        String token = account.startDeregistrationFaceCheck(b.flowToken(), b.app() == null ? QrApp.TAX_APP : b.app(),
                Clients.of(request));
        return new QrStarted(token, request.getContextPath() + "/qr.png?t=" + token);
    }

    @POST
    @Path("deregistration")
    @Operation(summary = "Deregister (用户注销, REG-7): flowToken + code (SMS to the default phone), or flowToken alone "
            + "after a confirmed face check. Phones, username and password are removed, the real-name data and the "
            + "enterprise relationships stay; the session ends. Registering again brings the relationships back.")
    public void deregister(Deregistration body) {
        Deregistration b = require(body);
        if (b.code() != null) {
            account.deregisterWithSms(b.flowToken(), b.code(), Clients.of(request));
        } else {
            account.deregisterWithFace(b.flowToken(), Clients.of(request));
        }
        sessions.logout(request);
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
