package cn.etax.identity.sso.application;

import java.io.Serializable;
import java.time.Instant;

/** API-2: a signed identity assertion (compact JWS) and when it stops being accepted. */
public record Assertion(String token, String keyId, Instant issuedAt, Instant expiresAt) implements Serializable {

    @Override
    public String toString() {
        return "Assertion[keyId=" + keyId + ", expiresAt=" + expiresAt + "]";
    }
}
