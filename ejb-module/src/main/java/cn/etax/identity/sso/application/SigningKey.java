package cn.etax.identity.sso.application;

/** API-2: the key that signs assertions now — its JWS {@code alg} and {@code kid}, and the signature operation. */
public interface SigningKey {

    String keyId();

    /** JWS algorithm name, e.g. RS256, ES256 (an SM2 signer names its own). */
    String algorithm();

    /** The signature over the JWS signing input, in the JWS encoding of the algorithm (before Base64url). */
    byte[] sign(byte[] signingInput);
}
