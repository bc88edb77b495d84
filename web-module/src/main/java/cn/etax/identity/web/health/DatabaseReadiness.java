package cn.etax.identity.web.health;

import cn.etax.identity.shared.application.DatabaseMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;

/** Ready only when the database answers and the schema migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection connection = migration.dataSource().getConnection()) {
            reachable = connection.isValid(2);
        } catch (Exception e) {
            reachable = false;
        }
        return HealthCheckResponse.named("database").status(reachable && migration.isMigrated())
                .withData("migrated", migration.isMigrated()).withData("reachable", reachable).build();
    }
}
