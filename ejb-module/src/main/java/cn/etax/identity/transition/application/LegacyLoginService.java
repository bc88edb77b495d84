package cn.etax.identity.transition.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AddressThrottle;
import cn.etax.identity.authentication.application.CertificateLoginSteps;
import cn.etax.identity.authentication.application.HumanCheckService;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.application.PasswordAccepted;
import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.RequiredText;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * LOGIN-11 旧版登录, during the transition only (双轨运行): the taxpayer's credit code and its old shared enterprise
 * password (企业密码) with the slider, then 选择法人、财务负责人或办税人员, then that person's second factor — the SMS
 * code or QR face check of every login (RULE-2FA), the agreements and the initial password when due — and the
 * enterprise session as that identity, exactly as after LOGIN-6's certificate.
 *
 * <p>The shared password has RULE-LOCK's counters of its own (five consecutive failures in a business day close the
 * old entry for that taxpayer until midnight); the person's second factor counts on the person's. Once the transition
 * is over the entry answers {@code LEGACY_ENTRY_CLOSED} and no old password remains.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LegacyLoginService {

    @EJB
    AddressThrottle throttle;

    @EJB
    HumanCheckService humanCheck;

    @EJB
    TransitionService transition;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    LegacyLoginSteps steps;

    @EJB
    AgentService agents;

    @EJB
    CertificateLoginSteps staffSteps;

    @EJB
    AuditService audit;

    @EJB
    LoginLogService loginLog;

    @Inject
    PasswordHasher hasher;

    /**
     * Step 1. Refusals: LEGACY_ENTRY_CLOSED, CREDIT_CODE_*, HUMAN_CHECK_FAILED, TAXPAYER_NOT_FOUND,
     * LEGACY_PASSWORD_NOT_AVAILABLE (no old password, or the enterprise stopped it), LEGACY_PASSWORD_WRONG with the
     * tries left today, LEGACY_PASSWORD_LOCKED with the unlock time.
     */
    public LegacyAccepted password(String creditCode, String password, String humanToken, Integer humanAnswer,
                                   ClientContext client) {
        return password(creditCode, password, humanToken, humanAnswer, false, client);
    }

    /**
     * Step 1 at the enterprise entry or, with {@code agentEntry}, at the old agent entry (旧版代理登录): the taxpayer must
     * then be a tax-agent institution (NOT_TAX_AGENT_INSTITUTION), its agents are listed, and the second factor
     * answers CHOOSE_CLIENT with the clients of its mandates in force, as at LOGIN-3.
     */
    public LegacyAccepted password(String creditCode, String password, String humanToken, Integer humanAnswer,
                                   boolean agentEntry, ClientContext client) {
        throttle.attempt(client);
        if (transition.closeIfOver()) {
            throw new ForbiddenException("LEGACY_ENTRY_CLOSED");
        }
        CreditCode code = CreditCode.of(creditCode);
        RequiredText.secret(password, RequiredText.CREDENTIAL_MAX, "LEGACY_PASSWORD_REQUIRED");
        if (!humanCheck.verify(humanToken, humanAnswer)) {
            throw new AuthenticationFailedException("HUMAN_CHECK_FAILED");
        }
        long taxpayerId = identities.taxpayerId(code);
        if (agentEntry) {
            agents.requireAgency(taxpayerId);
        }
        String target = "taxpayer:" + code.value();
        LegacyLoginSteps.Attempt attempt;
        try {
            attempt = steps.begin(taxpayerId);
        } catch (AccountLockedException e) {
            audit.recordSeparately(null, "LEGACY_LOGIN_LOCKED", target, "old entry locked", client);
            // ENT-10: the enterprise's managers see what happens to its shared password; no person is named
            loginLog.recordEnterpriseSeparately(taxpayerId, null, AuthMethod.ENTERPRISE_PASSWORD, LoginOutcome.LOCKED,
                    e.code(), client);
            throw e;
        }
        if (!LegacyPasswordDigest.matches(password, attempt.digest(), hasher)) {
            audit.recordSeparately(null, "LEGACY_LOGIN_FAILED", target, "wrong enterprise password", client);
            DomainException refusal = failed(taxpayerId, attempt.left());
            loginLog.recordEnterpriseSeparately(taxpayerId, null, AuthMethod.ENTERPRISE_PASSWORD,
                    refusal instanceof AccountLockedException ? LoginOutcome.LOCKED : LoginOutcome.FAILURE,
                    refusal.code(), client);
            throw refusal;
        }
        return steps.accepted(taxpayerId, agentEntry ? FlowKind.LEGACY_AGENT : FlowKind.LEGACY_LOGIN, client);
    }

    /** Step 2: the staff identity to log in as; answers where its second factor goes (masked phone and name). */
    public PasswordAccepted chooseStaff(String flowToken, Long grantId) {
        if (grantId == null) {
            throw new InvalidInputException("GRANT_ID_REQUIRED");
        }
        return staffSteps.chooseStaff(flowToken, grantId);
    }

    private DomainException failed(long taxpayerId, int left) {
        if (left == 0) {
            try {
                steps.ensureUnlocked(taxpayerId);
            } catch (AccountLockedException locked) {
                return locked;
            }
        }
        return new AuthenticationFailedException("LEGACY_PASSWORD_WRONG", left);
    }
}
