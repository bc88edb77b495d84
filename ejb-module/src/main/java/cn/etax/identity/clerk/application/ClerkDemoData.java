package cn.etax.identity.clerk.application;

import cn.etax.identity.clerk.domain.ClerkRole;
import cn.etax.identity.demo.application.DemoData;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The demo clerks of the embedded default ({@code identity.demo.enabled=true}; README "Tax-office staff console"):
 * one per duty at the same tax office. Idempotent like the other demo data.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class ClerkDemoData {

    /** Password of the demo clerks. */
    public static final String DEMO_PASSWORD = DemoData.DEMO_PASSWORD;
    static final String OFFICE_CODE = "13601020000";
    static final String OFFICE_NAME = "国家税务总局南昌市东湖区税务局";

    private static final Logger LOG = Logger.getLogger(ClerkDemoData.class.getName());

    @Inject
    @ConfigProperty(name = "identity.demo.enabled", defaultValue = "false")
    boolean enabled;

    @EJB
    ClerkAccounts accounts;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        accounts.ensure("dengji01", "刘登记", DEMO_PASSWORD, "13900000011", OFFICE_CODE, OFFICE_NAME,
                EnumSet.of(ClerkRole.CLERK_REGISTRATION));
        accounts.ensure("shouquan01", "陈授权", DEMO_PASSWORD, "13900000012", OFFICE_CODE, OFFICE_NAME,
                EnumSet.of(ClerkRole.CLERK_GRANTS));
        accounts.ensure("guanli01", "王管理", DEMO_PASSWORD, "13900000013", OFFICE_CODE, OFFICE_NAME,
                EnumSet.of(ClerkRole.CLERK_ADMIN));
        LOG.info("demo clerks ready (see README: tax-office staff console)");
    }
}
