package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;

/** What JNDI hands the application: connections come from the server's {@link ConnectionManager} (its pool). */
public class TokenConnectionFactoryImpl implements TokenConnectionFactory, jakarta.resource.Referenceable {

    private static final long serialVersionUID = 1L;

    private final TokenManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    TokenConnectionFactoryImpl(TokenManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public TokenConnection getConnection() throws TokenException {
        return allocate(new TokenRequest(null));
    }

    @Override
    public TokenConnection getConnection(String token) throws TokenException {
        if (token == null || token.isBlank()) {
            throw new TokenException("no token named");
        }
        return allocate(new TokenRequest(token));
    }

    private TokenConnection allocate(TokenRequest request) throws TokenException {
        try {
            return (TokenConnection) manager.allocateConnection(factory, request);
        } catch (ResourceException e) {
            throw new TokenException("no connection to the certificate tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
