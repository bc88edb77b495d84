package cn.etax.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A downstream tax application (API-2 demonstration): it knows nothing of the identity platform but its JWKS
 * address and issuer, and trusts the caller's identity from the signed assertion alone (MicroProfile JWT, settings
 * in META-INF/microprofile-config.properties). No call back to the platform.
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"PERSON", "ENTERPRISE", "FEE_PAYER"})
public class DownstreamApplication extends Application {
}
