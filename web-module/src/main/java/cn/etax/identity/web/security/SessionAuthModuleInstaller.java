package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers {@link SessionAuthModule} as this web application's authentication module, and removes it at the end; sets
 * the session cookie's Secure flag ({@code identity.session.secure-cookie}) while the application starts.
 */
@WebListener
public class SessionAuthModuleInstaller implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "identity.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    /** LOGIN-9: the session cookie only over HTTPS; set it where TLS ends at or before this server. */
    @Inject
    @ConfigProperty(name = "identity.session.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    @Inject
    BusinessClock clock;

    @Inject
    EndedAccounts endedAccounts;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(secureCookie);
        AuthConfigFactory.getFactory().registerServerAuthModule(new SessionAuthModule(clock, endedAccounts, idleMinutes),
                event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
