package cn.etax.identity.sso.application;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * API-2: where identity assertions get their signature and downstream applications their keys. The default is
 * {@link RotatingRsaSigner} (RS256, keys in memory, rotated); an SM2 signer in a hardware security module (the
 * certificate connector) replaces it as a CDI alternative of higher priority without touching the issuer.
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
