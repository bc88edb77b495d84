package cn.etax.identity.transition.application;

import cn.etax.identity.grant.application.ActingIdentity;
import cn.etax.identity.grant.application.EnterpriseActor;
import cn.etax.identity.grant.application.EnterpriseIdentity;
import cn.etax.identity.grant.application.GrantAuthority;
import cn.etax.identity.shared.application.Caller;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/**
 * LOGIN-11 in the enterprise account center: every identity of the enterprise sees whether its old shared enterprise
 * password still opens the old entry and until when; its legal representative or finance officer stops that for the
 * enterprise at once (停用旧版登录) — the password is erased, whoever still knows it can no longer use it.
 */
@Stateless
@RolesAllowed(Caller.PERSON)
public class LegacyPasswordCenter {

    @Resource
    SessionContext context;

    @EJB
    GrantAuthority authority;

    @EJB
    TransitionService transition;

    public TransitionService.LegacyStatus status(EnterpriseIdentity current, ClientContext client) {
        ActingIdentity acting = authority.acting(Caller.personId(context), current, client);
        return transition.status(acting.taxpayerId());
    }

    /** {@code ENTERPRISE_MANAGER_REQUIRED} for other identities; {@code LEGACY_PASSWORD_NOT_AVAILABLE} when none. */
    public TransitionService.LegacyStatus stop(EnterpriseIdentity current, ClientContext client) {
        EnterpriseActor actor = authority.managerActing(Caller.personId(context), current, client);
        transition.stop(actor.taxpayerId(), actor.personId(), client);
        return transition.status(actor.taxpayerId());
    }
}
