package cn.etax.identity.registration.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.registration.domain.OfflineCollection;
import cn.etax.identity.registration.infrastructure.IdentityRegistry;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.account.domain.UsernamePolicy;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.UniqueViolation;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Natural-person registration (REG-1..REG-4): identity check → SMS code to the new phone → QR face check →
 * password, phone and optional username saved in one transaction. A failure at any step leaves no account and
 * moves no phone. Ends at real-name level 4.
 */
@Stateless
public class RegistrationService {

    /** RULE-RN: a registration proves phone, identity and live face, so it ends at level 4. */
    public static final int REAL_NAME_LEVEL = 4;

    private static final Logger LOG = Logger.getLogger(RegistrationService.class.getName());

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FlowService flows;

    @EJB
    PersonDirectory directory;

    @EJB
    SmsCodeService sms;

    @EJB
    QrCheckService qr;

    @EJB
    PhoneOwnership phones;

    @EJB
    LoginGuardService guards;

    @EJB
    AuditService audit;

    @EJB
    AddressThrottle throttle;

    @Inject
    IdentityRegistry registry;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    Event<PersonRegistered> registered;

    @Inject
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /**
     * Step 1: agreement, name and document. Refuses an offline-only document without a tax-office collection under
     * this name (REG-3), a name the registry does not confirm, and then a document already registered. Each check is
     * a guess at someone's name for a document, so it counts against the client address's own window
     * ({@code TOO_MANY_ATTEMPTS}, 429) before anything is looked up.
     */
    public IdentityChecked checkIdentity(boolean overseas, boolean agreementAccepted, String name, IdType type,
                                         String number, String nationality, ClientContext client) {
        if (!agreementAccepted) {
            throw new InvalidInputException("AGREEMENT_REQUIRED");
        }
        String cleanName = RequiredText.of(name, 100, "NAME_REQUIRED");
        IdDocument document = IdDocument.of(type, number);
        if (overseas && type.mainlandOnly()) {
            throw new InvalidInputException("OVERSEAS_DOCUMENT_REQUIRED");
        }
        throttle.registration(client);
        String digest = directory.documentDigest(document);
        Optional<OfflineCollection> collection = em.createNamedQuery(OfflineCollection.BY_DOCUMENT,
                OfflineCollection.class).setParameter("digest", digest).getResultStream().findFirst();
        // an offline-only document: "not collected" and "collected under another name" answer alike, so that a
        // number alone does not tell whether a tax office collected its holder (LOGIN-8)
        if (!type.registersOnline() && (collection.isEmpty() || !collection.get().matchesName(cleanName))) {
            throw new InvalidInputException("OFFLINE_COLLECTION_REQUIRED");
        }
        if (collection.isPresent() && !collection.get().matchesName(cleanName)) {
            throw new InvalidInputException("ID_CHECK_FAILED");
        }
        // a document the registry knows is checked there, collected or not: a collection spares the face check of
        // the collected phone (REG-2), never the public-security check (RULE-RN level 3)
        if (type.registersOnline() && registry.check(cleanName, document) != IdentityRegistry.Verdict.MATCH) {
            throw new InvalidInputException("ID_CHECK_FAILED");
        }
        // told only to someone who knows the holder's name as well (LOGIN-8: a number alone learns nothing here)
        if (directory.documentHeld(document)) {
            throw new ConflictException("ALREADY_REGISTERED");
        }
        String resolvedNationality = type.impliedNationality() != null ? type.impliedNationality()
                : collection.map(OfflineCollection::nationality).orElseGet(() -> type.nationality(nationality));

        FlowService.Started started = flows.start(FlowKind.REGISTRATION, client);
        started.flow().identifySubject(cleanName, type, digest, protector.encrypt(document.number()),
                document.masked(), overseas, resolvedNationality);
        return new IdentityChecked(started.token(), Masking.name(cleanName), document.masked(), document.gender(),
                resolvedNationality, document.birthDate(), collection.isPresent());
    }

    /** Step 2a: an SMS code to the phone the registrant will own. */
    public void sendSmsCode(String flowToken, String rawPhone, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        sms.sendToTypedNumber(flow.tokenDigest(), FlowKind.REGISTRATION, MobileNumber.parse(rawPhone), client);
    }

