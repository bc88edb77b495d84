package cn.etax.identity.account.application;

import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonDocument;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.LoginGuardService;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.authentication.domain.LoginRecord;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The personal account center (PER-1, PER-6, PER-7, PER-8, ENT-6, REG-7): masked profile with recorded reveals,
 * password change by old password, SMS code or face, phones (each change proven by SMS on the current and the new
 * number), username, email, address, the real-name level, ID documents, the login log and deregistration. The person
 * is always the caller; nothing here takes a person id from outside, and a deregistered caller (a session still
 * open elsewhere) is refused every call.
 */
@Stateless
@DeclareRoles({Caller.PERSON, Caller.ACCOUNT_CENTER, Caller.PERSONAL_BUSINESS})
@RolesAllowed(Caller.PERSON)
public class AccountService {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    PersonDirectory directory;

    @EJB
    FlowService flows;

    @EJB
    SmsCodeService sms;

    @EJB
    QrCheckService qr;

    @EJB
    PhoneOwnership phones;

    @EJB
    LoginGuardService guard;

    @EJB
    LoginLogService loginLog;

    @EJB
    AuditService audit;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PasswordHasher hasher;

    @Inject
    BusinessClock clock;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    @Inject
    EndedAccounts ended;

    @Inject
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /** RULE-RN: the caller's real-name level as it stands (a risky operation's face check may have raised it). */
    /** The session's own level, in any session of the person (its header and assertions follow it). */
    public int realNameLevel() {
        return directory.get(Caller.personId(context)).realNameLevel();
    }

    public ProfileView profile() {
        Person p = me();
        var nextChange = p.usernameChangedAt() == null ? null
                : p.usernameChangedAt().atZone(clock.zone()).plusYears(1).toLocalDate();
        return new ProfileView(p.id(), Masking.name(p.name()), p.idType(), p.idMasked(), p.gender(), p.nationality(),
                Masking.birthDate(p.birthDate()), p.username(), Masking.email(p.email()), Masking.address(p.address()),
                p.realNameLevel(), p.completeness(),
                p.phones().stream().map(ph -> new ProfileView.PhoneView(ph.id(), ph.masked(), ph.isDefault())).toList(),
                nextChange == null || !clock.today().isBefore(nextChange), nextChange);
    }

    /** The "eye": one field in clear, and a record that it was shown. */
    public String reveal(RevealableField field, Long phoneId, ClientContext client) {
        if (field == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        if (field == RevealableField.PHONE && phoneId == null) {
            throw new InvalidInputException("PHONE_ID_REQUIRED"); // which of his phones: the request names none
        }
        Person p = me();
        String value = switch (field) {
            case NAME -> p.name();
            case ID_NUMBER -> protector.decrypt(p.idCipher());
            case PHONE -> protector.decrypt(p.phone(phoneId).cipher());
            case EMAIL -> p.email() == null ? "" : p.email();
            case ADDRESS -> p.address() == null ? "" : p.address();
        };
        Reveals.record(audit, p.id(), "person:" + p.id(), field.name(), client);
        return value;
    }

    // ---- flows for changes proven by SMS or face

    /** Starts a change that will be proven by SMS codes or a face check; returns its flow token. */
    public String beginChange(ClientContext client) {
        FlowService.Started started = flows.start(FlowKind.ACCOUNT_CHANGE, client);
        started.flow().bindPerson(me().id());
        return started.token();
    }

    /** Code to one of the caller's own phones (the default one when {@code phoneId} is null). */
    public String sendCodeToOwnPhone(String flowToken, Long phoneId) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        guard.ensureUnlocked(p.id()); // RULE-LOCK: no code that could not be used today
        PersonPhone phone = phoneId == null ? p.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"))
                : p.phone(phoneId);
        sms.send(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE, MobileNumber.parse(protector.decrypt(phone.cipher())));
        return phone.masked();
    }

    /**
     * REG-7: the code that proves 用户注销, to the default phone; its text names the deregistration, and only such a code
     * deregisters (a code asked for another change does not).
     */
    public String sendDeregistrationCode(String flowToken) {
        Person p = personal();
        AuthFlow flow = myFlow(flowToken, p);
        guard.ensureUnlocked(p.id());
        PersonPhone phone = p.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        sms.send(flow.tokenDigest(), FlowKind.DEREGISTRATION, MobileNumber.parse(protector.decrypt(phone.cipher())));
        return phone.masked();
    }

