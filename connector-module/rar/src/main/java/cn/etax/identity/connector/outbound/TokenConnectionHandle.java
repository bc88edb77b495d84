package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.PinStatus;
import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.token.Crypto;

import java.time.Instant;
import java.util.List;

/** The application's handle; it names its token and delegates to whichever managed connection it is bound to. */
public final class TokenConnectionHandle implements TokenConnection {

    private final String token;
    private volatile TokenManagedConnection connection;

    TokenConnectionHandle(TokenManagedConnection connection, String token) {
        this.connection = connection;
        this.token = token;
    }

    TokenManagedConnection reassociate(TokenManagedConnection target) {
        TokenManagedConnection previous = connection;
        connection = target;
        return previous;
    }

    void invalidate() {
        connection = null;
    }

    private TokenManagedConnection connection() throws TokenException {
        TokenManagedConnection current = connection;
        if (current == null) {
            throw new TokenException("the connection is closed");
        }
        return current;
    }

    @Override
    public List<String> tokens() throws TokenException {
        return connection().tokens();
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public List<TokenCertificate> certificates() throws TokenException {
        return connection().certificates(token);
    }

    @Override
    public PinStatus pinStatus() throws TokenException {
        return connection().pinStatus(token);
    }

    @Override
    public void login(char[] pin) throws TokenException {
        connection().login(token, pin);
    }

    @Override
    public byte[] sign(String alias, byte[] data) throws TokenException {
        return connection().sign(token, alias, null, data);
    }

    @Override
    public byte[] sign(String alias, String algorithm, byte[] data) throws TokenException {
        return connection().sign(token, alias, algorithm, data);
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws TokenException {
        connection().changePin(token, oldPin, newPin);
    }

    @Override
    public boolean verify(byte[] certificate, byte[] data, byte[] signature) throws TokenException {
        return connection().verify(certificate, data, signature);
    }

    @Override
    public CertificateInfo validate(List<byte[]> chain, Instant at) throws TokenException {
        return connection().validate(chain, at);
    }

    @Override
    public CertificateInfo describe(byte[] certificate) throws TokenException {
        connection();
        return Crypto.describe(Crypto.parse(certificate));
    }

    @Override
    public void close() {
        TokenManagedConnection current = connection;
        connection = null;
        if (current != null) {
            current.closeHandle(this);
        }
    }
}