    /** Whether this registration still needs a face check for the given phone (REG-2). */
    public boolean faceCheckRequired(String flowToken, String rawPhone) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        return !collectedWithPhone(flow, rawPhone);
    }

    /** Step 2b: a QR face check of the person named in step 1. */
    public String startFaceCheck(String flowToken, QrApp app, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        return qr.start(flow.tokenDigest(), app, FlowKind.REGISTRATION, flow.subjectDigest(),
                Masking.name(flow.subjectName()), client);
    }

    public QrState faceCheckState(String flowToken) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        return qr.stateOfFlow(flow.tokenDigest());
    }

    /**
     * Step 2 checked before the face check, so a person learns of a weak password, a taken username or a wrong SMS
     * code before scanning (a wrong code counts a guess on it; the right one is consumed only by {@link #complete};
     * without a code, only the rest is checked). Returns whether the face check is needed: not for the phone a tax
     * office collected (REG-2), which is told only once the code proved the phone — otherwise trying numbers would
     * find a collected person's phone.
     */
    public boolean checkDetails(String flowToken, RegistrationForm form) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        checkForm(flow, form);
        if (form.smsCode() == null) {
            // the page always sends the field (empty: SMS_CODE_REQUIRED); a REST client may ask before any code
            return true;
        }
        OneTimeSecret.Outcome outcome = sms.confirm(flow.tokenDigest(), FlowKind.REGISTRATION,
                sms.phoneDigest(MobileNumber.parse(form.phone())), form.smsCode());
        if (outcome != OneTimeSecret.Outcome.ACCEPTED) {
            throw SmsCodeService.rejected(outcome);
        }
        return !collectedWithPhone(flow, form.phone());
    }

    /** Step 3: everything checked again and saved at once. Returns the new person's id. */
    public long complete(String flowToken, RegistrationForm form, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.REGISTRATION);
        String username = checkForm(flow, form);
        String number = protector.decrypt(flow.subjectCipher());
        MobileNumber phone = MobileNumber.parse(form.phone());

        boolean faceNeeded = !collectedWithPhone(flow, form.phone());
        if (faceNeeded) {
            QrState state = qr.stateOfFlow(flow.tokenDigest());
            if (state != QrState.CONFIRMED) {
                throw new AuthenticationFailedException(state == QrState.FAILED ? "FACE_CHECK_FAILED"
                        : "FACE_CHECK_REQUIRED");
            }
        }
        OneTimeSecret.Outcome outcome = sms.verify(flow.tokenDigest(), FlowKind.REGISTRATION,
                sms.phoneDigest(phone), form.smsCode());
        if (outcome != OneTimeSecret.Outcome.ACCEPTED) {
            throw SmsCodeService.rejected(outcome);
        }
        if (faceNeeded) {
            qr.consumeConfirmed(flow.tokenDigest());
        }

        IdDocument document = IdDocument.of(flow.subjectIdType(), number);
        String passwordHash = hasher.hash(form.password());
        // REG-7: a person who deregistered registers "normally" and gets the same record back, relationships included
        Person former = directory.byDocument(document).orElse(null);
        Person person;
        if (former == null) {
            ProtectedValue id = new ProtectedValue(flow.subjectDigest(), flow.subjectCipher(), flow.subjectMasked());
            person = Person.registered(flow.subjectName(), flow.subjectIdType(), id, document.gender(),
                    flow.nationality(), document.birthDate(), flow.overseas(), passwordHash, REAL_NAME_LEVEL,
                    clock.now());
        } else {
            person = former;
            person.reregister(flow.subjectName(), flow.overseas(), flow.nationality(), passwordHash, REAL_NAME_LEVEL,
                    clock.now());
        }
        if (username != null) {
            person.chooseUsername(username);
        }
        if (former == null) {
            em.persist(person);
            flushRacing();
        }
        registered.fire(new PersonRegistered(person.id(), person.idDigest()));
        ProtectedValue phoneValue = phones.release(phone, person.id(), client);
        person.addPhone(phoneValue, clock.now());
        flushRacing();
        if (former == null) {
            guards.create(person.id());
        } else {
            guards.reset(person.id());
        }
        flow.bindPerson(person.id());
        flow.complete();
        audit.record(person.id(), "REGISTERED", "person:" + person.id(),
                (faceNeeded ? "face check passed" : "offline collection with the same phone") + ", level 4"
                        + (former == null ? "" : ", registered again after deregistration (REG-7)"), client);
        LOG.info(() -> "registered person " + person.id() + " (" + document + ")");
        return person.id();
    }

    /**
     * Writes now, so that a registration racing this one for the same document, username or phone (each checked
     * free above, both then inserting) is answered as the checks would have answered it, not as a system error;
     * the whole registration rolls back, the code and face check included.
     */
    private void flushRacing() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uk_person_id_digest")) {
                throw new ConflictException("ALREADY_REGISTERED");
            }
            if (UniqueViolation.of(e, "uk_person_username")) {
                throw new ConflictException("USERNAME_TAKEN");
            }
            if (UniqueViolation.in(e)) {
                throw new ConflictException("CONCURRENT_CHANGE");
            }
            throw e;
        }
    }

    /** Password, username and phone of step 2, and the document still free; returns the username or null. */
    private String checkForm(AuthFlow flow, RegistrationForm form) {
        if (form == null || form.password() == null || form.password().isEmpty()) {
            throw new InvalidInputException("PASSWORD_REQUIRED");
        }
        if (!form.password().equals(form.passwordConfirmation())) {
            throw new InvalidInputException("PASSWORD_CONFIRMATION_MISMATCH");
        }
        String username = form.username() == null || form.username().isBlank() ? null : form.username().strip();
        if (username != null) {
            UsernamePolicy.check(username);
            if (directory.usernameTaken(username, null)) {
                throw new ConflictException("USERNAME_TAKEN");
            }
        }
        String number = protector.decrypt(flow.subjectCipher());
        new PasswordPolicy(passwordCategories).check(form.password(), number, username);
        MobileNumber.parse(form.phone());
        if (directory.documentHeld(IdDocument.of(flow.subjectIdType(), number))) {
            throw new ConflictException("ALREADY_REGISTERED");
        }
        return username;
    }

    private boolean collectedWithPhone(AuthFlow flow, String rawPhone) {
        if (rawPhone == null || !MobileNumber.looksLikeMobile(rawPhone)) {
            return false;
        }
        String phoneDigest = sms.phoneDigest(MobileNumber.parse(rawPhone));
        return em.createNamedQuery(OfflineCollection.BY_DOCUMENT, OfflineCollection.class)
                .setParameter("digest", flow.subjectDigest()).getResultStream()
                .anyMatch(c -> c.collectedPhone(phoneDigest));
    }

}
