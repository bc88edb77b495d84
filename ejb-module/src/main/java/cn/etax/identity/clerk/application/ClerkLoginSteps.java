package cn.etax.identity.clerk.application;

import cn.etax.identity.authentication.application.FlowService;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.SmsCodeService;
import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.FlowStep;
import cn.etax.identity.authentication.domain.OneTimeSecret;
import cn.etax.identity.clerk.domain.Clerk;
import cn.etax.identity.clerk.domain.ClerkLoginGuard;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.MobileNumber;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The database steps of a clerk's login after his password (§8, RULE-2FA), each a short transaction;
 * {@link ClerkLoginService} hashes outside them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ClerkLoginSteps {

    static final FlowKind LOGIN = FlowKind.CLERK_LOGIN;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @EJB
    FlowService flows;

    @EJB
    SmsCodeService sms;

    @Inject
    PersonalDataProtector protector;

    @Inject
    BusinessClock clock;

    /**
     * The password passed: a flow bound to the clerk and to the password he proved, for the code's steps. A flow
     * outlives neither: stopped, or his password reset or changed since, the steps after it answer
     * {@code FLOW_INVALID}, so an old password never ends in a session or in choosing the new one.
     */
    public String passwordAccepted(Clerk clerk, ClientContext client) {
        FlowService.Started started = flows.start(LOGIN, client);
        started.flow().bindClerk(clerk.id());
        started.flow().bindTo(passwordBinding(clerk));
        return started.token();
    }

    /** The login's code to the clerk's phone (RULE-SMS), refused while he is locked (RULE-LOCK). */
    public void sendCode(String flowToken) {
        AuthFlow flow = codeStep(flowToken);
        Clerk clerk = clerkOf(flow);
        em.find(ClerkLoginGuard.class, clerk.id()).ensureUnlocked(clock.now(), clock.zone());
        sms.send(flow.tokenDigest(), LOGIN, MobileNumber.parse(protector.decrypt(clerk.phoneCipher())));
    }

    /**
     * The code, checked and counted while this transaction holds the flow and the clerk's guard row: a wrong, used or
     * expired code commits its count and comes back in the answer; the right one completes the flow in the same
     * transaction, so one code opens one session. A locked clerk is refused before the code is compared.
     */
    public CodeAnswer codeEntered(String flowToken, String code) {
        AuthFlow flow = codeStep(flowToken);
        Clerk clerk = clerkOf(flow);
        ClerkLoginGuard guard = em.find(ClerkLoginGuard.class, clerk.id(), LockModeType.PESSIMISTIC_WRITE);
        guard.ensureUnlocked(clock.now(), clock.zone());
        OneTimeSecret.Outcome outcome = sms.check(flow.tokenDigest(), LOGIN, clerk.phoneDigest(), code);
        if (outcome != OneTimeSecret.Outcome.ACCEPTED) {
            return new CodeAnswer(clerk, outcome, guard.beginAttempt(AuthMethod.SMS_CODE, clock.now(),
                    clock.zone()));
        }
        guard.succeeded(AuthMethod.SMS_CODE);
        if (clerk.passwordChangeRequired()) {
            flow.clerkVerified();
        } else {
            flow.complete();
        }
        return new CodeAnswer(clerk, outcome, guard.remaining(AuthMethod.SMS_CODE));
    }

    /**
     * The clerk of a flow whose code passed while his password is one the administration set; {@code FLOW_INVALID}
     * for any other flow.
     */
    public Clerk passwordChangeDue(String flowToken) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        flow.ensureVerified();
        Clerk clerk = clerkOf(flow);
        if (!clerk.passwordChangeRequired()) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        return clerk;
    }

    /**
     * His own password replaces the one {@code replacedHash} the administration set, and the flow ends: he logs in
     * with it. {@code FLOW_INVALID} when the password changed meanwhile (a second tab, a new reset).
     */
    public void passwordReplaced(String flowToken, String replacedHash, String newHash) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        flow.ensureVerified();
        Clerk clerk = em.find(Clerk.class, flow.requireClerk(), LockModeType.PESSIMISTIC_WRITE);
        if (!clerk.passwordChangeRequired() || !clerk.passwordHash().equals(replacedHash)) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        clerk.changePassword(newHash);
        flow.complete();
    }

    /** The flow's clerk, still active and with the password the flow was started with. */
    private Clerk clerkOf(AuthFlow flow) {
        Clerk clerk = em.find(Clerk.class, flow.requireClerk());
        if (clerk == null || !clerk.active() || !passwordBinding(clerk).equals(flow.boundTo())) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        return clerk;
    }

    private static String passwordBinding(Clerk clerk) {
        return PasswordHasher.binding(clerk.passwordHash());
    }

    /** A flow still at its code step. */
    private AuthFlow codeStep(String flowToken) {
        AuthFlow flow = flows.find(flowToken, LOGIN);
        if (flow.step() != FlowStep.STARTED) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        return flow;
    }

    /** The code's outcome for the flow's clerk, and his attempts left today. */
    public record CodeAnswer(Clerk clerk, OneTimeSecret.Outcome outcome, int left) {
    }
}
