package cn.etax.identity.authentication.application;

import cn.etax.identity.authentication.domain.AuthFlow;
import cn.etax.identity.authentication.domain.FlowKind;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.application.BusinessClock;
import cn.etax.identity.shared.application.ClientContext;
import cn.etax.identity.shared.application.PersonalDataProtector;
import cn.etax.identity.shared.application.Secrets;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.Set;

/** Starts and finds the server-side journeys that a client token refers to. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FlowService {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    BusinessClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    @ConfigProperty(name = "identity.flow.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    /** A new flow and its client token (returned once, stored only as a digest). */
    public Started start(FlowKind kind, ClientContext client) {
        String token = Secrets.token();
        AuthFlow flow = new AuthFlow(kind, digest(token), client.address(), clock.now(),
                clock.now().plusSeconds(ttlSeconds));
        em.persist(flow);
        return new Started(token, flow);
    }

    /** The flow behind a token, locked for this transaction, usable for a step of {@code kind}. */
    public AuthFlow find(String token, FlowKind kind) {
        return find(token, EnumSet.of(kind));
    }

    /** The flow behind a token, locked, usable for a step that flows of several kinds share. */
    public AuthFlow find(String token, Set<FlowKind> kinds) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        AuthFlow flow = em.createNamedQuery(AuthFlow.BY_TOKEN_LOCKED, AuthFlow.class)
                .setParameter("digest", digest(token))
                .getResultStream().findFirst()
                .orElseThrow(() -> new AuthenticationFailedException("FLOW_INVALID"));
        flow.ensureActive(kinds, clock.now());
        return flow;
    }

    /** The flow behind a token for reading only (no lock, no transaction needed). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthFlow peek(String token, FlowKind kind) {
        return peek(token, EnumSet.of(kind));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthFlow peek(String token, Set<FlowKind> kinds) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw new AuthenticationFailedException("FLOW_INVALID");
        }
        AuthFlow flow = em.createNamedQuery(AuthFlow.BY_TOKEN, AuthFlow.class).setParameter("digest", digest(token))
                .getResultStream().findFirst()
                .orElseThrow(() -> new AuthenticationFailedException("FLOW_INVALID"));
        flow.ensureActive(kinds, clock.now());
        return flow;
    }

    public String digest(String token) {
        return protector.digest("flow", token);
    }

    public record Started(String token, AuthFlow flow) {
    }
}
