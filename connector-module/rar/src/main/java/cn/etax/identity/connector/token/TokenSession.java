package cn.etax.identity.connector.token;

import cn.etax.identity.connector.api.TokenException;

/** A logged-in token. {@link #close()} logs out and forgets the keys; it is safe to call twice. */
public interface TokenSession extends AutoCloseable {

    byte[] sign(String alias, String algorithm, byte[] data) throws TokenException;

    /** The default signature algorithm for the key under {@code alias}. */
    String defaultAlgorithm(String alias) throws TokenException;

    @Override
    void close();
}
