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
        return violation(failure) != null;
    }

    /**
     * Whether a failed write broke the unique key {@code constraint} (as the migrations name it): both databases
     * name the constraint, or the index behind it, in the message.
     */
    public static boolean of(Throwable failure, String constraint) {
        SQLException sql = violation(failure);
        return sql != null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint.toLowerCase(java.util.Locale.ROOT));
    }

    private static SQLException violation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
