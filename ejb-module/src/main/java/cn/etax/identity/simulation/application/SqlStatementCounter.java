package cn.etax.identity.simulation.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark support (simulators only): counts the SQL statements EclipseLink sends to the database — every call it
 * executes, reads, writes and sequence allocations alike — from the first time it is asked for the count on.
 * Statements inside a JDBC batch count one each.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SqlStatementCounter {

    @PersistenceUnit(unitName = "identity")
    EntityManagerFactory emf;

    private final AtomicLong statements = new AtomicLong();
    private volatile boolean installed;

    /** Statements executed since counting began (the first call begins it and answers 0). */
    public long count() {
        if (!installed) {
            install();
        }
        return statements.get();
    }

    private synchronized void install() {
        if (installed) {
            return;
        }
        emf.unwrap(Session.class).getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                statements.incrementAndGet();
            }
        });
        installed = true;
    }
}
