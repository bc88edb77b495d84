package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.TokenConnectionFactory;

import java.util.Optional;

/** Test helper: a {@link PlatformSigner} over a given connection factory, configured as the server would. */
public final class PlatformSigners {

    private PlatformSigners() {
    }

    public static PlatformSigner over(TokenConnectionFactory tokens, String token, String alias, String pin) {
        PlatformSigner signer = new PlatformSigner();
        signer.tokens = tokens;
        signer.sessions = sessions(tokens, new PlatformPinGuard(), 2);
        signer.token = Optional.ofNullable(token);
        signer.alias = Optional.ofNullable(alias);
        signer.pin = Optional.ofNullable(pin);
        return signer;
    }

    /** The kept signing sessions over a connection factory, {@code size} at most. */
    public static PlatformSessions sessions(TokenConnectionFactory tokens, PlatformPinGuard pins, int size) {
        PlatformSessions sessions = new PlatformSessions();
        sessions.tokens = tokens;
        sessions.pins = pins;
        sessions.sessions = size;
        sessions.waitSeconds = 10;
        sessions.init();
        return sessions;
    }
}
