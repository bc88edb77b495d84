package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthMethod;
import cn.etax.identity.crossregion.application.CrossRegionIdentity;
import cn.etax.identity.grant.application.AgentIdentity;
import cn.etax.identity.grant.application.EnterpriseIdentity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Who completed a two-factor login, how, and when: what the session carries as the caller. After the enterprise
 * entry (LOGIN-2) also the current identity in the taxpayer; after the agent entry (LOGIN-3) instead the client he
 * acts for ({@code agent}); after the special-subject entry (LOGIN-4) the cross-region subject ({@code crossRegion});
 * after the natural-person entry all three are null.
 */
public record AuthenticatedPerson(long personId, String name, int realNameLevel, List<AuthMethod> methods,
                                  Instant authenticatedAt, EnterpriseIdentity enterprise, AgentIdentity agent,
                                  CrossRegionIdentity crossRegion) implements Serializable {

    /** An agent's login (LOGIN-3), or with {@code agent} null an enterprise or natural-person one. */
    public AuthenticatedPerson(long personId, String name, int realNameLevel, List<AuthMethod> methods,
                               Instant authenticatedAt, EnterpriseIdentity enterprise, AgentIdentity agent) {
        this(personId, name, realNameLevel, methods, authenticatedAt, enterprise, agent, null);
    }

    /** An enterprise login (LOGIN-2, LOGIN-6), or with {@code enterprise} null a natural-person one. */
    public AuthenticatedPerson(long personId, String name, int realNameLevel, List<AuthMethod> methods,
                               Instant authenticatedAt, EnterpriseIdentity enterprise) {
        this(personId, name, realNameLevel, methods, authenticatedAt, enterprise, (AgentIdentity) null);
    }

    /** A natural-person login (LOGIN-1). */
    public AuthenticatedPerson(long personId, String name, int realNameLevel, List<AuthMethod> methods,
                               Instant authenticatedAt) {
        this(personId, name, realNameLevel, methods, authenticatedAt, null);
    }
}
