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
        signer.pins = new PlatformPinGuard();
        signer.token = Optional.ofNullable(token);
        signer.alias = Optional.ofNullable(alias);
        signer.pin = Optional.ofNullable(pin);
        return signer;
    }
}
