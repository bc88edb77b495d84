package cn.etax.identity.taxpayer.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.registration.application.AccountMigrated;
import cn.etax.identity.registration.application.AccountMigrationService;
import cn.etax.identity.registration.application.ExistingAccount;
import cn.etax.identity.registration.application.RealNameCollected;
import cn.etax.identity.registration.application.RealNameCollection;
import cn.etax.identity.registration.application.RealNameCollectionService;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.SharedSecret;
import cn.etax.identity.socialsecurity.application.FeePayerMessage;
import cn.etax.identity.socialsecurity.application.FeePayerRegistry;
import cn.etax.identity.transition.application.LegacyPasswordMessage;
import cn.etax.identity.transition.application.TransitionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Inbound synchronisation from the core tax system (API-3, REG-8). Checks the shared secret, applies each message
 * in a transaction of its own ({@link TaxpayerRegistrar}) and, when a concurrent copy of the same message won the
 * race, answers what that copy recorded: a repeated message changes nothing and gets the first answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaxpayerSyncService {

    @EJB
    TaxpayerRegistrar registrar;

    @EJB
    AuditService audit;

    @EJB
    FeePayerRegistry feePayers;

    @EJB
    TransitionService transition;

    @EJB
    RealNameCollectionService collections;

    @EJB
    AccountMigrationService migrations;

    @Inject
    @ConfigProperty(name = "identity.sync.token")
    Optional<String> configuredToken;

    public SyncAnswer register(String presentedToken, TaxpayerRegistration message, ClientContext client) {
        authenticate(presentedToken, client);
        if (message == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return once(message.messageId(), () -> registrar.register(message, client));
    }

    public SyncAnswer changeKeyPersonnel(String presentedToken, KeyPersonnelChange message, ClientContext client) {
        authenticate(presentedToken, client);
        if (message == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return once(message.messageId(), () -> registrar.changeKeyPersonnel(message, client));
    }

    /** ENT-8 "同步代理机构信息": an agency agreement filed with the tax office, for the client to recognise. */
    public SyncAnswer agencyAgreement(String presentedToken, AgencyAgreement message, ClientContext client) {
        authenticate(presentedToken, client);
        if (message == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return once(message.messageId(), () -> registrar.recordAgencyAgreement(message, client));
    }

    /** LOGIN-4: a cross-region tax matter or tax-source registration, new or changed. */
    public SyncAnswer crossRegionSubject(String presentedToken, CrossRegionSubjectMessage message,
                                         ClientContext client) {
        authenticate(presentedToken, client);
        if (message == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return once(message.messageId(), () -> registrar.recordCrossRegionSubject(message, client));
    }

    /**
     * API-3 实名采集: a person's identity collected at a tax office of the core tax system; a later collection of the
     * same document replaces it, the same one again changes nothing, an older one is STALE.
     */
    public RealNameCollected realNameCollection(String presentedToken, RealNameCollection message,
                                                ClientContext client) {
        authenticate(presentedToken, client);
        return collections.record(message, "sync", client);
    }

    /**
     * API-3: a natural-person account of the old electronic tax bureau, brought over with the initial password,
     * unsigned agreements and the old system's level; one already here is left as it is (EXISTS).
     */
    public AccountMigrated existingAccount(String presentedToken, ExistingAccount message, ClientContext client) {
        authenticate(presentedToken, client);
        return migrations.migrate(message, client);
    }

    /** LOGIN-10: a social-security fee payer as the fee collection system registered it; the same message twice is one. */
    public FeePayerRegistry.FeePayerSynced feePayer(String presentedToken, FeePayerMessage message,
                                                    ClientContext client) {
        authenticate(presentedToken, client);
        return feePayers.record(message, client);
    }

    /**
     * LOGIN-11: the old system's enterprise password of a registered taxpayer, for the old entry while the transition
     * lasts; refused once it is over. Answers APPLIED or UNCHANGED.
     */
    public String legacyPassword(String presentedToken, LegacyPasswordMessage message, ClientContext client) {
        authenticate(presentedToken, client);
        if (message == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return transition.record(message.creditCode(), message.digest(), client);
    }

    public TaxpayerGrants grants(String presentedToken, String creditCode, ClientContext client) {
        authenticate(presentedToken, client);
        return registrar.grantsOf(creditCode);
    }

    private SyncAnswer once(String messageId, Supplier<SyncAnswer> apply) {
        try {
            return apply.get();
        } catch (DuplicateMessageException e) {
            // the other copy has committed (PostgreSQL made this one wait for it) or is still running (H2)
            return registrar.answerOf(messageId.strip()).orElseThrow(() -> e);
        }
    }

    /**
     * The core tax system's shared secret, checked before its message is read (API-3): off (404) without a configured
     * secret; otherwise the header must match, compared in constant time ({@code SYNC_TOKEN_INVALID}, audited).
     */
    public void authenticate(String presented, ClientContext client) {
        String expected = configuredToken.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (expected == null) {
            throw new NotFoundException("NOT_FOUND");
        }
        if (!SharedSecret.matches(presented, expected)) {
            audit.recordSeparately(null, "SYNC_REFUSED", "sync", presented == null ? "no token" : "wrong token",
                    client);
            throw new ForbiddenException("SYNC_TOKEN_INVALID");
        }
    }
}
