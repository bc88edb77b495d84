package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.account.application.PhoneOwnership;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.account.domain.ProtectedValue;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.IdDocument;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgot password (REG-5: document → SMS code or QR face check → new password, which also lifts a lockout) and
 * retrieve phone (REG-6: document + personal password, never the initial one → new phone proven by SMS).
 */
@Stateless
public class PasswordRecoveryService {

    @EJB
    FlowService flows;

    @EJB
    PersonDirectory directory;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    AddressThrottle throttle;

    @EJB
    SmsCodeService sms;

    @EJB
    QrCheckService qr;

    @EJB
    LoginGuardService guard;

    @EJB
    LoginLogService log;

    @EJB
    PhoneOwnership phones;

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
    @ConfigProperty(name = "identity.password.categories", defaultValue = "3")
    int passwordCategories;

    /** REG-5 step 1: who forgot; returns the flow token and the masked default phone ("" when none). */
    public Recovery startPasswordReset(IdType type, String number, String humanToken, Integer humanAnswer,
                                       ClientContext client) {
        throttle.attempt(client);
        Person person = personFor(type, number, humanToken, humanAnswer);
        FlowService.Started started = flows.start(FlowKind.PASSWORD_RESET, client);
        started.flow().bindPerson(person.id());
        return new Recovery(started.token(), person.defaultPhone().map(PersonPhone::masked).orElse(""),
                Masking.name(person.name()));
    }

