package cn.etax.identity.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the whole application has started ({@link ApplicationStarted}), not merely its database. */
@Readiness
@ApplicationScoped
public class ApplicationReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application").status(ApplicationStarted.isStarted()).build();
    }
}
