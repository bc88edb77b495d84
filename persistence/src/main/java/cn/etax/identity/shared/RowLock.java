package cn.etax.identity.shared;

/**
 * A named query that reads its rows locked ({@code SELECT … FOR UPDATE}) for the rest of the transaction:
 * {@code @NamedQuery(…, hints = @QueryHint(name = RowLock.HINT, value = RowLock.FOR_UPDATE))}.
 *
 * <p>EclipseLink's own hint, not a JPA lock mode, on the queries that every login step runs: a JPA lock mode — set on
 * the query, given in the {@code @NamedQuery}, or passed to {@code find} — makes EclipseLink copy the query and build
 * its SQL again at every execution, while a query locked by the hint is prepared once. The lock taken is the same.
 */
public final class RowLock {

    /** EclipseLink's {@code QueryHints.PESSIMISTIC_LOCK}. */
    public static final String HINT = "eclipselink.pessimistic-lock";
    /** EclipseLink's {@code PessimisticLock.Lock}: wait for the row, as {@code PESSIMISTIC_WRITE} does. */
    public static final String FOR_UPDATE = "Lock";

    private RowLock() {
    }
}
