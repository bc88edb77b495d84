package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.PinStatus;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.token.TokenSession;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One pooled physical connection. It holds a token login only between {@code login} and the handle's close:
 * {@link #cleanup()} — which the pool calls before it hands the connection to anybody else — logs the token out and
 * drops the session's keys; no PIN is ever kept (the char[] passed in is the caller's).
 */
final class TokenManagedConnection implements ManagedConnection {

    private final TokenManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<TokenConnectionHandle> handles = new CopyOnWriteArraySet<>();
    private volatile TokenSession session;
    private volatile String sessionToken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    TokenManagedConnection(TokenManagedConnectionFactory factory) {
        this.factory = factory;
    }

    TokenManagedConnectionFactory factory() {
        return factory;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    /** True while a token is logged in through this connection (for the tests of cleanup). */
    boolean loggedIn() {
        return session != null;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo request) throws ResourceException {
        if (destroyed) {
            throw new ResourceException("connection destroyed");
        }
        String token = request instanceof TokenRequest tokenRequest ? tokenRequest.token() : null;
        TokenConnectionHandle handle = new TokenConnectionHandle(this, token);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof TokenConnectionHandle handle)) {
            throw new ResourceException("not a token connection handle: " + connection);
        }
        TokenManagedConnection previous = handle.reassociate(this);
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handles.add(handle);
    }

    /** Returns the connection to the state of a new one: handles invalidated, token logged out, keys dropped. */
    @Override
    public void cleanup() {
        for (TokenConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        logout();
    }

    @Override
    public void destroy() {
        cleanup();
        destroyed = true;
    }

    void closeHandle(TokenConnectionHandle handle) {
        if (!handles.remove(handle)) {
            return;
        }
        // the PIN-protected state ends with the handle even if the pool were slow to call cleanup()
        if (handles.isEmpty()) {
            logout();
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    private void logout() {
        TokenSession current = session;
        session = null;
        sessionToken = null;
        if (current != null) {
            current.close();
        }
    }

    // --- operations for the handles -----------------------------------------------------------------------------

    List<String> tokens() throws TokenException {
        return factory.tokens().names();
    }

    List<TokenCertificate> certificates(String token) throws TokenException {
        return factory.tokens().token(bound(token)).certificates();
    }

    PinStatus pinStatus(String token) throws TokenException {
        return factory.tokens().pinStatus(bound(token));
    }

    void login(String token, char[] pin) throws TokenException {
        logout();
        TokenSession opened = factory.tokens().login(bound(token), pin);
        sessionToken = token;
        session = opened;
    }

    byte[] sign(String token, String alias, String algorithm, byte[] data) throws TokenException {
        TokenSession current = session;
        if (current == null || !bound(token).equals(sessionToken)) {
            throw new TokenException("log in to token " + token + " before signing");
        }
        return current.sign(alias, algorithm == null ? current.defaultAlgorithm(alias) : algorithm, data);
    }

    void changePin(String token, char[] oldPin, char[] newPin) throws TokenException {
        // the token's own login would stand in the way of C_Login inside the PIN change
        logout();
        factory.tokens().changePin(bound(token), oldPin, newPin);
    }

    boolean verify(byte[] certificate, byte[] data, byte[] signature) throws TokenException {
        return factory.tokens().crypto().verify(certificate, data, signature);
    }

    CertificateInfo validate(List<byte[]> chain, Instant at) throws TokenException {
        return factory.validator().validate(chain, at);
    }

    private static String bound(String token) throws TokenException {
        if (token == null) {
            throw new TokenException("this connection is not bound to a token: use getConnection(token)");
        }
        return token;
    }

    // --- JCA plumbing ------------------------------------------------------------------------------------------------

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("tokens take part in no transaction");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("tokens take part in no transaction");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "etax certificate tokens";
            }

            @Override
            public String getEISProductVersion() {
                return "1.0";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
