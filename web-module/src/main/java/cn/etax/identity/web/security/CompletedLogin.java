package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import jakarta.security.enterprise.credential.Credential;

/**
 * The credential a page or resource hands to {@code SecurityContext.authenticate} after the login service
 * confirmed both factors. Only server code can construct it; no request parameter becomes one.
 */
public record CompletedLogin(AuthenticatedPerson person) implements Credential {
}
