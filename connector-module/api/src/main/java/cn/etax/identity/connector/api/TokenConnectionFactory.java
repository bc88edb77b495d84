package cn.etax.identity.connector.api;

import java.io.Serializable;

/**
 * The connection factory an EJB gets with {@code @Resource(lookup = ...)}. Connections come from the server's pool;
 * close each one (try-with-resources) so it goes back clean: no login and no PIN survive {@code close()}.
 */
public interface TokenConnectionFactory extends Serializable, javax.naming.Referenceable {

    /** A connection for work that needs no token: verifying signatures, validating certificate chains. */
    TokenConnection getConnection() throws TokenException;

    /** A connection bound to one token by its name (see {@link TokenConnection#tokens()}). */
    TokenConnection getConnection(String token) throws TokenException;
}
