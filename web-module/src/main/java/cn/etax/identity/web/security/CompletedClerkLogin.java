package cn.etax.identity.web.security;

import cn.etax.identity.clerk.application.AuthenticatedClerk;

/**
 * The credential the clerk console hands to {@link Sessions} for the container's login after the clerk login service
 * checked the password (§8). Only server code constructs it.
 */
public record CompletedClerkLogin(AuthenticatedClerk clerk) {
}
