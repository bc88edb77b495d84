package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthMethod;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Who completed a two-factor login, how, and when: what the session carries as the caller. */
public record AuthenticatedPerson(long personId, String name, int realNameLevel, List<AuthMethod> methods,
                                  Instant authenticatedAt) implements Serializable {
}
