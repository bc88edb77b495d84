package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;

import java.nio.file.Path;

/** Test helpers: a factory as a server would configure it, without the server. */
final class Connectors {

    private Connectors() {
    }

    static TokenManagedConnectionFactory managedFactory(Path base, int maxPinAttempts) {
        TokenManagedConnectionFactory factory = new TokenManagedConnectionFactory();
        factory.setBaseDirectory(base.toString());
        factory.setMaxPinAttempts(maxPinAttempts);
        factory.setLoginWaitSeconds(5);
        return factory;
    }

    static TokenConnectionFactory unmanaged(TokenManagedConnectionFactory factory) {
        return (TokenConnectionFactory) factory.createConnectionFactory();
    }

    static TokenConnection open(TokenConnectionFactory factory, String token) throws TokenException {
        return factory.getConnection(token);
    }
}