    /** The reset code to the default phone; none while the SMS way is closed for the day (RECOVERY_CODE_LOCKED). */
    public void sendResetCode(String flowToken) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PASSWORD_RESET);
        guard.ensureRecoveryOpen(flow.personId());
        PersonPhone phone = directory.get(flow.personId()).defaultPhone()
                .orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        sms.send(flow.tokenDigest(), FlowKind.PASSWORD_RESET, MobileNumber.parse(protector.decrypt(phone.cipher())));
    }

    public String startResetFaceCheck(String flowToken, QrApp app, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PASSWORD_RESET);
        Person person = directory.get(flow.personId());
        return qr.start(flow.tokenDigest(), app, FlowKind.PASSWORD_RESET, person.idDigest(),
                Masking.name(person.name()), client);
    }

    /** State of the reset's latest face check, for the page's poll and REST clients. */
    public QrState resetFaceCheckState(String flowToken) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PASSWORD_RESET);
        return qr.stateOfFlow(flow.tokenDigest());
    }

    /**
     * REG-5 身份验证 by SMS: the code checked at the step that asks for it, so that a wrong one is told there and not
     * after the new password was typed; the right one stays for {@link #resetPassword}, a wrong one counts.
     */
    public void confirmResetCode(String flowToken, String code, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PASSWORD_RESET);
        checkResetCode(flow, directory.get(flow.personId()), code, false, client);
    }

    /**
     * RULE-LOCK: wrong codes count on the recovery counter, or new reset flows would let codes be guessed without
     * end; five close this way (not the account) for the day. {@code spend}: the code is used up when right.
     */
    private void checkResetCode(AuthFlow flow, Person person, String code, boolean spend, ClientContext client) {
        PersonPhone phone = person.defaultPhone().orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        LoginGuardService.Checked<OneTimeSecret.Outcome> checked = guard.checkRecoveryCode(person.id(),
                () -> spend ? sms.check(flow.tokenDigest(), FlowKind.PASSWORD_RESET, phone.digest(), code)
                        : sms.confirmWithin(flow.tokenDigest(), FlowKind.PASSWORD_RESET, phone.digest(), code));
        if (checked.outcome() != OneTimeSecret.Outcome.ACCEPTED) {
            if (checked.outcome() == OneTimeSecret.Outcome.WRONG) {
                log.recordSeparately(person.id(), AuthMethod.SMS_CODE, LoginOutcome.FAILURE, "SMS_CODE_WRONG",
                        client);
            }
            if (checked.outcome() == OneTimeSecret.Outcome.WRONG && checked.left() == 0) {
                guard.ensureRecoveryOpen(person.id()); // the fifth: RECOVERY_CODE_LOCKED with the time
            }
            throw checked.outcome() == OneTimeSecret.Outcome.WRONG
                    ? new AuthenticationFailedException("SMS_CODE_WRONG", checked.left())
                    : SmsCodeService.rejected(checked.outcome());
        }
    }

    /**
     * REG-5 step 2: proven by the SMS code ({@code code} given) or by the confirmed face check (code null). The lock is
     * lifted and every open session of the person ends (ASVS 3.3.3).
     */
    public void resetPassword(String flowToken, String code, String newPassword, String confirmation,
                              ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PASSWORD_RESET);
        Person person = directory.get(flow.personId());
        PasswordPolicy.requireConfirmed(newPassword, confirmation);
        new PasswordPolicy(passwordCategories).check(newPassword, protector.decrypt(person.idCipher()),
                person.username());
        if (code != null && !code.isBlank()) {
            checkResetCode(flow, person, code, true, client);
        } else {
            qr.consumeConfirmed(flow.tokenDigest());
            person.passFaceCheck();
        }
        person.changePassword(hasher.hash(newPassword));
        guard.reset(person.id());
        flow.complete();
        audit.record(person.id(), "PASSWORD_RESET", "person:" + person.id(), "forgot password; lockout lifted",
                client);
        sessionsEnded.fire(SessionsEnded.ofPerson(person.id(), clock.now())); // whoever held one loses it
    }

    /** REG-6 step 1: document + personal password. The initial password is refused once it was typed. */
    public Recovery startPhoneRetrieval(IdType type, String number, String password, String humanToken,
                                        Integer humanAnswer, ClientContext client) {
        throttle.attempt(client);
        Person person = personFor(type, number, humanToken, humanAnswer);
        if (person.passwordHash() == null) {
            throw new AuthenticationFailedException("PASSWORD_NOT_SET");
        }
        int left = guard.begin(person.id(), AuthMethod.PASSWORD);
        if (password == null || !hasher.verify(password, person.passwordHash())) {
            log.recordSeparately(person.id(), AuthMethod.PASSWORD, LoginOutcome.FAILURE, "PASSWORD_WRONG", client);
            if (left == 0) {
                // the day's fifth failure locked the account (RULE-LOCK): say so with the unlock time, as the login does
                guard.ensureUnlocked(person.id());
            }
            throw new AuthenticationFailedException("PASSWORD_WRONG", left);
        }
        guard.succeeded(person.id(), AuthMethod.PASSWORD); // the right password, the initial one too: no failure
        if (person.passwordInitial()) {
            // told only to someone who typed it (LOGIN-8): before the check it told anyone the account still has
            // the initial password
            log.recordSeparately(person.id(), AuthMethod.PASSWORD, LoginOutcome.FAILURE,
                    "INITIAL_PASSWORD_NOT_ACCEPTED", client);
            throw new AuthenticationFailedException("INITIAL_PASSWORD_NOT_ACCEPTED");
        }
        FlowService.Started started = flows.start(FlowKind.PHONE_RETRIEVAL, client);
        started.flow().bindPerson(person.id());
        return new Recovery(started.token(), person.defaultPhone().map(PersonPhone::masked).orElse(""),
                Masking.name(person.name()));
    }

    public void sendRetrievalCode(String flowToken, String rawPhone, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PHONE_RETRIEVAL);
        sms.sendToTypedNumber(flow.tokenDigest(), FlowKind.PHONE_RETRIEVAL, MobileNumber.parse(rawPhone), client);
    }

    /** REG-6 step 2: the new phone becomes the default one (taking it from anyone else who holds it). */
    public void retrievePhone(String flowToken, String rawPhone, String code, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.PHONE_RETRIEVAL);
        Person person = directory.get(flow.personId());
        MobileNumber phone = MobileNumber.parse(rawPhone);
        OneTimeSecret.Outcome outcome = sms.verify(flow.tokenDigest(), FlowKind.PHONE_RETRIEVAL,
                sms.phoneDigest(phone), code);
        if (outcome != OneTimeSecret.Outcome.ACCEPTED) {
            throw SmsCodeService.rejected(outcome);
        }
        ProtectedValue value = phones.release(phone, person.id(), client);
        var existing = person.findPhone(value.digest());
        if (existing.isPresent()) {
            person.makeDefault(existing.get().id());
        } else if (person.defaultPhone().isPresent()) {
            person.replacePhone(person.defaultPhone().get().id(), value, clock.now());
        } else {
            person.addPhone(value, clock.now());
        }
        flow.complete();
        audit.record(person.id(), "PHONE_RETRIEVED", "person:" + person.id(), phone.masked(), client);
    }

    private Person personFor(IdType type, String number, String humanToken, Integer humanAnswer) {
        if (!humanCheck.verify(humanToken, humanAnswer)) {
            throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
        }
        return directory.byDocument(IdDocument.of(type, number)).filter(Person::active)
                .orElseThrow(() -> new AuthenticationFailedException("USER_NOT_REGISTERED"));
    }

    /** A recovery started: the flow token, the masked default phone and the masked name. */
    public record Recovery(String flowToken, String phoneMasked, String nameMasked) implements java.io.Serializable {
    }
}
