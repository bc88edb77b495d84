package cn.etax.identity.authentication.application;

import cn.etax.identity.account.application.PersonDirectory;
import cn.etax.identity.account.application.SessionsEnded;
import cn.etax.identity.account.domain.Person;
import cn.etax.identity.account.domain.PersonPhone;
import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.authentication.domain.PasswordPolicy;
import cn.etax.identity.authentication.domain.QrApp;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrState;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.CrossRegionService;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.ConfirmationFaceCheck;
import cn.etax.identity.grant.application.ConfirmationProof;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.grant.application.IdentityResolution;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.ConflictException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.Masking;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The transactional pieces of the login; see {@link LoginService} for the order and the reasons. The steps serve
 * both entries: a natural-person flow (LOGIN-1) and an enterprise flow (LOGIN-2) that remembers the taxpayer and
 * ends with the identity resolution of {@link EnterpriseIdentityService}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginSteps {

    /**
     * The flows whose second-factor steps these are: LOGIN-1, LOGIN-2, LOGIN-3, LOGIN-4, the certificate login LOGIN-6
     * and LOGIN-11's old entry.
     */
    private static final Set<FlowKind> LOGIN = EnumSet.of(FlowKind.PERSON_LOGIN, FlowKind.ENTERPRISE_LOGIN,
            FlowKind.CERTIFICATE_LOGIN, FlowKind.AGENT_LOGIN, FlowKind.AGENT_CERTIFICATE, FlowKind.SPECIAL_LOGIN,
            FlowKind.LEGACY_LOGIN, FlowKind.LEGACY_AGENT);

    /** The flows whose agreements (RULE-AGREE) these are: the logins above and LOGIN-7's. */
    private static final Set<FlowKind> AGREEMENT_FLOWS = EnumSet.of(FlowKind.PERSON_LOGIN, FlowKind.ENTERPRISE_LOGIN,
            FlowKind.CERTIFICATE_LOGIN, FlowKind.AGENT_LOGIN, FlowKind.AGENT_CERTIFICATE, FlowKind.SPECIAL_LOGIN,
            FlowKind.QR_LOGIN, FlowKind.LEGACY_LOGIN, FlowKind.LEGACY_AGENT);

    /** The agent entry's flows (LOGIN-3 with password or certificate). */
    private static final Set<FlowKind> AGENT = EnumSet.of(FlowKind.AGENT_LOGIN, FlowKind.AGENT_CERTIFICATE,
            FlowKind.LEGACY_AGENT);

    /** The login-log reason of a login through LOGIN-11's old entry (text under {@code loginLog.reason.*}). */
    public static final String LEGACY_LOGIN_REASON = "LEGACY_LOGIN";

    /** The login-log reason of an agent's login through LOGIN-11's old agent entry, in the client's log. */
    public static final String LEGACY_AGENT_LOGIN_REASON = "LEGACY_AGENT_LOGIN";

    /** The login-log reason of an agent's login in the client's log (text under {@code loginLog.reason.*}). */
    public static final String AGENT_LOGIN_REASON = "AGENT_LOGIN";

    /** The login-log reason of a login to a cross-region subject (LOGIN-4) in the taxpayer's log. */
    public static final String CROSS_REGION_LOGIN_REASON = "CROSS_REGION_LOGIN";

    @EJB
    FlowService flows;

    @EJB
    PersonDirectory directory;

    @EJB
    LoginGuardService guard;

    @EJB
    SmsCodeService sms;

    @EJB
    QrCheckService qr;

    @EJB
    QrLoginService qrLogins;

    @EJB
    LoginLogService log;

    @EJB
    AuditService audit;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AgentService agents;

    @EJB
    CrossRegionService crossRegions;

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

    /**
     * The password step passed for {@code person} (as read for the check, moments ago: not read again);
     * {@code taxpayerId} names the taxpayer of an enterprise login, else null.
     */
    public PasswordAccepted passwordAccepted(Person person, Long taxpayerId, ClientContext client) {
        return passwordAccepted(person, taxpayerId == null ? FlowKind.PERSON_LOGIN : FlowKind.ENTERPRISE_LOGIN,
                taxpayerId, client);
    }

    /** The same for a flow of the given kind: LOGIN-3 ({@link FlowKind#AGENT_LOGIN}) remembers the agency. */
    public PasswordAccepted passwordAccepted(Person person, FlowKind kind, Long taxpayerId, ClientContext client) {
        long personId = person.id();
        guard.succeededWithin(personId, AuthMethod.PASSWORD);
        FlowService.Started started = flows.start(kind, client);
        started.flow().bindPerson(personId);
        started.flow().bindTo(PasswordHasher.binding(person.passwordHash()));
        if (taxpayerId != null) {
            started.flow().bindTaxpayer(taxpayerId);
        }
        PersonPhone phone = person.defaultPhone().orElse(null);
        return new PasswordAccepted(started.token(), phone == null ? "" : phone.masked(),
                Masking.name(person.name()));
    }

    /** LOGIN-4: the password step passed at the special-subject entry; the flow remembers taxpayer and type. */
    public PasswordAccepted specialPasswordAccepted(Person person, long taxpayerId, CrossRegionKind kind,
                                                    ClientContext client) {
        PasswordAccepted accepted = passwordAccepted(person, FlowKind.SPECIAL_LOGIN, taxpayerId, client);
        flows.find(accepted.flowToken(), FlowKind.SPECIAL_LOGIN).bindCrossRegionKind(kind);
        return accepted;
    }

    public void sendSmsCode(String flowToken) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        Person person = directory.getWithPhones(flow.requireSubject());
        guard.ensureUnlocked(person.id());
        PersonPhone phone = person.defaultPhone()
                .orElseThrow(() -> new ConflictException("NO_PHONE_FOR_SMS"));
        sms.send(flow.tokenDigest(), flow.kind(), MobileNumber.parse(protector.decrypt(phone.cipher())));
    }

    /** A QR face check for the second factor; refused while the account is locked (RULE-LOCK), as the SMS code is. */
    public String startQr(String flowToken, QrApp app, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        Person person = directory.get(flow.requireSubject());
        guard.ensureUnlocked(person.id());
        return qr.start(flow.tokenDigest(), app, flow.kind(), person.idDigest(),
                Masking.name(person.name()), client);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public QrState qrState(String flowToken) {
        AuthFlow flow = flows.peek(flowToken, LOGIN);
        return qr.stateOfFlow(flow.tokenDigest());
    }

    /** Who the flow is for, and which phone its SMS codes were bound to (a read: no transaction, no lock). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FlowSubject subject(String flowToken) {
        AuthFlow flow = flows.peek(flowToken, LOGIN);
        return subjectOf(flow, directory.getWithPhones(flow.requireSubject()));
    }

    private static FlowSubject subjectOf(AuthFlow flow, Person person) {
        String phoneDigest = person.defaultPhone().map(PersonPhone::digest).orElse("");
        return new FlowSubject(person.id(), flow.tokenDigest(), flow.kind(), phoneDigest, flow.taxpayerId());
    }

    /**
     * The login's SMS code (RULE-2FA, RULE-LOCK), checked and counted while this transaction holds the flow and the
     * person's guard row, and when right the second factor passed in the same transaction: the flow and the person
     * are read once. A wrong, used or expired code commits its count and comes back in the answer for the caller to
     * log and refuse. A locked account is refused before the code is compared and goes to the login log. When the
     * step after the code refuses (an enterprise identity frozen or gone since the password) the whole step rolls
     * back, the code's use with it; the same code would meet the same refusal within its short life.
     */
    public SmsAnswer smsCodeEntered(String flowToken, String code, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        Person person = directory.getWithPhones(flow.requireSubject());
        FlowSubject subject = subjectOf(flow, person);
        LoginGuardService.Checked<OneTimeSecret.Outcome> checked;
        try {
            checked = guard.checkWithin(person.id(), AuthMethod.SMS_CODE,
                    () -> sms.check(subject.flowDigest(), subject.kind(), subject.phoneDigest(), code),
                    outcome -> outcome == OneTimeSecret.Outcome.ACCEPTED);
        } catch (AccountLockedException e) {
            log.recordSeparately(subject.logEntry(), person.id(), AuthMethod.SMS_CODE, LoginOutcome.LOCKED, e.code(),
                    client);
            throw e;
        }
        if (checked.outcome() != OneTimeSecret.Outcome.ACCEPTED) {
            return new SmsAnswer(null, subject, checked.outcome(), checked.left());
        }
        flow.verified(AuthMethod.SMS_CODE);
        return new SmsAnswer(next(flow, client), subject, checked.outcome(), checked.left());
    }

    /** {@code result} when the code was accepted; else the code's outcome and the attempts left today. */
    public record SmsAnswer(LoginResult result, FlowSubject subject, OneTimeSecret.Outcome outcome, int left) {
    }

    /**
     * The QR face check the app confirmed completes the second factor ({@link LoginService#completeWithQr} refused a
     * locked account before).
     */
    public LoginResult qrPassed(String flowToken, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        QrState state = qr.stateOfFlow(flow.tokenDigest());
        if (state == QrState.FAILED) {
            throw new AuthenticationFailedException("FACE_CHECK_FAILED");
        }
        if (state == QrState.EXPIRED) {
            throw new AuthenticationFailedException("QR_EXPIRED");
        }
        QrApp app = qr.consumeConfirmed(flow.tokenDigest());
        guard.succeeded(flow.requireSubject(), app.method());
        flow.verified(app.method());
        directory.get(flow.personId()).passFaceCheck();
        return next(flow, client);
    }

    /**
     * LOGIN-7: the page's QR code was confirmed in the app that scanned it. The code is used now, once; the flow logs
     * in as the app session's person in its business. A locked account (RULE-LOCK holds on every path) is refused
     * and logged, and the code stays unused until its short life ends.
     */
    public LoginResult qrLoginConfirmed(String flowToken, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, FlowKind.QR_LOGIN);
        QrLogin.AppSession session = qrLogins.consume(flow.tokenDigest());
        try {
            guard.ensureUnlocked(session.personId());
        } catch (AccountLockedException e) {
            log.recordSeparately(new LoginLogService.Entry(session.enterprise() ? LoginLogService.ENTERPRISE_ENTRY
                            : LoginLogService.PERSON_ENTRY, session.taxpayerId()), session.personId(),
                    session.scanner().method(), LoginOutcome.LOCKED, e.code(), client);
            throw e;
        }
        flow.appConfirmed(session);
        return next(flow, client);
    }

    public LoginResult signAgreements(String flowToken, ClientContext client) {
        AuthFlow flow = flows.find(flowToken, AGREEMENT_FLOWS);
        flow.ensureVerified();
        Person person = directory.get(flow.personId());
        person.signAgreements(clock.now());
        audit.record(person.id(), "AGREEMENTS_SIGNED", "person:" + person.id(), null, client);
        return next(flow, client);
    }

    public LoginResult changeInitialPassword(String flowToken, String newPassword, String confirmation,
                                             ClientContext client) {
        AuthFlow flow = flows.find(flowToken, LOGIN); // not LOGIN-7's: no password was shown there
        flow.ensureVerified();
        Person person = directory.get(flow.personId());
        if (!person.passwordInitial()) {
            throw new ConflictException("FLOW_INVALID");
        }
        PasswordPolicy.requireConfirmed(newPassword, confirmation);
        // RULE-PWD as everywhere else: the ID number (whose last six are the initial password) and the username
        new PasswordPolicy(passwordCategories).check(newPassword, protector.decrypt(person.idCipher()),
                person.username());
        person.changePassword(hasher.hash(newPassword));
        flow.complete();
        audit.record(person.id(), "PASSWORD_CHANGED", "person:" + person.id(), "initial password replaced", client);
        // as after any change of the password, whatever session was opened before it ends
        sessionsEnded.fire(SessionsEnded.ofPerson(person.id(), clock.now()));
        return LoginResult.pending(LoginResult.Status.RELOGIN_REQUIRED);
    }

    /**
     * LOGIN-2: the identity picked from the CHOOSE_IDENTITY list, checked again at this moment; a refusal (frozen
     * since: "您选择的办税人已经被锁定，请选择其他办税人") is in the login log like any failed attempt (RULE-LOG, ENT-10).
     */
    public LoginResult chooseIdentity(String flowToken, long grantId, ClientContext client) {
        AuthFlow flow = verifiedEnterpriseFlow(flowToken);
        EnterpriseIdentity chosen;
        try {
            chosen = identities.choose(flow.personId(), flow.taxpayerId(), grantId);
        } catch (DomainException e) {
            throw refused(flow, e, client);
        }
        return loggedIn(flow, chosen, client);
    }

    /**
     * LOGIN-2: the offer of CONFIRM_PENDING confirmed (domain verb, history, audit), then logged in with it. Proven by
     * the face check of {@link #startConfirmationFaceCheck} ({@code proofToken}) unless this login's second factor
     * was a face check.
     */
    public LoginResult confirmIdentity(String flowToken, long grantId, String proofToken, ClientContext client) {
        AuthFlow flow = verifiedEnterpriseFlow(flowToken);
        return loggedIn(flow, identities.confirm(flow.personId(), flow.taxpayerId(), grantId, proofToken,
                ConfirmationProof.isFaceCheck(flow.secondFactor()), client), client);
    }

    /** LOGIN-2 "点击确定，并完成扫码认证": the QR face check proving the confirmation of this offer. */
    public ConfirmationFaceCheck startConfirmationFaceCheck(String flowToken, long grantId, QrApp app,
                                                            ClientContext client) {
        AuthFlow flow = verifiedEnterpriseFlow(flowToken);
        return identities.beginConfirmation(flow.personId(), flow.taxpayerId(), grantId,
                app == null ? QrApp.TAX_APP : app, client);
    }

    /** The state of that face check, asked with this login's flow (its person only). */
    public QrState confirmationFaceCheckState(String flowToken, String proofToken) {
        AuthFlow flow = verifiedEnterpriseFlow(flowToken);
        return identities.confirmationState(flow.personId(), proofToken);
    }

    /**
     * LOGIN-3: the client the agent picked from the CHOOSE_CLIENT list, checked again at this moment; the login
     * completes as his agent identity there (audited with both the agency and the client, AGT-4). A refusal is in
     * the agency's login log.
     */
    public LoginResult enterClient(String flowToken, long mandateId, ClientContext client) {
        AuthFlow flow = verifiedFlow(flowToken, AGENT);
        AgentIdentity agent;
        try {
            agent = agents.enter(flow.personId(), flow.taxpayerId(), mandateId);
        } catch (DomainException e) {
            throw refused(flow, e, client);
        }
        return loggedIn(flow, null, agent, client);
    }

    /**
     * LOGIN-4: the cross-region subject picked from the CHOOSE_SUBJECT list, checked again at this moment; the login
     * completes as that subject (in the taxpayer's login log and the audit trail with its number), and a refusal is
     * in that log too.
     */
    public LoginResult enterSubject(String flowToken, long subjectId, ClientContext client) {
        AuthFlow flow = verifiedFlow(flowToken, EnumSet.of(FlowKind.SPECIAL_LOGIN));
        CrossRegionIdentity subject;
        try {
            subject = crossRegions.enter(flow.personId(), flow.taxpayerId(), flow.crossRegionKind(), subjectId);
        } catch (DomainException e) {
            throw refused(flow, e, client);
        }
        return loggedIn(flow, null, null, subject, client);
    }

    private AuthFlow verifiedEnterpriseFlow(String flowToken) {
        return verifiedFlow(flowToken, EnumSet.of(FlowKind.ENTERPRISE_LOGIN));
    }

    private AuthFlow verifiedFlow(String flowToken, Set<FlowKind> kinds) {
        AuthFlow flow = flows.find(flowToken, kinds);
        flow.ensureVerified();
        Person person = directory.get(flow.personId());
        if (person.mustSignAgreements() || person.passwordInitial()) {
            throw new AuthenticationFailedException("FLOW_NOT_VERIFIED");
        }
        return flow;
    }

    private LoginResult next(AuthFlow flow, ClientContext client) {
        Person person = directory.get(flow.personId());
        if (person.mustSignAgreements()) {
            return LoginResult.pending(LoginResult.Status.AGREEMENTS_REQUIRED);
        }
        if (person.passwordInitial() && flow.kind() != FlowKind.QR_LOGIN) {
            // a login with the initial password replaces it; LOGIN-7 showed none, and one confirmed scan must not
            // set a password nobody proved to know (the next password login still asks for the change)
            return LoginResult.pending(LoginResult.Status.PASSWORD_CHANGE_REQUIRED);
        }
        if (flow.kind() == FlowKind.SPECIAL_LOGIN) {
            // LOGIN-4: the subjects of the type he may enter (else refused in the seeds' words and logged there)
            try {
                return LoginResult.chooseSubject(crossRegions.subjects(flow.personId(), flow.taxpayerId(),
                        flow.crossRegionKind()));
            } catch (DomainException e) {
                throw refused(flow, e, client);
            }
        }
        if (flow.kind().isAgent()) {
            // LOGIN-3: an agent of the agency (else refused and logged there), then the clients he may enter
            try {
                return LoginResult.chooseClient(agents.clients(flow.personId(), flow.taxpayerId()));
            } catch (DomainException e) {
                throw refused(flow, e, client);
            }
        }
        if (!flow.kind().isEnterprise() && flow.taxpayerId() == null) {
            return loggedIn(flow, null, client); // LOGIN-1, and LOGIN-7 in the app session's personal business
        }
        if (flow.kind() == FlowKind.CERTIFICATE_LOGIN || flow.kind() == FlowKind.LEGACY_LOGIN
                || flow.kind() == FlowKind.QR_LOGIN) {
            // LOGIN-6, LOGIN-11: the staff identity chosen after the certificate or the old enterprise password;
            // LOGIN-7: the app session's identity. Either is checked again now that the login completes.
            try {
                return loggedIn(flow, identities.choose(flow.personId(), flow.taxpayerId(), flow.grantId()), client);
            } catch (DomainException e) {
                throw refused(flow, e, client);
            }
        }
        IdentityResolution resolution = identities.resolve(flow.personId(), flow.taxpayerId());
        return switch (resolution.outcome()) {
            case LOGGED_IN -> loggedIn(flow, resolution.identity(), client);
            case CHOOSE -> new LoginResult(LoginResult.Status.CHOOSE_IDENTITY, null, resolution.options());
            case CONFIRM -> new LoginResult(LoginResult.Status.CONFIRM_PENDING, null, resolution.options(),
                    !ConfirmationProof.isFaceCheck(flow.secondFactor()));
            case FROZEN -> throw refused(flow, new ForbiddenException("ENTERPRISE_IDENTITY_FROZEN"), client);
            case NONE -> throw refused(flow, new AuthenticationFailedException("ENTERPRISE_RELATION_NOT_FOUND"),
                    client);
        };
    }

    /** No identity to log in with: recorded in the login log apart from this step, which rolls back. */
    private DomainException refused(AuthFlow flow, DomainException e, ClientContext client) {
        log.recordEnterpriseSeparately(flow.taxpayerId(), flow.personId(), loggedMethod(flow),
                LoginOutcome.FAILURE, e.code(), client);
        return e;
    }

    private LoginResult loggedIn(AuthFlow flow, EnterpriseIdentity identity, ClientContext client) {
        return loggedIn(flow, identity, null, client);
    }

    private LoginResult loggedIn(AuthFlow flow, EnterpriseIdentity identity, AgentIdentity agent,
                                 ClientContext client) {
        return loggedIn(flow, identity, agent, null, client);
    }

    private LoginResult loggedIn(AuthFlow flow, EnterpriseIdentity identity, AgentIdentity agent,
                                 CrossRegionIdentity crossRegion, ClientContext client) {
        Person person = directory.get(flow.personId());
        if (flow.boundTo() != null && !flow.boundTo().equals(PasswordHasher.binding(person.passwordHash()))) {
            // the password proved at the flow's start was changed or reset since: that proof is worth nothing now
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        flow.complete();
        if (crossRegion != null) {
            log.recordEnterprise(crossRegion.taxpayerId(), person.id(), loggedMethod(flow), LoginOutcome.SUCCESS,
                    CROSS_REGION_LOGIN_REASON, client);
            audit.record(person.id(), "CROSS_REGION_ENTERED", "taxpayer:" + crossRegion.creditCode(),
                    crossRegion.kind() + " " + crossRegion.number() + " as " + crossRegion.role(), client);
        } else if (agent != null) {
            // AGT-4: in the client's enterprise log and the audit trail, with the agency and the mandate
            log.recordEnterprise(agent.clientTaxpayerId(), person.id(), loggedMethod(flow), LoginOutcome.SUCCESS,
                    flow.kind() == FlowKind.LEGACY_AGENT ? LEGACY_AGENT_LOGIN_REASON : AGENT_LOGIN_REASON, client);
            audit.record(person.id(), "AGENT_ENTERED", "taxpayer:" + agent.clientCreditCode(), "agency "
                    + agent.agencyCreditCode() + ", mandate " + agent.mandateId() + ", permissions "
                    + agent.permissions().stream().map(Enum::name).sorted().toList(), client);
        } else if (identity == null) {
            log.record(LoginLogService.entryOf(flow.kind()), person.id(), flow.secondFactor(), LoginOutcome.SUCCESS,
                    null, client);
        } else {
            log.recordEnterprise(identity.taxpayerId(), person.id(), loggedMethod(flow), LoginOutcome.SUCCESS,
                    flow.kind() == FlowKind.LEGACY_LOGIN ? LEGACY_LOGIN_REASON : null, client);
        }
        return new LoginResult(LoginResult.Status.LOGGED_IN, new AuthenticatedPerson(person.id(), person.name(),
                person.realNameLevel(), methods(flow), clock.now(), identity, agent, crossRegion));
    }

    /**
     * The password, or for a certificate login (LOGIN-6, LOGIN-3) the certificate PIN and the key's signature, then
     * the second factor; for LOGIN-7 the app's scan alone (the app's own login and its confirmation are both the
     * app's).
     */
    private static List<AuthMethod> methods(AuthFlow flow) {
        if (flow.kind() == FlowKind.QR_LOGIN) {
            return List.of(flow.secondFactor());
        }
        return List.of(firstFactor(flow), flow.secondFactor());
    }

    private static AuthMethod firstFactor(AuthFlow flow) {
        return flow.kind().isLegacy() ? AuthMethod.ENTERPRISE_PASSWORD
                : flow.kind().isCertificate() ? AuthMethod.CERTIFICATE : AuthMethod.PASSWORD;
    }

    /**
     * What the login log shows as the way in: the second factor, or what proved the taxpayer first (a certificate,
     * LOGIN-11's old enterprise password).
     */
    private static AuthMethod loggedMethod(AuthFlow flow) {
        return flow.kind().provesTaxpayerFirst() ? firstFactor(flow) : flow.secondFactor();
    }

    /** {@code taxpayerId}: the taxpayer of an enterprise login (LOGIN-2), else null. */
    public record FlowSubject(long personId, String flowDigest, FlowKind kind, String phoneDigest, Long taxpayerId) {

        /** Where the flow's failures are logged: the entry, and for LOGIN-2 the taxpayer (ENT-10). */
        public LoginLogService.Entry logEntry() {
            return new LoginLogService.Entry(LoginLogService.entryOf(kind), taxpayerId);
        }
    }
}
