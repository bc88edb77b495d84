package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's signing sessions (§9, API-2): a few connections to the platform token, each logged in once with the
 * configured PIN and then kept for the platform's signatures — the way a server keeps its session with an HSM —
 * instead of a token login for every signature. A login can cost far more than the signature (the demo soft token
 * decrypts its key store; an HSM may check the PIN slowly on purpose), and the platform signs on every login and
 * identity switch.
 *
 * <p>Only the platform's own token is held this way; a person's token at the counter is still logged out when its
 * connection closes (the connector's rule). A session serves one signature at a time (a PKCS#11 session belongs to one
 * thread), at most {@code identity.platform.signing.sessions} (default 2) are open; a signature waits up to
 * {@code identity.platform.signing.wait-seconds} (default 10) for one. A session that fails is closed (logged out) and
 * the signature tried once more on a new one, so a token that was restarted or a connection the pool ended heals by
 * itself. The PIN goes through {@link PlatformPinGuard}: a PIN the token refused is never presented again. All
 * sessions are logged out when the application stops.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformSessions {

    private static final Logger LOG = Logger.getLogger(PlatformSessions.class.getName());

    @Resource(lookup = CertificateService.TOKENS)
    TokenConnectionFactory tokens;

    @Inject
    PlatformPinGuard pins;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.sessions", defaultValue = "2")
    int sessions;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.wait-seconds", defaultValue = "10")
    int waitSeconds;

    /** Logged-in sessions not signing at the moment, the most recently used first. */
    private final LinkedBlockingDeque<TokenConnection> idle = new LinkedBlockingDeque<>();
    private Semaphore permits;

    @PostConstruct
    void init() {
        if (sessions < 1 || sessions > CertificateService.TOKENS_MAX_POOL / 2) {
            throw new IllegalStateException("identity.platform.signing.sessions must be between 1 and "
                    + CertificateService.TOKENS_MAX_POOL / 2 + ", not " + sessions);
        }
        permits = new Semaphore(sessions, true);
    }

    /**
     * Signs with {@code alias} on {@code token}, logged in with {@code pin} (the caller keeps and clears it).
     *
     * @param algorithm a JCA name, or {@code null} for the key's default
     * @throws TokenException the token cannot sign (unknown key, PIN refused, token gone) even on a new session, or no
     *                        session became free in time
     */
    public byte[] sign(String token, char[] pin, String alias, String algorithm, byte[] data) throws TokenException {
        if (!acquire()) {
            throw new TokenException("no platform signing session became free within " + waitSeconds + " s");
        }
        try {
            TokenConnection reused = idle.pollFirst();
            if (reused != null && reused.token().equals(token)) {
                try {
                    return signAndKeep(reused, alias, algorithm, data);
                } catch (TokenException | RuntimeException e) {
                    LOG.log(Level.FINE, "a kept platform signing session failed; signing on a new one", e);
                }
            } else if (reused != null) {
                close(reused); // the configuration names another token now
            }
            TokenConnection fresh = tokens.getConnection(token);
            try {
                pins.login(fresh, pin);
            } catch (TokenException | RuntimeException e) {
                close(fresh);
                throw e;
            }
            return signAndKeep(fresh, alias, algorithm, data);
        } finally {
            permits.release();
        }
    }

    /** Signs; the session goes back for the next signature, or is closed when the signature failed. */
    private byte[] signAndKeep(TokenConnection session, String alias, String algorithm, byte[] data)
            throws TokenException {
        boolean kept = false;
        try {
            byte[] signature = algorithm == null ? session.sign(alias, data) : session.sign(alias, algorithm, data);
            idle.offerFirst(session);
            kept = true;
            return signature;
        } finally {
            if (!kept) {
                close(session);
            }
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sessions open and idle now (for the tests). */
    int idleSessions() {
        return idle.size();
    }

    /** Logs every idle session out (the application stops, or a test wants a clean start). */
    @PreDestroy
    void closeAll() {
        for (TokenConnection session = idle.pollFirst(); session != null; session = idle.pollFirst()) {
            close(session);
        }
    }

    private static void close(TokenConnection session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing a platform signing session failed", e);
        }
    }
}
