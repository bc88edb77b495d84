package cn.etax.identity.web.security;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.grant.application.AgentIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The session's agent identity (LOGIN-3, replaced by AGT-3's switch) for the pages: which navigation to show. What
 * it answers is for display; the services check the identity again at every call.
 */
@Named
@RequestScoped
public class CurrentAgent {

    @Inject
    Sessions sessions;

    @Inject
    HttpServletRequest request;

    private AgentIdentity identity;
    private boolean read;

    /** Null unless the session was opened at the agent entry. */
    public AgentIdentity identity() {
        if (!read) {
            AuthenticatedPerson person = sessions.current(request);
            identity = person == null ? null : person.agent();
            read = true;
        }
        return identity;
    }

    public boolean isPresent() {
        return identity() != null;
    }
}
