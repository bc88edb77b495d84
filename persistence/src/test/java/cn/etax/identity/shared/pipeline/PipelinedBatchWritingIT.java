package cn.etax.identity.shared.pipeline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PipelinedBatchWriting} on a real PostgreSQL (the integration tests' server: {@code IT_DB_*} variables, a
 * database of its own): the writes of one flush reach the database in one exchange, all of them are written, and a
 * flush that fails — a lost optimistic-lock update or a duplicate key among the statements — writes nothing.
 * EclipseLink runs here on its own, with the application's batch-writing setting and two tables of the test's.
 */
@DisplayName("Writes of one flush sent to PostgreSQL in one exchange (EclipseLink batch writing)")
class PipelinedBatchWritingIT {

    private static final String DATABASE = "etax_pipeline_it";
    /** The PostgreSQL driver's protocol log: one "FE=> Sync" ends each exchange with the server. */
    private static final Logger PROTOCOL = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final AtomicLong IDS = new AtomicLong(1);

    private static EntityManagerFactory emf;
    private static Level protocolLevel;
    private static final AtomicInteger SYNCS = new AtomicInteger();
    private static final Handler COUNTER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("FE=> Sync")) {
                SYNCS.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private EntityManager em;

    @BeforeAll
    static void database() throws SQLException {
        String server = "jdbc:postgresql://" + setting("IT_DB_HOST", "127.0.0.1") + ":" + setting("IT_DB_PORT", "5432");
        String user = setting("IT_DB_USER", "etax");
        String password = setting("IT_DB_PASSWORD", "etax");
        try (Connection c = DriverManager.getConnection(server + "/postgres", user, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        emf = Persistence.createEntityManagerFactory("pipeline", Map.of(
                "eclipselink.persistencexml", "META-INF/pipeline-persistence.xml",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", server + "/" + DATABASE,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
        protocolLevel = PROTOCOL.getLevel();
        PROTOCOL.setLevel(Level.FINEST);
        PROTOCOL.addHandler(COUNTER);
    }

    @AfterAll
    static void close() {
        PROTOCOL.removeHandler(COUNTER);
        PROTOCOL.setLevel(protocolLevel);
        if (emf != null) {
            emf.close();
        }
    }

    @BeforeEach
    void open() {
        em = emf.createEntityManager();
    }

    @AfterEach
    void release() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    @Test
    @DisplayName("rows of two tables written by one flush go to the database in one exchange, and both are there")
    void two_tables_one_exchange() {
        long note = IDS.getAndIncrement();
        long counter = IDS.getAndIncrement();
        em.getTransaction().begin();
        em.persist(new PipelineNote(note, "audit"));
        em.persist(new PipelineCounter(counter));
        int before = SYNCS.get();
        em.flush();
        assertEquals(1, SYNCS.get() - before, "exchanges with the database for two INSERTs into two tables");
        em.getTransaction().commit();

        EntityManager other = emf.createEntityManager();
        assertNotNull(other.find(PipelineNote.class, note), "the first table's row");
        assertNotNull(other.find(PipelineCounter.class, counter), "the second table's row");
        other.close();
    }

    @Test
    @DisplayName("120 writes, more than one exchange carries: all of them written, in three exchanges and the commit")
    void many_writes() {
        long first = IDS.getAndAdd(120);
        em.getTransaction().begin();
        for (int i = 0; i < 120; i++) {
            em.persist(i % 2 == 0 ? new PipelineNote(first + i, "n" + i) : new PipelineCounter(first + i));
        }
        int before = SYNCS.get();
        em.getTransaction().commit();
        int exchanges = SYNCS.get() - before;
        assertEquals(4, exchanges, "120 writes, up to 50 in one exchange, then the commit");

        EntityManager other = emf.createEntityManager();
        long notes = other.createQuery("select count(n) from PipelineNote n where n.id >= :a and n.id < :b",
                Long.class).setParameter("a", first).setParameter("b", first + 120).getSingleResult();
        long counters = other.createQuery("select count(c) from PipelineCounter c where c.id >= :a and c.id < :b",
                Long.class).setParameter("a", first).setParameter("b", first + 120).getSingleResult();
        other.close();
        assertEquals(60, notes);
        assertEquals(60, counters);
    }

    @Test
    @DisplayName("an update that lost an optimistic race fails the flush, and the row written beside it is not kept")
    void lost_update_writes_nothing() {
        long counter = IDS.getAndIncrement();
        em.getTransaction().begin();
        em.persist(new PipelineCounter(counter));
        em.getTransaction().commit();
        em.clear();

        PipelineCounter stale = em.find(PipelineCounter.class, counter);
        EntityManager other = emf.createEntityManager();
        other.getTransaction().begin();
        other.find(PipelineCounter.class, counter).add(5);
        other.getTransaction().commit();
        other.close();

        long note = IDS.getAndIncrement();
        em.getTransaction().begin();
        em.persist(new PipelineNote(note, "written beside the lost update"));
        stale.add(1);
        RollbackException failed = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
        assertTrue(optimisticLock(failed), "an optimistic-lock failure: " + failed);

        EntityManager check = emf.createEntityManager();
        assertNull(check.find(PipelineNote.class, note), "the note of the failed flush");
        assertEquals(5, check.find(PipelineCounter.class, counter).total(), "the counter as the race's winner left it");
        check.close();
    }

    @Test
    @DisplayName("a duplicate key among the statements fails the flush, and none of its rows is kept")
    void failing_statement_writes_nothing() {
        long existing = IDS.getAndIncrement();
        em.getTransaction().begin();
        em.persist(new PipelineNote(existing, "first"));
        em.getTransaction().commit();
        em.clear();

        long counter = IDS.getAndIncrement();
        long note = IDS.getAndIncrement();
        EntityManager racing = emf.createEntityManager();
        racing.getTransaction().begin();
        racing.persist(new PipelineCounter(counter));
        racing.persist(new PipelineNote(existing, "the same key again"));
        racing.persist(new PipelineNote(note, "after the duplicate"));
        assertThrows(RollbackException.class, () -> racing.getTransaction().commit());
        racing.close();

        EntityManager check = emf.createEntityManager();
        assertNull(check.find(PipelineCounter.class, counter), "the counter written before the duplicate");
        assertNull(check.find(PipelineNote.class, note), "the note written after it");
        check.close();
    }

    private static boolean optimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static String setting(String environment, String fallback) {
        String value = System.getenv(environment);
        return value == null || value.isBlank() ? fallback : value;
    }
}
