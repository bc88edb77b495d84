package cn.etax.identity.shared.application;

import java.sql.SQLException;

/**
 * Whether a failed write broke a unique key (SQLState 23505, PostgreSQL and H2 alike): the row another transaction
 * inserted a moment ago, which a caller answers as a conflict. Any other failure is no such answer and goes on.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
