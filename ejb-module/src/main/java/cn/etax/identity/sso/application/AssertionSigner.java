package cn.etax.identity.sso.application;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * API-2: where identity assertions get their signature and downstream applications their keys. The default is
 * {@link RotatingKeySigner} (RS256 or ES256, keys in memory, rotated); {@link TokenAssertionSigner} signs with a key on the
 * platform token behind the certificate connector (ES256, RS256 or SM2). {@link ConfiguredAssertionSigner} picks one
 * by {@code identity.sso.signer}; the implementations are typed to their own class so the issuer sees only that one.
 */
public interface AssertionSigner {

    /** The key to sign with now (rotating first when its time is up). */
    SigningKey current();

    /**
     * The public keys a verifier may meet, as JWK objects for the JWKS document: the previous key (assertions it
     * signed may still be alive), the current one and the next one (so a verifier's cached JWKS already knows it
     * when the rotation happens).
     */
    List<JsonObject> publishedKeys();
}
