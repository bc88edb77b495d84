package cn.etax.identity.shared;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.exceptions.OptimisticLockException;
import org.eclipse.persistence.internal.databaseaccess.BatchWritingMechanism;
import org.eclipse.persistence.internal.databaseaccess.DatabaseAccessor;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.internal.databaseaccess.ParameterizedSQLBatchWritingMechanism;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.queries.ModifyQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * EclipseLink batch writing ({@code eclipselink.jdbc.batch-writing} names this class) that sends the writes of one
 * flush to PostgreSQL together, different statements included: one prepared statement of several {@code ;}-separated
 * statements, which the PostgreSQL driver sends as one exchange (each statement parsed, bound and executed, then one
 * sync). EclipseLink's own JDBC batching groups only runs of the same SQL, so a transaction that writes an audit row
 * and a login-log row waited for the database twice; now once. Each statement's row count is still checked, so a lost
 * optimistic-lock update fails as before, and a failing statement fails the flush (and the transaction) as before.
 *
 * <p>On other databases (H2, the embedded default, runs in the server's own process) it is EclipseLink's JDBC batching
 * unchanged.
 */
public class PipelinedBatchWriting extends BatchWritingMechanism {

    /** Statements sent in one exchange at most; a flush with more sends several. */
    static final int MAX_STATEMENTS = 50;

    private List<DatabaseCall> calls = new ArrayList<>();
    /** EclipseLink's own batching, for databases other than PostgreSQL; {@code null} on PostgreSQL. */
    private BatchWritingMechanism plain;

    public PipelinedBatchWriting() {
    }

    @Override
    public void setAccessor(DatabaseAccessor accessor, AbstractSession session) {
        super.setAccessor(accessor, session);
        calls = new ArrayList<>();
        plain = accessor.getPlatform() instanceof PostgreSQLPlatform ? null
                : new ParameterizedSQLBatchWritingMechanism(accessor);
    }

    @Override
    public PipelinedBatchWriting clone() {
        PipelinedBatchWriting copy = (PipelinedBatchWriting) super.clone();
        copy.calls = new ArrayList<>();
        copy.plain = plain == null ? null : new ParameterizedSQLBatchWritingMechanism(databaseAccessor);
        return copy;
    }

    @Override
    public void appendCall(AbstractSession session, DatabaseCall call) {
        if (plain != null) {
            plain.appendCall(session, call);
            return;
        }
        calls.add(call);
        cacheQueryTimeout(session, call);
        if (calls.size() >= MAX_STATEMENTS
                || (call.getQuery() instanceof ModifyQuery modify && modify.forceBatchStatementExecution())) {
            executeBatchedStatements(session);
        }
    }

    @Override
    public void clear() {
        if (plain != null) {
            plain.clear();
        }
        calls = new ArrayList<>();
        clearCacheQueryTimeout();
    }

    @Override
    public void executeBatchedStatements(AbstractSession session) {
        if (plain != null) {
            plain.executeBatchedStatements(session);
            return;
        }
        if (calls.isEmpty()) {
            return;
        }
        // detached first: executing may call back here (as EclipseLink's own mechanisms guard against)
        List<DatabaseCall> batch = calls;
        int timeout = queryTimeoutCache;
        clear();
        if (batch.size() == 1) {
            DatabaseCall call = batch.get(0);
            Object rows = databaseAccessor.basicExecuteCall(call, null, session, false);
            if (call.hasOptimisticLock() && !(rows instanceof Integer count && count == 1)) {
                throw OptimisticLockException.batchStatementExecutionFailure();
            }
            return;
        }
        execute(session, batch, timeout);
    }

    private void execute(AbstractSession session, List<DatabaseCall> batch, int timeout) {
        StringBuilder sql = new StringBuilder();
        for (DatabaseCall call : batch) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(call.getSQLString());
        }
        if (session.shouldLog(SessionLog.FINE, SessionLog.SQL)) {
            for (DatabaseCall call : batch) {
                session.log(SessionLog.FINE, SessionLog.SQL, call.getSQLString(), null, databaseAccessor, false);
            }
        }
        DatabasePlatform platform = databaseAccessor.getPlatform();
        DatabaseCall last = batch.get(batch.size() - 1);
        databaseAccessor.incrementCallCount(session); // closeStatement decrements it
        PreparedStatement statement = null;
        try {
            statement = databaseAccessor.prepareStatement(sql.toString(), session, false);
            if (timeout > 0) {
                statement.setQueryTimeout(timeout);
            }
            int index = 1;
            for (DatabaseCall call : batch) {
                if (call.getParameters() != null) {
                    for (Object value : call.getParameters()) {
                        platform.setParameterValueInDatabaseCall(value, statement, index++, session);
                    }
                }
            }
            statement.execute();
            databaseAccessor.writeStatementsCount++; // one batch, as EclipseLink counts its own
            for (int i = 0; i < batch.size(); i++) {
                if (i > 0) {
                    statement.getMoreResults();
                }
                if (batch.get(i).hasOptimisticLock() && statement.getUpdateCount() != 1) {
                    throw OptimisticLockException.batchStatementExecutionFailure();
                }
            }
        } catch (SQLException e) {
            DatabaseException communication = databaseAccessor.processExceptionForCommError(session, e, last);
            throw communication != null ? communication : DatabaseException.sqlException(e, databaseAccessor, session,
                    false);
        } finally {
            try {
                databaseAccessor.closeStatement(statement, session, null);
            } catch (SQLException ignored) {
                // the statement's own failure, if any, is the one thrown
            }
        }
    }
}