    /**
     * The code to one of the caller's own phones (the default one when {@code phoneId} is null), checked at the step
     * before the new number is asked for, so a wrong one is told at once; it counts as a wrong code at the final step
     * does (RULE-LOCK), and the right one stays for that step.
     */
    public void confirmOwnPhoneCode(String flowToken, Long phoneId, String code) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        PersonPhone phone = phoneId == null ? p.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"))
                : p.phone(phoneId);
        confirmCode(flow, phone.digest(), code);
    }

    /** Code to a number the caller wants to add or switch to. */
    public void sendCodeToNewPhone(String flowToken, String rawPhone, ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        guard.ensureUnlocked(p.id());
        MobileNumber phone = MobileNumber.parse(rawPhone);
        if (p.findPhone(sms.phoneDigest(phone)).isPresent()) {
            throw new ConflictException("PHONE_ALREADY_YOURS");
        }
        sms.sendToTypedNumber(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE, phone, client);
    }

    public String startFaceCheck(String flowToken, QrApp app, ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        return qr.start(flow.tokenDigest(), app, FlowKind.ACCOUNT_CHANGE, p.idDigest(), Masking.name(p.name()), client);
    }

    /**
     * REG-7: the face check that proves 用户注销; the app shows the person that it deregisters, and only such a check
     * deregisters (one started for another change does not, nor does this one prove another change).
     */
    public String startDeregistrationFaceCheck(String flowToken, QrApp app, ClientContext client) {
        Person p = personal();
        AuthFlow flow = myFlow(flowToken, p);
        return qr.start(flow.tokenDigest(), app, FlowKind.DEREGISTRATION, p.idDigest(), Masking.name(p.name()),
                client);
    }

    /** State of the flow's latest face check, for the page's poll; only the flow's owner may ask. */
    public QrState faceCheckState(String flowToken) {
        return qr.stateOfFlow(myFlow(flowToken, me()).tokenDigest());
    }

    // ---- password: each way answers the moment of the change (see setPassword)

    public Instant changePasswordWithOld(String oldPassword, String newPassword, String confirmation,
                                         ClientContext client) {
        Person p = me();
        checkNewPassword(p, newPassword, confirmation);
        // asked for, or refused when malformed, not counted
        RequiredText.secret(oldPassword, RequiredText.CREDENTIAL_MAX, "OLD_PASSWORD_REQUIRED");
        // RULE-LOCK: the old password is a password attempt like the login's, or a session's holder could guess it
        int left = guard.begin(p.id(), AuthMethod.PASSWORD);
        if (!hasher.verify(oldPassword, p.passwordHash())) {
            loginLog.recordSeparately(p.id(), AuthMethod.PASSWORD, left == 0 ? LoginOutcome.LOCKED
                    : LoginOutcome.FAILURE, "OLD_PASSWORD_WRONG", client);
            if (left == 0) {
                try {
                    guard.ensureUnlocked(p.id()); // ACCOUNT_LOCKED with the unlock time
                } catch (AccountLockedException locked) {
                    // the day's fifth failure locked the account: the session that guessed ends with all the others.
                    // Not when a right old password in another session cleared the count meanwhile: nothing is locked
                    ended.locked(SessionsEnded.ofPerson(p.id(), clock.now()));
                    throw locked;
                }
            }
            throw new AuthenticationFailedException("OLD_PASSWORD_WRONG", left); // the login page's count too
        }
        guard.succeeded(p.id(), AuthMethod.PASSWORD);
        if (oldPassword.equals(newPassword)) {
            throw new InvalidInputException("PASSWORD_UNCHANGED");
        }
        return setPassword(p, newPassword, "old password", client);
    }

    public Instant changePasswordWithSms(String flowToken, String code, String newPassword, String confirmation,
                                         ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        checkNewPassword(p, newPassword, confirmation);
        PersonPhone phone = p.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        // the code proven first but spent only once the new password is known to differ: retyping the current
        // password must not cost the person a code
        confirmCode(flow, phone.digest(), code);
        requireDifferent(p, newPassword);
        requireCode(flow, phone.digest(), code);
        flow.complete();
        return setPassword(p, newPassword, "SMS code", client);
    }

    public Instant changePasswordWithFace(String flowToken, String newPassword, String confirmation,
                                          ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        checkNewPassword(p, newPassword, confirmation);
        qr.consumeConfirmed(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE);
        requireDifferent(p, newPassword);
        flow.complete();
        p.passFaceCheck();
        return setPassword(p, newPassword, "face check", client);
    }

    // ---- phones (RULE-PHONE)

    public void addPhone(String flowToken, String rawPhone, String newCode, String currentCode,
                         ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        MobileNumber phone = MobileNumber.parse(rawPhone);
        requireBothCodes(flow, sms.phoneDigest(phone), newCode, p.defaultPhone().map(PersonPhone::digest).orElse(null),
                currentCode);
        ProtectedValue value = phones.release(phone, p.id(), client);
        p.addPhone(value, clock.now());
        flow.complete();
        audit.record(p.id(), "PHONE_ADDED", "person:" + p.id(), phone.masked(), client);
    }

    public void modifyPhone(String flowToken, long phoneId, String rawPhone, String currentCode, String newCode,
                            ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        PersonPhone current = p.phone(phoneId);
        MobileNumber phone = MobileNumber.parse(rawPhone);
        requireBothCodes(flow, sms.phoneDigest(phone), newCode, current.digest(), currentCode);
        String before = current.masked();
        ProtectedValue value = phones.release(phone, p.id(), client);
        p.replacePhone(phoneId, value, clock.now());
        flow.complete();
        audit.record(p.id(), "PHONE_MODIFIED", "person:" + p.id(), before + " -> " + phone.masked(), client);
    }

    public void deletePhone(String flowToken, long phoneId, String currentCode, ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        PersonPhone phone = p.phone(phoneId);
        if (phone.isDefault()) {
            throw new ConflictException("PHONE_DEFAULT_NOT_REMOVABLE");
        }
        requireCode(flow, p.defaultPhone().orElseThrow().digest(), currentCode);
        String masked = phone.masked();
        p.removePhone(phoneId);
        flow.complete();
        audit.record(p.id(), "PHONE_DELETED", "person:" + p.id(), masked, client);
    }

    public void makeDefaultPhone(String flowToken, long phoneId, String code, ClientContext client) {
        Person p = me();
        AuthFlow flow = myFlow(flowToken, p);
        PersonPhone phone = p.phone(phoneId);
        requireCode(flow, phone.digest(), code);
        p.makeDefault(phoneId);
        flow.complete();
        audit.record(p.id(), "PHONE_DEFAULT_SET", "person:" + p.id(), phone.masked(), client);
    }

    // ---- real-name level (PER-6)

    /**
     * 【提升等级】 of a level-3 person (taken over from the old system without a face check): the flow's confirmed QR
     * face check in the tax app or the IIT app raises the level to 4 (RULE-RN). Answers the new level.
     */
    public int raiseRealNameLevel(String flowToken, ClientContext client) {
        Person p = me();
        if (p.realNameLevel() >= 4) {
            throw new ConflictException("REAL_NAME_LEVEL_SUFFICIENT");
        }
        AuthFlow flow = myFlow(flowToken, p);
        qr.consumeConfirmed(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE);
        flow.complete();
        int before = p.realNameLevel();
        p.passFaceCheck();
        audit.record(p.id(), "REAL_NAME_LEVEL_RAISED", "person:" + p.id(),
                before + " -> " + p.realNameLevel() + " by face check", client);
        return p.realNameLevel();
    }

    // ---- ID documents (PER-7)

    /** 个人证件管理: the document registered with first, then the added ones in the order they were added. */
    public List<DocumentView> documents() {
        Person p = personal();
        List<DocumentView> all = new ArrayList<>();
        all.add(new DocumentView(null, p.idType(), p.idMasked(), true, null, null));
        addedDocuments(p).forEach(d -> all.add(new DocumentView(d.id(), d.idType(), d.masked(), false,
                d.validFrom(), d.validUntil())));
        return all;
    }

    /**
     * 【下一步】 of 新增证件: the form checked before the QR face check, nothing written. Whether another account holds
     * the document is not told here: only after a face check, so the step is no oracle for other people's numbers
     * (LOGIN-8).
     */
    public void checkDocument(DocumentForm form) {
        checkedDocument(personal(), form);
    }

    /** The form checked again and the document added, proven by the flow's confirmed QR face check. */
    public List<DocumentView> addDocument(String flowToken, DocumentForm form, ClientContext client) {
        Person p = personal();
        AuthFlow flow = myFlow(flowToken, p);
        IdDocument document = checkedDocument(p, form);
        if (heldByOther(document)) {
            // told only after a face check, which this answer uses up: each further try costs another one
            qr.consumeConfirmedSeparately(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE);
            throw new ConflictException("DOCUMENT_HELD_BY_OTHER");
        }
        qr.consumeConfirmed(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE);
        flow.complete();
        p.passFaceCheck(); // RULE-RN: the face check of a risky operation raises level 3 to 4
        ProtectedValue number = new ProtectedValue(directory.documentDigest(document),
                protector.encrypt(document.number()), document.masked());
        em.persist(PersonDocument.added(p.id(), document.type(), number, form.validFrom(), form.validUntil(),
                clock.today(), clock.now()));
        audit.record(p.id(), "DOCUMENT_ADDED", "person:" + p.id(), document.type() + " " + document.masked(),
                client);
        return documents();
    }

    /**
     * The person's own name, an online type with a valid number and validity, a type the account does not hold yet,
     * and not his own document already.
     */
    private IdDocument checkedDocument(Person p, DocumentForm form) {
        if (form == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        if (!p.name().equals(RequiredText.of(form.name(), 100, "NAME_REQUIRED"))) {
            throw new InvalidInputException("DOCUMENT_NAME_MISMATCH");
        }
        PersonDocument.checkAddable(form.idType(), form.validFrom(), form.validUntil(), clock.today());
        IdDocument document = IdDocument.of(form.idType(), form.idNumber());
        String digest = directory.documentDigest(document);
        List<PersonDocument> mine = addedDocuments(p);
        if (digest.equals(p.idDigest()) || mine.stream().anyMatch(d -> d.digest().equals(digest))) {
            throw new ConflictException("DOCUMENT_ALREADY_YOURS");
        }
        if (p.idType() == document.type() || mine.stream().anyMatch(d -> d.idType() == document.type())) {
            throw new ConflictException("DOCUMENT_TYPE_PRESENT");
        }
        return document;
    }

    /** Whether another account holds the document, as the one it registered with or as an added one. */
    private boolean heldByOther(IdDocument document) {
        return directory.byDocument(document).isPresent() || !em.createNamedQuery(PersonDocument.BY_DIGEST,
                PersonDocument.class).setParameter("digest", directory.documentDigest(document)).getResultList()
                .isEmpty();
    }

    private List<PersonDocument> addedDocuments(Person p) {
        return em.createNamedQuery(PersonDocument.OF_PERSON, PersonDocument.class).setParameter("person", p.id())
                .getResultList();
    }

    // ---- deregistration (REG-7)

    /**
     * 用户注销 proven by a code sent to the default phone ({@link #sendCodeToOwnPhone} in a flow of
     * {@link #beginChange}): the login data goes, the real-name data and the relationships stay.
     */
    public void deregisterWithSms(String flowToken, String code, ClientContext client) {
        Person p = personal();
        AuthFlow flow = myFlow(flowToken, p);
        PersonPhone phone = p.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        requireCode(flow, FlowKind.DEREGISTRATION, phone.digest(), code);
        deregister(p, flow, "SMS code", client);
    }

    /** 用户注销 proven by the flow's confirmed QR face check in the tax app or the IIT app. */
    public void deregisterWithFace(String flowToken, ClientContext client) {
        Person p = personal();
        AuthFlow flow = myFlow(flowToken, p);
        qr.consumeConfirmed(flow.tokenDigest(), FlowKind.DEREGISTRATION);
        deregister(p, flow, "face check", client);
    }

    private void deregister(Person p, AuthFlow flow, String how, ClientContext client) {
        flow.complete();
        p.deregister();
        sessionsEnded.fire(SessionsEnded.ofPerson(p.id(), clock.now()));
        audit.record(p.id(), "DEREGISTERED", "person:" + p.id(), "by " + how, client);
    }

    // ---- profile fields

    public void changeUsername(String username, ClientContext client) {
        Person p = me();
        String clean = username == null ? "" : username.strip();
        if (!clean.equals(p.username()) && directory.usernameTaken(clean, p.id())) {
            throw new ConflictException("USERNAME_TAKEN");
        }
        p.changeUsername(clean, clock.now(), clock.zone());
        audit.record(p.id(), "USERNAME_CHANGED", "person:" + p.id(), clean, client);
    }

    public void changeEmail(String email, ClientContext client) {
        Person p = me();
        p.changeEmail(email);
        audit.record(p.id(), "EMAIL_CHANGED", "person:" + p.id(), Masking.email(p.email()), client);
    }

    public void changeAddress(String address, ClientContext client) {
        Person p = me();
        p.changeAddress(address);
        audit.record(p.id(), "ADDRESS_CHANGED", "person:" + p.id(), null, client);
    }

    /** PER-8: the caller's login log from {@code from} (default one month back). */
    public List<LoginRecord> loginLog(LocalDate from) {
        LocalDate since = from == null ? clock.today().minusMonths(1) : from;
        return loginLog.of(me().id(), since, 200);
    }

    // ----

    /** The caller in a session with an account center (LOGIN-4: a special subject's has none). */
    private Person me() {
        Person p = directory.get(Caller.inAccountCenter(context));
        if (!p.active()) {
            throw new ForbiddenException("ACCOUNT_DEREGISTERED");
        }
        return p;
    }

    /**
     * The caller in personal business: PER-7 documents and REG-7 deregistration are the personal account center's,
     * not an enterprise's or an agent's (PERSONAL_BUSINESS_REQUIRED).
     */
    private Person personal() {
        Caller.inPersonalBusiness(context);
        return me();
    }

    private AuthFlow myFlow(String flowToken, Person p) {
        AuthFlow flow = flows.find(flowToken, FlowKind.ACCOUNT_CHANGE);
        if (!p.id().equals(flow.personId())) {
            audit.recordSeparately(p.id(), "FOREIGN_FLOW_REFUSED", "flow", null, null);
            throw new ForbiddenException("FLOW_INVALID");
        }
        return flow;
    }

    /**
     * A code checked and counted in a transaction of the guard's own but not spent, for a later step to spend: a
     * right one does not clear the day's count of wrong codes.
     */
    private void confirmCode(AuthFlow flow, String phoneDigest, String code) {
        refuseUnlessAccepted(flow, guard.confirm(flow.personId(), AuthMethod.SMS_CODE,
                () -> sms.confirmWithin(flow.tokenDigest(), FlowKind.ACCOUNT_CHANGE, phoneDigest, code),
                checked -> checked == OneTimeSecret.Outcome.ACCEPTED));
    }

    /**
     * The codes of a phone change: the new number's first, confirmed and counted but neither spent nor clearing the
     * day's count — a wrong one leaves the current phone's code for the next try, and a right one (the caller's own
     * number) cannot wipe the failures of a current-phone code being guessed; then the current phone's (when there is
     * one), then the new number's spent.
     */
    private void requireBothCodes(AuthFlow flow, String newDigest, String newCode, String currentDigest,
                                  String currentCode) {
        confirmCode(flow, newDigest, newCode);
        if (currentDigest != null) {
            requireCode(flow, currentDigest, currentCode);
        }
        requireCode(flow, newDigest, newCode);
    }

    /** Checked and counted in a transaction of the guard's own, so a step may check two codes one after the other. */
    private void requireCode(AuthFlow flow, String phoneDigest, String code) {
        requireCode(flow, FlowKind.ACCOUNT_CHANGE, phoneDigest, code);
    }

    /** As above, for a code sent for {@code purpose}. */
    private void requireCode(AuthFlow flow, FlowKind purpose, String phoneDigest, String code) {
        refuseUnlessAccepted(flow, guard.check(flow.personId(), AuthMethod.SMS_CODE,
                () -> sms.check(flow.tokenDigest(), purpose, phoneDigest, code),
                checked -> checked == OneTimeSecret.Outcome.ACCEPTED));
    }

    /** A code not accepted: its refusal, or at the day's fifth failure ACCOUNT_LOCKED with the unlock time. */
    private void refuseUnlessAccepted(AuthFlow flow, LoginGuardService.Checked<OneTimeSecret.Outcome> checked) {
        if (checked.outcome() != OneTimeSecret.Outcome.ACCEPTED) {
            if (checked.left() == 0) {
                guard.ensureUnlocked(flow.personId());
            }
            throw SmsCodeService.rejected(checked.outcome());
        }
    }

    private void checkNewPassword(Person p, String newPassword, String confirmation) {
        PasswordPolicy.requireConfirmed(newPassword, confirmation);
        new PasswordPolicy(passwordCategories).check(newPassword, protector.decrypt(p.idCipher()), p.username());
    }

    /**
     * The new password is not the current one. Asked only once the person has proven himself for this change (old
     * password, SMS code, face check): before that, the answer would tell a session's holder what the password is.
     */
    private void requireDifferent(Person p, String newPassword) {
        if (p.passwordHash() != null && hasher.verify(newPassword, p.passwordHash())) {
            throw new InvalidInputException("PASSWORD_UNCHANGED");
        }
    }

    /**
     * The new password; the person's sessions opened until now end once it committed (ASVS 3.3.3). Answers that
     * moment, after which the session he changed it in is to count as opened.
     */
    private Instant setPassword(Person p, String newPassword, String how, ClientContext client) {
        p.changePassword(hasher.hash(newPassword));
        audit.record(p.id(), "PASSWORD_CHANGED", "person:" + p.id(), "by " + how, client);
        Instant now = clock.now();
        sessionsEnded.fire(SessionsEnded.ofPerson(p.id(), now));
        return now;
    }
}
