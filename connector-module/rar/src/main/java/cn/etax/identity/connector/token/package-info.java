/**
 * The certificate hardware itself, in plain Java (no Jakarta Connectors type): tokens reached through PKCS#11
 * ({@link cn.etax.identity.connector.token.Pkcs11Token}: SunPKCS11 for keys and signatures, the IAIK/xipki wrapper for
 * {@code C_SetPIN}, which SunPKCS11 lacks) and the Bouncy Castle soft token for SM2 keys and for machines without a
 * PKCS#11 module ({@link cn.etax.identity.connector.token.SoftToken}); the PIN retry counter that locks a token after
 * the configured number of wrong PINs ({@link cn.etax.identity.connector.token.PinAttempts} — SoftHSM2 never locks,
 * and the counter must survive a restart, so it lives in a file next to the tokens, as a UKey keeps it on the chip);
 * signature verification and chain validation against the tax CA roots with Bouncy Castle (the JDK cannot parse SM2
 * certificates). The outbound package wraps this in pooled managed connections.
 */
package cn.etax.identity.connector.token;
