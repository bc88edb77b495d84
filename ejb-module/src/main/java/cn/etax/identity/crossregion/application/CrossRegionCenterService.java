package cn.etax.identity.crossregion.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.application.LoginLogService;
import cn.etax.identity.authentication.application.LoginSteps;
import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentityService;
import cn.etax.identity.identity.application.IdentitySwitchService;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.util.List;

/**
 * Cross-region subjects in a session. Opened at the special-subject entry (LOGIN-4) there is no account center for
 * the subject ("特定主体无账户中心"), only its identity and the switch (身份切换) to another subject of the same taxpayer
 * he may enter, back to his enterprise identity there (main role), or to personal business (one way);
 * {@code CROSS_REGION_LOGIN_REQUIRED} (403) for any other session, and a subject no longer his answers
 * {@code CURRENT_IDENTITY_UNAVAILABLE}. From an enterprise identity, ENT-9's 跨区域办税 switches to a subject of its
 * taxpayer.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class CrossRegionCenterService {

    @Resource
    SessionContext context;

    @EJB
    CrossRegionService crossRegions;

    @EJB
    EnterpriseIdentityService identities;

    @EJB
    AuditService audit;

    @EJB
    LoginLogService loginLog;

    /** The session's subject as it stands now. */
    public CrossRegionIdentity current(AuthenticatedPerson current, ClientContext client) {
        return acting(current, client);
    }

    /** The subjects of the same taxpayer and type the person may enter now, the current one among them. */
    public List<SubjectOption> subjects(AuthenticatedPerson current, ClientContext client) {
        CrossRegionIdentity from = acting(current, client);
        return crossRegions.subjects(current.personId(), from.taxpayerId(), from.kind());
    }

    /** 身份切换: the session acts as another subject of the same taxpayer; the session id changes. */
    public AuthenticatedPerson switchSubject(AuthenticatedPerson current, Long subjectId, ClientContext client) {
        CrossRegionIdentity from = acting(current, client);
        long personId = current.personId();
        try {
            if (subjectId == null) {
                throw new InvalidInputException("CROSS_REGION_SUBJECT_REQUIRED");
            }
            CrossRegionIdentity to = crossRegions.enter(personId, from.taxpayerId(), from.kind(), subjectId);
            audit.record(personId, "IDENTITY_SWITCHED", "taxpayer:" + to.creditCode(), from.kind() + " "
                    + from.number() + " -> " + to.number() + " as " + to.role(), client);
            loginLog.recordEnterprise(to.taxpayerId(), personId, null, LoginOutcome.SWITCH,
                    LoginSteps.CROSS_REGION_LOGIN_REASON, client);
            return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                    current.authenticatedAt(), null, null, to);
        } catch (DomainException e) {
            audit.recordSeparately(personId, "IDENTITY_SWITCH_REFUSED", "cross-region:" + subjectId, e.code(),
                    client);
            throw e;
        }
    }

    /**
     * ENT-9 身份切换-跨区域办税: the subjects of {@code kind} of the taxpayer whose enterprise identity the session acts
     * in, that he may switch to (报验项目选择 / 税源登记选择).
     */
    public List<SubjectOption> available(AuthenticatedPerson current, CrossRegionKind kind, ClientContext client) {
        EnterpriseIdentity from = enterprise(current);
        return crossRegions.subjects(current.personId(), from.taxpayerId(), kind);
    }

    /** ENT-9: from the enterprise identity to one of its taxpayer's subjects; the session id changes. */
    public AuthenticatedPerson fromEnterprise(AuthenticatedPerson current, CrossRegionKind kind, Long subjectId,
                                              ClientContext client) {
        EnterpriseIdentity from = enterprise(current);
        long personId = current.personId();
        try {
            if (subjectId == null) {
                throw new InvalidInputException("CROSS_REGION_SUBJECT_REQUIRED");
            }
            CrossRegionIdentity to = crossRegions.enter(personId, from.taxpayerId(), kind, subjectId);
            audit.record(personId, "IDENTITY_SWITCHED", "taxpayer:" + to.creditCode(), from.identityType()
                    + " of " + from.creditCode() + " -> " + to.kind() + " " + to.number() + " as " + to.role(),
                    client);
            loginLog.recordEnterprise(to.taxpayerId(), personId, null, LoginOutcome.SWITCH,
                    LoginSteps.CROSS_REGION_LOGIN_REASON, client);
            return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                    current.authenticatedAt(), null, null, to);
        } catch (DomainException e) {
            audit.recordSeparately(personId, "IDENTITY_SWITCH_REFUSED", "cross-region:" + subjectId, e.code(),
                    client);
            throw e;
        }
    }

    /**
     * Back from a subject to the person's identity in its taxpayer (main role only: a handler has none,
     * {@code CROSS_REGION_NO_ENTERPRISE_IDENTITY}); the identity is checked again now.
     */
    public AuthenticatedPerson toEnterprise(AuthenticatedPerson current, ClientContext client) {
        CrossRegionIdentity from = acting(current, client);
        long personId = current.personId();
        try {
            if (from.grantId() == null) {
                throw new ForbiddenException("CROSS_REGION_NO_ENTERPRISE_IDENTITY");
            }
            EnterpriseIdentity to = identities.choose(personId, from.taxpayerId(), from.grantId());
            audit.record(personId, "IDENTITY_SWITCHED", "grant:" + to.grantId(), from.kind() + " "
                    + from.number() + " -> " + to.identityType() + " of " + to.creditCode(), client);
            loginLog.recordEnterprise(to.taxpayerId(), personId, null, LoginOutcome.SWITCH,
                    IdentitySwitchService.TO_ENTERPRISE, client);
            return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                    current.authenticatedAt(), to);
        } catch (DomainException e) {
            audit.recordSeparately(personId, "IDENTITY_SWITCH_REFUSED", "grant:" + from.grantId(), e.code(), client);
            throw e;
        }
    }

    /** 个人办税: one way, as ENT-9 — back to a cross-region subject only by a new login. */
    public AuthenticatedPerson toPersonal(AuthenticatedPerson current, ClientContext client) {
        CrossRegionIdentity from = acting(current, client);
        long personId = current.personId();
        audit.record(personId, "IDENTITY_SWITCHED", "personal", from.kind() + " " + from.number() + " of "
                + from.creditCode() + " -> personal", client);
        loginLog.record(LoginLogService.PERSON_ENTRY, personId, null, LoginOutcome.SWITCH,
                IdentitySwitchService.TO_PERSONAL, client);
        return new AuthenticatedPerson(personId, current.name(), current.realNameLevel(), current.methods(),
                current.authenticatedAt());
    }

    /** The caller's own session in an enterprise identity, that identity still his and active today. */
    private EnterpriseIdentity enterprise(AuthenticatedPerson current) {
        long caller = Caller.personId(context);
        if (current == null || current.personId() != caller || current.enterprise() == null) {
            throw new ForbiddenException("ENTERPRISE_LOGIN_REQUIRED");
        }
        return identities.choose(caller, current.enterprise().taxpayerId(), current.enterprise().grantId());
    }

    /** The caller's own session, opened at the special-subject entry, its subject still his today. */
    private CrossRegionIdentity acting(AuthenticatedPerson current, ClientContext client) {
        long caller = Caller.personId(context);
        if (current == null || current.personId() != caller || current.crossRegion() == null) {
            throw new ForbiddenException("CROSS_REGION_LOGIN_REQUIRED");
        }
        try {
            return crossRegions.acting(caller, current.crossRegion());
        } catch (DomainException e) {
            audit.recordSeparately(caller, "CROSS_REGION_ACTION_REFUSED", "cross-region:"
                    + current.crossRegion().subjectId(), e.code(), client);
            throw e;
        }
    }
}
