package cn.etax.identity.authentication.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * LOGIN-6 step 1: the flow token and the bytes the certificate's key must sign — a one-time challenge of 256 random
 * bits, bound to this flow and to the platform's login (a signature made for anything else never matches it), to be
 * signed before {@code expiresAt}.
 */
public record CertificateChallenge(String flowToken, byte[] data, Instant expiresAt) implements Serializable {
}
