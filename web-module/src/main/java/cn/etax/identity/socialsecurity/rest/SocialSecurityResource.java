package cn.etax.identity.socialsecurity.rest;

import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.socialsecurity.application.AuthenticatedFeePayer;
import cn.etax.identity.socialsecurity.application.SocialSecurityAccountService;
import cn.etax.identity.socialsecurity.application.SocialSecurityLoginService;
import cn.etax.identity.socialsecurity.domain.FeePayerKind;
import cn.etax.identity.sso.application.Assertion;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import cn.etax.identity.web.security.SingleSignOn;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * LOGIN-10 社保费登录 over REST, the same steps as the pages: the slider of {@code /api/v1/login/slider}, username +
 * password, then the code to the payer's phone; and 社保费用户注册 / 找回密码. The last login step starts a session
 * (cookie ETAXSESSION) that reaches {@code me} and the fee services, and nothing of a natural person's.
 */
@ApplicationScoped
@Path("v1/social-security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "social-security", description = "Social-security fee entry (LOGIN-10): fee payers' own accounts")
public class SocialSecurityResource {

    @EJB
    SocialSecurityLoginService logins;

    @EJB
    SocialSecurityAccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    SingleSignOn sso;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Schema(name = "SocialSecurityPasswordStep")
    public record PasswordStep(String username, String password, String sliderToken, Integer sliderPosition) {
    }

    /** {@code status} SMS_REQUIRED (then {@code flowToken}, {@code phone}) or LOGGED_IN (then {@code payer}). */
    public record LoginAnswer(String status, String flowToken, String phone, FeePayerView payer) {
    }

    @Schema(name = "SocialSecurityFlowStep")
    public record FlowStep(String flowToken) {
    }

    @Schema(name = "SocialSecurityCodeStep")
    public record CodeStep(String flowToken, String code) {
    }

    public record FeePayerView(String username, FeePayerKind kind, String payerName, String payer,
                               boolean purePayer, Instant authenticatedAt) {

        static FeePayerView of(AuthenticatedFeePayer p) {
            return new FeePayerView(p.username(), p.kind(), p.payerName(), p.payerMasked(), p.purePayer(),
                    p.authenticatedAt());
        }
    }

    public record IdentifyStep(FeePayerKind kind, IdType idType, String payerNumber, String name, String sliderToken,
                               Integer sliderPosition) {
    }

    /**
     * {@code registered} false: no account yet, {@code accounts/complete} registers one with the username sent; true:
     * it sets a new password (the username comes back from {@code complete}).
     */
    @Schema(name = "SocialSecurityIdentified")
    public record Identified(String flowToken, String phone, boolean registered) {
    }

    public record CompleteStep(String flowToken, String code, String username, String password,
                               String confirmation) {
    }

    public record Completed(String username) {
    }

    @POST
    @Path("login/password")
    @Operation(summary = "Step 1: the fee payer account's username + password + slider answer. SMS_REQUIRED with the "
            + "masked phone, or LOGGED_IN for a pure social-security payer (纯社保户) when the deployment exempts "
            + "it. Errors: SOCIAL_SECURITY_USER_UNKNOWN, PASSWORD_WRONG, ACCOUNT_LOCKED, SOCIAL_SECURITY_PAYER_CLOSED")
    public LoginAnswer password(PasswordStep step) {
        PasswordStep s = require(step);
        SocialSecurityLoginService.PasswordStep answer = logins.password(s.username(), s.password(), s.sliderToken(),
                s.sliderPosition(), Clients.of(request));
        if (answer.payer() != null) {
            return new LoginAnswer("LOGGED_IN", null, null, loggedIn(answer.payer()));
        }
        return new LoginAnswer("SMS_REQUIRED", answer.flowToken(), answer.phoneMasked(), null);
    }

    @POST
    @Path("login/sms-code")
    @Operation(summary = "Send the login code to the payer's phone (RULE-SMS quota applies)")
    public void sendLoginCode(FlowStep step) {
        logins.sendCode(require(step).flowToken());
    }

    @POST
    @Path("login/sms")
    @Operation(summary = "Step 2: the code; LOGGED_IN starts the session. Errors: SMS_CODE_WRONG (with the tries "
            + "left today), SMS_CODE_EXPIRED, SMS_CODE_USED, ACCOUNT_LOCKED")
    public LoginAnswer code(CodeStep step) {
        CodeStep s = require(step);
        return new LoginAnswer("LOGGED_IN", null, null,
                loggedIn(logins.code(s.flowToken(), s.code(), Clients.of(request))));
    }

    @GET
    @Path("me")
    @Operation(summary = "The fee payer the session was logged in with")
    public FeePayerView me() {
        AuthenticatedFeePayer payer = sessions.currentFeePayer(request);
        if (payer == null) {
            throw new ForbiddenException("SOCIAL_SECURITY_LOGIN_REQUIRED");
        }
        return FeePayerView.of(payer);
    }

    /** API-2 for LOGIN-10: the fee payer's identity assertion, as {@code /api/v1/me/assertion} is a person's. */
    @Schema(name = "SocialSecurityIssuedAssertion")
    public record IssuedAssertion(String assertion, String tokenType, String keyId, Instant expiresAt) {
    }

    @GET
    @Path("assertion")
    @Operation(summary = "The fee payer's session as a signed JWT for the social-security fee collection system "
            + "(identity_kind SOCIAL_SECURITY, group FEE_PAYER; short-lived: ask again before expiresAt)")
    public IssuedAssertion assertion() {
        AuthenticatedFeePayer payer = sessions.currentFeePayer(request);
        if (payer == null) {
            throw new ForbiddenException("SOCIAL_SECURITY_LOGIN_REQUIRED");
        }
        Assertion a = sso.current(request, payer);
        return new IssuedAssertion(a.token(), "Bearer", a.keyId(), a.expiresAt());
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the fee payer's session")
    public void logout() {
        AuthenticatedFeePayer payer = sessions.currentFeePayer(request);
        if (payer != null) {
            logins.loggedOut(payer, Clients.of(request));
        }
        sessions.logout(request);
    }

    @POST
    @Path("accounts/identify")
    @Operation(summary = "社保费用户注册 / 找回密码, step 1: kind UNIT (payerNumber = credit code) or PERSON (idType + "
            + "payerNumber), the payer's name, slider answer. Answers the flow, the masked phone the code goes to, and "
            + "whether the account exists (then step 2 sets a new password). Error: SOCIAL_SECURITY_PAYER_NOT_FOUND")
    public Identified identify(IdentifyStep step) {
        IdentifyStep s = require(step);
        SocialSecurityAccountService.Identified found = accounts.identify(s.kind(), s.idType(), s.payerNumber(),
                s.name(), s.sliderToken(), s.sliderPosition(), Clients.of(request));
        return new Identified(found.flowToken(), found.phoneMasked(), found.registered());
    }

    @POST
    @Path("accounts/sms-code")
    @Operation(summary = "Send the code to the payer's phone")
    public void sendAccountCode(FlowStep step) {
        accounts.sendCode(require(step).flowToken());
    }

    @POST
    @Path("accounts/complete")
    @Operation(summary = "Step 2: the code, the username (first registration only; RULE-USER), the password twice "
            + "(RULE-PWD); answers the username. Errors: USERNAME_INVALID, PASSWORD_*, SMS_CODE_*, then USERNAME_TAKEN "
            + "(the code is spent: send a new one)")
    public Completed complete(CompleteStep step) {
        CompleteStep s = require(step);
        return new Completed(accounts.complete(s.flowToken(), s.code(), s.username(), s.password(), s.confirmation(),
                Clients.of(request)));
    }

    private FeePayerView loggedIn(AuthenticatedFeePayer payer) {
        sessions.feePayerLogin(request, response, payer);
        return FeePayerView.of(payer);
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return body;
    }
}
