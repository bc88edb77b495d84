package cn.etax.identity.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** LOGIN-9: a session that ends however it ends (invalidated, timed out) ends its login downstream too. */
@WebListener
public class LoginSessionListener implements HttpSessionListener {

    @Inject
    LoginSessions logins;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        logins.end(event.getSession());
    }
}
