package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.TokenCertificate;
import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.shared.ServiceBusyException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's own signature (API-2 single-sign-on assertions, §9): the key stays on its token — an HSM through
 * PKCS#11 or, in the demo, the SM2 soft token {@code platform} — and signatures go through a few sessions logged in
 * with the configured PIN and kept ({@link PlatformSessions}); reading a certificate needs no login and uses a pooled
 * connection for the moment. A PIN the token refused is not presented again ({@link PlatformPinGuard}), so a wrong
 * configuration cannot lock the key. Configured by
 * {@code identity.platform.signing.token}, {@code .alias} and {@code .pin} (a secret: environment variable {@code IDENTITY_PLATFORM_SIGNING_PIN}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformSigner {

    private static final Logger LOG = Logger.getLogger(PlatformSigner.class.getName());

    @Resource(lookup = CertificateService.TOKENS)
    TokenConnectionFactory tokens;

    @EJB
    PlatformSessions sessions;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.alias")
    Optional<String> alias;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.pin")
    Optional<String> pin;

    /** The key to publish: {@code SM2}, {@code RSA} or {@code ECDSA}, and its certificate (DER). */
    public record SigningKey(String algorithm, byte[] certificate) implements Serializable {
    }

    public SigningKey key() {
        return key(alias());
    }

    /**
     * The certificate of another key on the platform token, e.g. the single-sign-on assertion key or an earlier key
     * still published while assertions it signed are alive. Reading it needs no PIN; nothing private leaves the token.
     */
    public SigningKey key(String keyAlias) {
        try (TokenConnection connection = tokens.getConnection(configuredToken())) {
            TokenCertificate certificate = certificate(connection, keyAlias);
            return new SigningKey(Certificates.holder(certificate.certificate()).algorithm(), certificate.certificate().encoded());
        } catch (TokenException e) {
            throw unavailable(e);
        }
    }

    /**
     * Signs with the platform key.
     *
     * @param algorithm a JCA name ({@code SM3withSM2}, {@code SHA256withRSA}, {@code SHA256withECDSAinP1363Format} for
     *                  JWS ES256), or {@code null} for the key's default
     */
    public byte[] sign(byte[] data, String algorithm) {
        return sign(alias(), data, algorithm);
    }

    /**
     * Signs with another key of the platform token (same token and PIN), e.g. the single-sign-on assertion key, on one
     * of the platform's kept signing sessions ({@link PlatformSessions}).
     */
    public byte[] sign(String keyAlias, byte[] data, String algorithm) {
        char[] secret = pin.orElse("").strip().toCharArray();
        try {
            return sessions.sign(configuredToken(), secret, keyAlias, algorithm, data);
        } catch (TokenException e) {
            throw unavailable(e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private String configuredToken() {
        if (token.orElse("").isBlank() || alias().isEmpty()) {
            LOG.severe("identity.platform.signing.token and identity.platform.signing.alias are not configured");
            throw new ServiceBusyException("PLATFORM_SIGNER_UNAVAILABLE");
        }
        return token.orElseThrow().strip();
    }

    private String alias() {
        return alias.orElse("").strip();
    }

    private static TokenCertificate certificate(TokenConnection connection, String keyAlias) throws TokenException {
        return connection.certificates().stream().filter(c -> c.alias().equals(keyAlias)).findFirst()
                .orElseThrow(() -> new TokenException("no key " + keyAlias + " on token " + connection.token()));
    }

    /** Not the caller's fault: an operator must fix the token, its PIN or the configuration. Never logs the PIN. */
    private static ServiceBusyException unavailable(TokenException e) {
        LOG.log(Level.SEVERE, "the platform signing key cannot be used: {0}", e.toString());
        return new ServiceBusyException("PLATFORM_SIGNER_UNAVAILABLE");
    }
}
