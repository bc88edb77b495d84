package cn.etax.identity.web.security;

import cn.etax.identity.account.application.EndedAccounts;
import cn.etax.identity.shared.application.BusinessClock;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers {@link SessionAuthModule} as this web application's authentication module, and removes it at the end. */
@WebListener
public class SessionAuthModuleInstaller implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "identity.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    BusinessClock clock;

    @Inject
    EndedAccounts endedAccounts;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().registerServerAuthModule(new SessionAuthModule(clock, endedAccounts, idleMinutes),
                event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
