package cn.etax.identity.identity.application;

import cn.etax.identity.audit.application.AuditService;
import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.crossregion.application.CrossRegionService;
import cn.etax.identity.grant.application.ActingIdentity;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.AgentService;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.GrantAuthority;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.ForbiddenException;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The session's identity as it stands now (API-2, ENT-9, AGT-4, LOGIN-4): what the session carries is what the person
 * chose at login or switch; before it is stated to anyone else — a signed assertion for downstream applications, the
 * current identity over REST — it is checked again. A grant frozen, deleted or expired, a mandate cancelled or an
 * agent frozen, a cross-region subject no longer his: {@code CURRENT_IDENTITY_UNAVAILABLE} (403, audited). Permissions
 * narrowed since are stated as they are today.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CurrentIdentityCheck {

    @Resource
    SessionContext context;

    @EJB
    GrantAuthority grants;

    @EJB
    AgentService agents;

    @EJB
    CrossRegionService crossRegions;

    @EJB
    AuditService audit;

    /** {@code session}'s identity as of now, the caller's own; a personal identity is stated as it is. */
    public AuthenticatedPerson asOfNow(AuthenticatedPerson session, ClientContext client) {
        long caller = Caller.personId(context);
        if (session == null || session.personId() != caller) {
            throw new ForbiddenException("CURRENT_IDENTITY_UNAVAILABLE");
        }
        if (session.crossRegion() != null) {
            CrossRegionIdentity now;
            try {
                now = crossRegions.acting(caller, session.crossRegion());
            } catch (DomainException e) {
                audit.recordSeparately(caller, "CROSS_REGION_ACTION_REFUSED", "cross-region:"
                        + session.crossRegion().subjectId(), e.code(), client);
                throw e;
            }
            return new AuthenticatedPerson(caller, session.name(), session.realNameLevel(), session.methods(),
                    session.authenticatedAt(), session.enterprise(), null, now);
        }
        if (session.agent() != null) {
            AgentIdentity now = agents.acting(caller, session.agent(), client);
            return new AuthenticatedPerson(caller, session.name(), session.realNameLevel(), session.methods(),
                    session.authenticatedAt(), session.enterprise(), now, null);
        }
        EnterpriseIdentity e = session.enterprise();
        if (e != null) {
            ActingIdentity now = grants.acting(caller, e, client);
            return new AuthenticatedPerson(caller, session.name(), session.realNameLevel(), session.methods(),
                    session.authenticatedAt(), new EnterpriseIdentity(e.grantId(), e.taxpayerId(), e.creditCode(),
                    e.taxpayerName(), now.identityType(), now.permissions()));
        }
        return session;
    }
}
