package cn.etax.identity.connector.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server's pool does with our connections, for tests and the benchmark without a server: reuse an idle
 * managed connection the factory matches, call {@code cleanup()} when a handle closes, then put it back.
 */
final class PoolingConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    private final ConcurrentLinkedDeque<ManagedConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    int created() {
        return created.get();
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo request) throws ResourceException {
        ManagedConnection connection = null;
        ManagedConnection candidate;
        while (connection == null && (candidate = idle.pollFirst()) != null) {
            Set<ManagedConnection> one = new HashSet<>();
            one.add(candidate);
            connection = factory.matchManagedConnections(one, null, request);
            if (connection == null) {
                candidate.destroy();
            }
        }
        if (connection == null) {
            connection = factory.createManagedConnection(null, request);
            created.incrementAndGet();
            ManagedConnection physical = connection;
            physical.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    try {
                        physical.cleanup();
                        idle.addFirst(physical);
                    } catch (ResourceException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    try {
                        physical.destroy();
                    } catch (ResourceException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void localTransactionStarted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionCommitted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionRolledback(ConnectionEvent event) {
                }
            });
        }
        return connection.getConnection(null, request);
    }
}
