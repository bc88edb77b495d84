package cn.etax.identity.connector.api;

import java.time.Instant;
import java.util.List;

/**
 * A handle on one pooled connection to the certificate hardware. Verification and validation work on any
 * connection; the token operations need a connection bound to a token, and signing needs {@link #login(char[])}
 * first. PIN attempts are counted by the adapter for every token, persistently: after the configured number of
 * wrong PINs in a row the token is locked (as a real UKey locks) and only an administrator's reset frees it.
 */
public interface TokenConnection extends AutoCloseable {

    /** Names of the tokens this adapter reaches (PKCS#11 token labels, soft token names). */
    List<String> tokens() throws TokenException;

    /** The token this connection is bound to, or {@code null}. */
    String token();

    /** Certificates on the bound token; reading them needs no PIN. */
    List<TokenCertificate> certificates() throws TokenException;

    PinStatus pinStatus() throws TokenException;

    /**
     * Opens the bound token with its PIN. A wrong PIN costs one attempt ({@link PinIncorrectException} says how many
     * are left); a locked token refuses even the right PIN ({@link TokenLockedException}).
     */
    void login(char[] pin) throws TokenException;

    /** Signs with the key under {@code alias}: SM3withSM2 for SM2 keys, SHA256withRSA, SHA256withECDSA (DER). */
    byte[] sign(String alias, byte[] data) throws TokenException;

    /** Signs with an explicit JCA algorithm, e.g. {@code SHA256withECDSAinP1363Format} for a JWS ES256 signature. */
    byte[] sign(String alias, String algorithm, byte[] data) throws TokenException;

    /** Changes the PIN of the bound token; a wrong old PIN counts as a failed attempt. */
    void changePin(char[] oldPin, char[] newPin) throws TokenException;

    /**
     * Verifies a signature with the public key of a DER certificate (SM2 with the configured user id, RSA, EC).
     * Says nothing about the certificate itself: see {@link #validate(List, Instant)}.
     */
    boolean verify(byte[] certificate, byte[] data, byte[] signature) throws TokenException;

    /**
     * Validates a chain (end-entity first, DER) at the given instant against the configured tax CA roots: signatures,
     * validity, key usage for signing and revocation (CRLs; OCSP when configured).
     *
     * @throws CertificateRejectedException with the reason a user would be told
     */
    CertificateInfo validate(List<byte[]> chain, Instant at) throws TokenException;

    /** Reads a DER certificate, SM2 included (which the JDK's own parser cannot do). */
    CertificateInfo describe(byte[] certificate) throws TokenException;

    /** Returns the connection to the pool, logged out. */
    @Override
    void close();
}
