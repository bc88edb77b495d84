/**
 * The Jakarta Connectors 2.1 outbound side: {@link cn.etax.identity.connector.outbound.TokenManagedConnectionFactory}
 * (configuration, {@code @ConnectionDefinition}), {@link cn.etax.identity.connector.outbound.TokenManagedConnection}
 * (one pooled physical connection; {@code cleanup()} logs the token out and drops its keys before the pool reuses it)
 * and the handles the application holds. Transactions: none ({@code NoTransaction}) — a token has nothing to commit.
 * The work itself is in {@code cn.etax.identity.connector.token}, plain Java that unit tests drive directly.
 */
package cn.etax.identity.connector.outbound;
