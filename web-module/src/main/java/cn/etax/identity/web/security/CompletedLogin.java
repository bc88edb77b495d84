package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;

/**
 * The credential a page or resource hands to {@link Sessions} for the container's login after the login service
 * confirmed both factors. Only server code can construct it; no request parameter becomes one.
 */
public record CompletedLogin(AuthenticatedPerson person) {
}
