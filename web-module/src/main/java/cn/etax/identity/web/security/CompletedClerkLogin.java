package cn.etax.identity.web.security;

import cn.etax.identity.clerk.application.AuthenticatedClerk;
import jakarta.security.enterprise.credential.Credential;

/**
 * The credential the clerk console hands to {@code SecurityContext.authenticate} after the clerk login service
 * checked the password (§8). Only server code constructs it.
 */
public record CompletedClerkLogin(AuthenticatedClerk clerk) implements Credential {
}
