package cn.etax.identity.clerk.application;

import cn.etax.identity.clerk.domain.ClerkRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * §8: the first clerk administrator (账户管理岗) of a new deployment, from the configuration
 * ({@code identity.clerk.admin.*}, README "Tax-office staff console"), so that someone can create the other clerks.
 * Created once, when the username is not taken yet; the configured password is an initial one that he replaces at
 * his first login, so it may be removed from the configuration afterwards. A username without the rest of the
 * account stops the start with the missing property named.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class FirstClerkAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstClerkAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.phone")
    Optional<String> phone;

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.office-code")
    Optional<String> officeCode;

    @Inject
    @ConfigProperty(name = "identity.clerk.admin.office-name")
    Optional<String> officeName;

    @EJB
    ClerkAccounts accounts;

    @PostConstruct
    void ensure() {
        if (username.isEmpty() || username.get().isBlank()) {
            return;
        }
        String user = username.get().strip();
        if (accounts.byUsername(user).isPresent()) {
            return;
        }
        String code = required(officeCode, "office-code");
        if (!code.matches("1\\d{10}")) {
            throw new IllegalStateException("identity.clerk.admin.office-code must be an eleven-digit tax authority "
                    + "code starting with 1");
        }
        accounts.ensure(user, required(name, "name"), required(password, "password"), required(phone, "phone"),
                code, required(officeName, "office-name"), EnumSet.of(ClerkRole.CLERK_ADMIN), true);
        LOG.info(() -> "clerk administrator '" + user + "' created from the configuration; his password must be "
                + "replaced at his first login");
    }

    private static String required(Optional<String> value, String property) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "identity.clerk.admin.username is set, so identity.clerk.admin." + property + " is needed too"));
    }
}
