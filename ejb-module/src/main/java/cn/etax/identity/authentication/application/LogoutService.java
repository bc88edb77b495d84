package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.LoginOutcome;
import cn.etax.identity.shared.application.ClientContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** RULE-LOG: logouts appear in the person's login log. */
@Stateless
public class LogoutService {

    @EJB
    LoginLogService log;

    public void loggedOut(long personId, ClientContext client) {
        log.record(personId, null, LoginOutcome.LOGOUT, null, client);
    }
}
