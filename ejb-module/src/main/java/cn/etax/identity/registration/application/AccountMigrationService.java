package cn.etax.identity.registration.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.account.domain.UsernamePolicy;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.UniqueViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API-3: brings the natural-person accounts of the old electronic tax bureau over (RULE-PWD, RULE-RN, RULE-AGREE).
 * A migrated account is at the level the old system reached (3 unless it verified the face), has not signed this
 * platform's agreements, and has the initial password — the last six characters of its ID number — which its first
 * login must replace. Its phones come along unless someone here has proven one of them by SMS (that person keeps
 * it: a migration proves nothing). An account whose document is already here is left as it is, so sending the
 * same account again changes nothing. Grants waiting for the document are attached as at a registration.
 */
@Stateless
public class AccountMigrationService {

    /** More numbers than a person keeps here (RULE-PHONE) are a sender's error. */
    static final int MAX_PHONES = 5;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    PhoneOwnership phones;

    @EJB
    LoginGuardService guards;

    @EJB
    AuditService audit;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    Event<PersonRegistered> registered;

    public AccountMigrated migrate(ExistingAccount a, ClientContext client) {
        if (a == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        String name = RequiredText.of(a.name(), 100, "NAME_REQUIRED");
        if (a.idType() == null) {
            throw new InvalidInputException("ID_TYPE_REQUIRED");
        }
        IdDocument document = IdDocument.of(a.idType(), a.idNumber());
        String nationality = a.idType().nationality(a.nationality());
        int level = a.realNameLevel() == null ? 3 : a.realNameLevel();
        if (level != 3 && level != 4) {
            throw new InvalidInputException("MIGRATED_LEVEL_INVALID");
        }
        Map<String, MobileNumber> numbers = new LinkedHashMap<>();
        for (String raw : a.phones() == null ? List.<String>of() : a.phones()) {
            MobileNumber number = MobileNumber.parse(raw);
            numbers.putIfAbsent(number.value(), number);
        }
        if (numbers.size() > MAX_PHONES) {
            throw new InvalidInputException("MIGRATED_PHONES_TOO_MANY", MAX_PHONES);
        }
        String username = a.username() == null || a.username().isBlank() ? null
                : UsernamePolicy.check(a.username().strip());

        // registered with it (deregistered included: registering again revives that record), or holding it as an
        // added document (PER-7): no second account for one document
        Person existing = directory.byDocument(document).or(() -> directory.documentHolder(document)).orElse(null);
        if (existing != null) {
            audit.record(null, "ACCOUNT_MIGRATION_SKIPPED", "person:" + existing.id(),
                    document.type() + " " + document.masked() + " already here", client);
            return new AccountMigrated("EXISTS", Masking.name(existing.name()), document.masked(),
                    existing.realNameLevel(), List.of(), "NONE");
        }
        ProtectedValue id = protector.protect("id", document.digestInput(), document.number(), v -> document.masked());
        Person p = Person.migrated(name, document.type(), id, document.gender(), nationality, document.birthDate(),
                hasher.hash(document.initialPassword()), clock.now());
        if (level == 4) {
            p.passFaceCheck();
        }
        String usernameOutcome = "NONE";
        if (username != null) {
            if (directory.usernameTaken(username, null)) {
                usernameOutcome = "TAKEN";
            } else {
                p.chooseUsername(username);
                usernameOutcome = "SET";
            }
        }
        if (a.email() != null && !a.email().isBlank()) {
            p.changeEmail(a.email());
        }
        em.persist(p);
        flush();
        registered.fire(new PersonRegistered(p.id(), p.idDigest()));
        List<AccountMigrated.PhoneOutcome> phoneOutcomes = new ArrayList<>();
        for (MobileNumber number : numbers.values()) {
            boolean held = directory.byPhone(number).isPresent();
            if (!held) {
                p.addPhone(phones.protect(number), clock.now());
            }
            phoneOutcomes.add(new AccountMigrated.PhoneOutcome(number.masked(), held ? "HELD_BY_ANOTHER" : "ADDED"));
        }
        flush();
        guards.create(p.id());
        audit.record(null, "ACCOUNT_MIGRATED", "person:" + p.id(), document.type() + " " + document.masked()
                + ", level " + level + ", phones " + phoneOutcomes.stream().filter(o -> o.outcome().equals("ADDED"))
                .count() + " of " + phoneOutcomes.size() + ", username " + usernameOutcome, client);
        return new AccountMigrated("MIGRATED", Masking.name(name), document.masked(), p.realNameLevel(),
                phoneOutcomes, usernameOutcome);
    }

    /** The same account, username or phone written by a racing message or registration: a conflict to resend. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.in(e)) {
                throw new ConflictException("CONCURRENT_CHANGE");
            }
            throw e;
        }
    }
}
