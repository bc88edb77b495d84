package cn.etax.identity.clerk.rest;

import cn.etax.identity.clerk.application.AuthenticatedClerk;
import cn.etax.identity.clerk.application.ClerkGrantService;
import cn.etax.identity.clerk.application.ClerkLoginService;
import cn.etax.identity.clerk.application.ClerkNonResidentService;
import cn.etax.identity.clerk.application.ClerkPersonService;
import cn.etax.identity.clerk.application.ClerkTaxpayerService;
import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.GrantView;
import cn.etax.identity.grant.application.NewStaff;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.grant.domain.Permission;
import cn.etax.identity.registration.application.RealNameCollected;
import cn.etax.identity.registration.application.RealNameCollection;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.taxpayer.application.CrossRegionSubjectMessage;
import cn.etax.identity.taxpayer.application.NonResidentView;
import cn.etax.identity.taxpayer.application.SyncAnswer;
import cn.etax.identity.taxpayer.application.SyncPerson;
import cn.etax.identity.taxpayer.application.TaxpayerGrants;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.domain.KeyRole;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.web.security.Sessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tax-office staff console over REST (§8): the same EJB methods the console pages call. Everything but the login
 * needs a clerk session ({@code /api/v1/clerk/*} is constrained to the {@code CLERK} role); each duty is checked
 * again by the EJB's {@code @RolesAllowed}.
 */
@ApplicationScoped
@Path("v1/clerk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clerk", description = "Tax-office staff console (§8): registration, key personnel, offline grants, real-name "
        + "collection, unlock")
public class ClerkResource {

    @EJB
    ClerkNonResidentService nonResidents;

    @EJB
    ClerkLoginService logins;

    @EJB
    ClerkTaxpayerService taxpayers;

    @EJB
    ClerkGrantService grants;

    @EJB
    ClerkPersonService persons;

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /** The slider of {@code POST /api/v1/login/slider}, answered as on the person login. */
    public record Credentials(String username, String password, String sliderToken, Integer sliderPosition) {
    }

    public record ClerkView(String username, String name, String taxOfficeCode, String taxOfficeName,
                            Set<ClerkRole> roles) {

        static ClerkView of(AuthenticatedClerk c) {
            return new ClerkView(c.username(), c.name(), c.taxOfficeCode(), c.taxOfficeName(), c.roles());
        }
    }

    public record KeyPersonBody(KeyRole role, String name, IdType idType, String idNumber) {
    }

    /** {@code validUntil} null = long-term (长期). */
    public record OfflineGrantBody(String name, IdType idType, String idNumber, IdentityType identityType,
                                   Set<Permission> permissions, LocalDate validUntil) {
    }

    /** The code step's flow and the clerk's phone, masked. */
    @Schema(name = "ClerkLoginStarted")
    public record LoginStarted(String flowToken, String phoneMasked) {
    }

    @Schema(name = "ClerkLoginFlowStep")
    public record FlowStep(String flowToken) {
    }

    @Schema(name = "ClerkLoginCodeStep")
    public record CodeStep(String flowToken, String code) {
    }

    /**
     * The code step's answer: {@code LOGGED_IN} with the clerk (the session cookie opens the console), or
     * {@code PASSWORD_CHANGE_REQUIRED} with the flow of {@code POST /api/v1/clerk/login/password}.
     */
    @Schema(name = "ClerkLoginAnswer")
    public record LoginAnswer(LoginStatus status, String flowToken, String username, String name, String taxOfficeCode,
                              String taxOfficeName, Set<ClerkRole> roles) {
    }

    /** What the code step opened. */
    @Schema(name = "ClerkLoginStatus")
    public enum LoginStatus { LOGGED_IN, PASSWORD_CHANGE_REQUIRED }

    /** The new password, typed twice, replacing the one the administration set. */
    @Schema(name = "ClerkInitialPassword")
    public record InitialPassword(String flowToken, String newPassword, String confirmation) {
    }

    /** The logged-in clerk's own password change. */
    @Schema(name = "ClerkPasswordChange")
    public record PasswordChange(String oldPassword, String newPassword, String confirmation) {
    }

    @POST
    @Path("login")
    @Operation(summary = "Clerk login, step 1: username, password and the answer to a slider challenge of "
            + "POST /api/v1/login/slider (HUMAN_CHECK_FAILED without it); answers the code step's flow (RULE-2FA)")
    public LoginStarted login(Credentials body) {
        Credentials b = require(body);
        ClerkLoginService.PasswordStep step = logins.login(b.username(), b.password(), b.sliderToken(),
                b.sliderPosition(), Clients.of(request));
        return new LoginStarted(step.flowToken(), step.phoneMasked());
    }

    @POST
    @Path("login/sms-code")
    @Operation(summary = "Clerk login: send the code to the clerk's phone (RULE-SMS)")
    public void sendLoginCode(FlowStep body) {
        logins.sendCode(require(body).flowToken());
    }

    @POST
    @Path("login/sms")
    @Operation(summary = "Clerk login, step 2: the code (RULE-2FA; RULE-LOCK: five wrong passwords or codes a day "
            + "lock until midnight). LOGGED_IN: the session cookie opens the console. PASSWORD_CHANGE_REQUIRED (a new "
            + "or reset account): no session; flowToken is for POST /api/v1/clerk/login/password, then log in again")
    public LoginAnswer loginCode(CodeStep body) {
        CodeStep b = require(body);
        ClerkLoginService.CodeResult result = logins.code(b.flowToken(), b.code(), Clients.of(request));
        if (result.passwordChangeRequired()) {
            return new LoginAnswer(LoginStatus.PASSWORD_CHANGE_REQUIRED, result.passwordChangeFlow(), null, null, null, null,
                    null);
        }
        AuthenticatedClerk clerk = result.clerk();
        sessions.clerkLogin(request, response, clerk);
        return new LoginAnswer(LoginStatus.LOGGED_IN, null, clerk.username(), clerk.name(), clerk.taxOfficeCode(),
                clerk.taxOfficeName(), clerk.roles());
    }

    @POST
    @Path("login/password")
    @Operation(summary = "Clerk login, after the code of an account whose password the administration set (a new "
            + "clerk, a reset): his own password, typed twice (RULE-PWD, not the same one); then he logs in again")
    public void replaceInitialPassword(InitialPassword body) {
        InitialPassword b = require(body);
        logins.replaceInitialPassword(b.flowToken(), b.newPassword(), b.confirmation(), Clients.of(request));
    }

    @POST
    @Path("me/password")
    @Operation(summary = "The logged-in clerk changes his password: the old one (a wrong one counts towards his "
            + "lock, RULE-LOCK) and the new one typed twice (RULE-PWD); his other sessions end")
    public void changePassword(PasswordChange body) {
        PasswordChange b = require(body);
        java.time.Instant changed = duty(ClerkRole.CLERK, () -> logins.changePassword(b.oldPassword(),
                b.newPassword(), b.confirmation(), Clients.of(request)));
        sessions.clerkPasswordChanged(request, changed);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the clerk's session")
    public void logout() {
        AuthenticatedClerk clerk = sessions.currentClerk(request);
        if (clerk != null) {
            logins.loggedOut(clerk, Clients.of(request));
        }
        sessions.logout(request);
    }

    @GET
    @Path("me")
    @Operation(summary = "The logged-in clerk, his tax office and roles")
    public ClerkView me() {
        AuthenticatedClerk clerk = sessions.currentClerk(request);
        if (clerk == null) {
            throw new ForbiddenException("CLERK_LOGIN_REQUIRED");
        }
        return ClerkView.of(clerk);
    }

    @POST
    @Path("taxpayers")
    @Operation(summary = "Register a taxpayer at the counter (REG-8): legal representative bound, finance officer "
            + "offered; messageId and occurredAt are ignored, the tax authority defaults to the clerk's office")
    public TaxpayerGrants register(TaxpayerRegistration body) {
        return duty(ClerkRole.REGISTRATION, () -> taxpayers.register(require(body), Clients.of(request)));
    }

    @GET
    @Path("taxpayers/{creditCode}")
    @Operation(summary = "A taxpayer with its staff and grant history, person data masked")
    public TaxpayerGrants taxpayer(@PathParam("creditCode") String creditCode) {
        return duty(ClerkRole.CLERK, () -> taxpayers.lookUp(creditCode, Clients.of(request)));
    }

    @POST
    @Path("taxpayers/{creditCode}/key-personnel")
    @Operation(summary = "Key-personnel change (主要人员变更): the old binding ends, the new person is bound or offered")
    public TaxpayerGrants changeKeyPerson(@PathParam("creditCode") String creditCode, KeyPersonBody body) {
        KeyPersonBody b = require(body);
        return duty(ClerkRole.REGISTRATION, () -> taxpayers.changeKeyPerson(creditCode, b.role(),
                new SyncPerson(b.name(), b.idType(), b.idNumber()), Clients.of(request)));
    }

    @POST
    @Path("taxpayers/{creditCode}/grants")
    @Operation(summary = "Add a tax officer or invoicer offline (ENT-3): pending until the person confirms, origin "
            + "TAX_OFFICE, not withdrawable online")
    public GrantView addGrant(@PathParam("creditCode") String creditCode, OfflineGrantBody body) {
        OfflineGrantBody b = require(body);
        return duty(ClerkRole.GRANTS, () -> grants.add(creditCode, new NewStaff(b.name(), b.idType(), b.idNumber(), b.identityType(),
                b.permissions(), b.validUntil()), Clients.of(request)));
    }

    @DELETE
    @Path("taxpayers/{creditCode}/grants/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End a staff relationship offline (pending: withdrawn; active, frozen, expired: deleted)")
    public GrantView removeGrant(@PathParam("creditCode") String creditCode, @PathParam("id") long id) {
        return duty(ClerkRole.GRANTS, () -> grants.remove(creditCode, id, Clients.of(request)));
    }

    /** LOGIN-5: why a non-resident enterprise application is rejected (the applicant reads it). */
    public record Rejection(String reason) {
    }

    @GET
    @Path("non-resident-applications")
    @Operation(summary = "LOGIN-5 非居民企业身份信息审核: the applications waiting for review, applicant masked")
    public List<NonResidentView> nonResidentApplications() {
        return duty(ClerkRole.REGISTRATION, () -> nonResidents.submitted());
    }

    @POST
    @Path("non-resident-applications/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "LOGIN-5: approve — the enterprise is registered as a non-resident taxpayer of the clerk's "
            + "office, the applicant its responsible person, and its identity code issued")
    public NonResidentView approveNonResident(@PathParam("id") long id) {
        return duty(ClerkRole.REGISTRATION, () -> nonResidents.approve(id, Clients.of(request)));
    }

    @POST
    @Path("non-resident-applications/{id}/reject")
    @Operation(summary = "LOGIN-5: reject with the reason the applicant reads")
    public NonResidentView rejectNonResident(@PathParam("id") long id, Rejection body) {
        Rejection b = require(body);
        return duty(ClerkRole.REGISTRATION, () -> nonResidents.reject(id, b.reason(), Clients.of(request)));
    }

    /** §8 跨区域涉税事项报验 at the counter: the report form's matter, place and handler (the office is the clerk's). */
    public record CrossRegionBody(CrossRegionKind kind, String number, String province, String city, String district,
                                  String handlerName, String handlerPhone, LocalDate validFrom, LocalDate validUntil,
                                  Boolean closed) {
    }

    @POST
    @Path("taxpayers/{creditCode}/cross-region-subjects")
    @Operation(summary = "§8, LOGIN-4 跨区域涉税事项报验 at the counter: kind INSPECTION or TAX_SOURCE, number, province, "
            + "city, district, handler (经办人) name and phone, validFrom (default today), validUntil, closed (核销); the "
            + "competent tax authority is the clerk's office; a later registration of the same number replaces it")
    public SyncAnswer registerCrossRegion(@PathParam("creditCode") String creditCode, CrossRegionBody body) {
        CrossRegionBody b = require(body);
        return duty(ClerkRole.REGISTRATION, () -> taxpayers.registerCrossRegion(creditCode,
                new CrossRegionSubjectMessage(null, b.kind(), b.number(), creditCode, b.province(), b.city(),
                        b.district(), null, b.handlerName(), b.handlerPhone(), b.validFrom(), b.validUntil(),
                        b.closed()), Clients.of(request)));
    }

    /** §8 实名采集 at the counter: the person's document as the clerk saw it (the office and time are the clerk's). */
    public record CollectionBody(String name, IdType idType, String idNumber, String nationality, String phone) {
    }

    @POST
    @Path("real-name-collections")
    @Operation(summary = "§8 实名采集: the document seen at the counter (any type, the four offline-only ones included; "
            + "nationality unless implied; phone optional) lets its holder register online, without a face check "
            + "when registering with the collected phone; a later collection of the same document replaces it")
    public RealNameCollected collect(CollectionBody body) {
        CollectionBody b = require(body);
        return duty(ClerkRole.REGISTRATION, () -> persons.collect(new RealNameCollection(b.name(), b.idType(),
                b.idNumber(), b.nationality(), b.phone(), null, null), Clients.of(request)));
    }

    /** §8 人工解锁: the person whose document the clerk checked. */
    public record UnlockBody(String name, IdType idType, String idNumber) {
    }

    @POST
    @Path("unlocks")
    @Operation(summary = "§8 人工解锁 (RULE-LOCK): the account of the document checked at the counter, name and number "
            + "matching, may log in again at once; answers whether it was locked")
    public ClerkPersonService.PersonUnlocked unlock(UnlockBody body) {
        UnlockBody b = require(body);
        return duty(ClerkRole.REGISTRATION, () -> persons.unlock(b.name(), b.idType(), b.idNumber(),
                Clients.of(request)));
    }

    private <T> T duty(String role, Supplier<T> call) {
        return ClerkDuty.call(request, role, call);
    }

    private static <T> T require(T body) {
        return ClerkDuty.require(body);
    }
}
