package cn.etax.identity.taxpayer.rest;

import cn.etax.identity.registration.application.AccountMigrated;
import cn.etax.identity.registration.application.ExistingAccount;
import cn.etax.identity.registration.application.RealNameCollected;
import cn.etax.identity.registration.application.RealNameCollection;
import cn.etax.identity.socialsecurity.application.FeePayerMessage;
import cn.etax.identity.socialsecurity.application.FeePayerRegistry;
import cn.etax.identity.taxpayer.application.AgencyAgreement;
import cn.etax.identity.taxpayer.application.CrossRegionSubjectMessage;
import cn.etax.identity.taxpayer.application.KeyPersonnelChange;
import cn.etax.identity.taxpayer.application.SyncAnswer;
import cn.etax.identity.taxpayer.application.TaxpayerGrants;
import cn.etax.identity.taxpayer.application.TaxpayerRegistration;
import cn.etax.identity.taxpayer.application.TaxpayerSyncService;
import cn.etax.identity.transition.application.LegacyPasswordMessage;
import cn.etax.identity.web.rest.Clients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API-3: the core tax system pushes taxpayer registrations and key-personnel changes here. Every call carries the
 * shared secret in {@code X-Sync-Token}; without {@code identity.sync.token} configured the endpoints answer 404.
 * Messages are idempotent by {@code messageId}: a copy gets the first answer and changes nothing.
 */
@ApplicationScoped
@Path("v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sync", description = "Inbound synchronisation from the core tax system (API-3, REG-8)")
public class TaxpayerSyncResource {

    static final String TOKEN_HEADER = "X-Sync-Token";

    @EJB
    TaxpayerSyncService sync;

    @Context
    HttpServletRequest request;

    @POST
    @Path("taxpayer-registrations")
    @Operation(summary = "A taxpayer registered in the core tax system: binds the legal representative, offers the "
            + "finance officer his role (REG-8)")
    public SyncAnswer register(@HeaderParam(TOKEN_HEADER) String token, TaxpayerRegistration message) {
        return sync.register(token, message, Clients.of(request));
    }

    @POST
    @Path("key-personnel-changes")
    @Operation(summary = "A key person replaced (主要人员变更): ends the old grant, binds or offers the new one; older "
            + "changes than the one applied are stale")
    public SyncAnswer changeKeyPersonnel(@HeaderParam(TOKEN_HEADER) String token, KeyPersonnelChange message) {
        return sync.changeKeyPersonnel(token, message, Clients.of(request));
    }

    @POST
    @Path("agency-agreements")
    @Operation(summary = "ENT-8 同步代理机构信息: an agency agreement filed with the tax office (agencyCreditCode, "
            + "clientCreditCode, scope, validFrom, validUntil) becomes a mandate waiting for the client's recognition; "
            + "UNCHANGED while the pair has a pending or recognised one")
    public SyncAnswer agencyAgreement(@HeaderParam(TOKEN_HEADER) String token, AgencyAgreement message) {
        return sync.agencyAgreement(token, message, Clients.of(request));
    }

    @POST
    @Path("cross-region-subjects")
    @Operation(summary = "LOGIN-4 特定主体: a cross-region tax matter (kind INSPECTION, 跨区域涉税事项报验管理编号) or "
            + "tax-source registration (TAX_SOURCE) of a registered taxpayer — number, creditCode, province, city, "
            + "district, taxAuthority, handlerName, handlerPhone (经办人), validFrom, validUntil, closed (核销); a "
            + "later message about the same number replaces it")
    public SyncAnswer crossRegionSubject(@HeaderParam(TOKEN_HEADER) String token,
                                         CrossRegionSubjectMessage message) {
        return sync.crossRegionSubject(token, message, Clients.of(request));
    }

    @POST
    @Path("real-name-collections")
    @Operation(summary = "API-3 实名采集: a person's identity collected at a tax office — name, idType (the four "
            + "offline-only types included), idNumber, nationality (ISO alpha-3 unless implied by the type), phone "
            + "(optional: registering with it needs no face check), taxOffice, collectedAt; lets the offline-only "
            + "types register online. APPLIED, UNCHANGED (the same again) or STALE (older than the one on record)")
    public RealNameCollected realNameCollection(@HeaderParam(TOKEN_HEADER) String token,
                                                RealNameCollection message) {
        return sync.realNameCollection(token, message, Clients.of(request));
    }

    @POST
    @Path("existing-accounts")
    @Operation(summary = "API-3 存量用户迁移: a natural-person account of the old electronic tax bureau — name, idType, "
            + "idNumber, nationality (ISO alpha-3 unless implied by the type), phones (the first the default), "
            + "username, email, realNameLevel (3 or 4; 3 when left out). It logs in with the initial password (the "
            + "last six characters of the ID number), then signs the agreements and sets its own password. Answers "
            + "MIGRATED, or EXISTS when the document is already here (nothing changed); each phone ADDED or "
            + "HELD_BY_ANOTHER, the username SET, TAKEN or NONE")
    public AccountMigrated existingAccount(@HeaderParam(TOKEN_HEADER) String token, ExistingAccount message) {
        return sync.existingAccount(token, message, Clients.of(request));
    }

    @POST
    @Path("social-security-payers")
    @Operation(summary = "LOGIN-10 社保费: a social-security fee payer from the fee collection system — kind UNIT "
            + "(payerNumber = credit code) or PERSON (idType + payerNumber), name, phone (receives its codes), "
            + "purePayer (纯社保户, units only), active (false: registration closed); answers APPLIED or UNCHANGED")
    public FeePayerRegistry.FeePayerSynced feePayer(@HeaderParam(TOKEN_HEADER) String token,
                                                    FeePayerMessage message) {
        return sync.feePayer(token, message, Clients.of(request));
    }

    /** LOGIN-11: what the sync answers for an old enterprise password. */
    public record LegacyPasswordAnswer(String creditCode, String outcome) {
    }

    @POST
    @Path("legacy-enterprise-passwords")
    @Operation(summary = "LOGIN-11 双轨运行: a registered taxpayer's old shared enterprise password for the old entry, as "
            + "the old system kept it — digest sm3:<Base64 salt>:<hex SM3(salt ‖ UTF-8 password)> or an Argon2 "
            + "string, never the password; APPLIED or UNCHANGED (an enterprise that stopped the old entry stays "
            + "stopped). Refused once the transition is over (LEGACY_ENTRY_CLOSED)")
    public LegacyPasswordAnswer legacyPassword(@HeaderParam(TOKEN_HEADER) String token,
                                               LegacyPasswordMessage message) {
        String outcome = sync.legacyPassword(token, message, Clients.of(request));
        return new LegacyPasswordAnswer(message.creditCode(), outcome);
    }

    @GET
    @Path("taxpayers/{creditCode}/grants")
    @Operation(summary = "A taxpayer and its grants with their history; person data masked")
    public TaxpayerGrants grants(@HeaderParam(TOKEN_HEADER) String token, @PathParam("creditCode") String creditCode) {
        return sync.grants(token, creditCode, Clients.of(request));
    }
}
