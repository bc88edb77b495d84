package cn.etax.identity.sso.application;

import cn.etax.identity.certificate.application.PlatformSigner;
import cn.etax.identity.shared.ServiceBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API-2, §9: assertions signed by a key that lives on the platform's token behind the certificate connector (an HSM
 * through PKCS#11, SoftHSM2 in tests, or the demo soft token) and is never exported: every signature is one
 * {@link PlatformSigner} call (pooled connection, login with the platform PIN, sign, logged out again).
 *
 * <ul>
 *   <li>{@code identity.sso.token.alias}: the key on the platform token ({@code identity.platform.signing.token},
 *       PIN {@code identity.platform.signing.pin}); default the platform key {@code identity.platform.signing.alias}.
 *       An EC P-256 key signs ES256 and an RSA key RS256 — both verifiable by MicroProfile JWT; an SM2 key signs
 *       {@value TokenSigningKey#SM2_ALGORITHM}, which is no registered JWS algorithm (domestic verifiers only).</li>
 *   <li>{@code identity.sso.token.previous-aliases}: comma-separated keys that signed before a rotation; their public
 *       keys stay in the JWKS so the assertions they signed verify until they expire. Rotation: put the new key on the
 *       token, set it as the alias and the old alias here; remove it once the assertion life has passed.</li>
 * </ul>
 * The {@code kid} is the certificate's SHA-256 thumbprint ({@code x5t#S256}); only public values are published.
 */
@ApplicationScoped
@Typed(TokenAssertionSigner.class)
public class TokenAssertionSigner implements AssertionSigner {

    private static final Logger LOG = Logger.getLogger(TokenAssertionSigner.class.getName());

    @Inject
    PlatformSigner platform;

    @Inject
    @ConfigProperty(name = "identity.sso.token.alias")
    Optional<String> alias;

    @Inject
    @ConfigProperty(name = "identity.platform.signing.alias")
    Optional<String> platformAlias;

    /** Comma-separated (Payara's config producer has no {@code Optional<List<String>>}). */
    @Inject
    @ConfigProperty(name = "identity.sso.token.previous-aliases")
    Optional<String> previousAliases;

    /** Public halves read from the token once per alias (certificate and JWK); the private key stays there. */
    private final Map<String, TokenSigningKey> keys = new LinkedHashMap<>();

    public TokenAssertionSigner() {
    }

    /** For tests and for use outside CDI. */
    public TokenAssertionSigner(PlatformSigner platform, String alias, List<String> previousAliases) {
        this.platform = platform;
        this.alias = Optional.ofNullable(alias);
        this.platformAlias = Optional.empty();
        this.previousAliases = Optional.ofNullable(previousAliases).map(list -> String.join(",", list));
    }

    @Override
    public SigningKey current() {
        return key(currentAlias());
    }

    @Override
    public List<JsonObject> publishedKeys() {
        List<JsonObject> published = new ArrayList<>();
        String current = currentAlias();
        for (String previous : previousAliases.orElse("").split(",")) {
            String name = previous.strip();
            if (!name.isEmpty() && !name.equals(current)) {
                try {
                    published.add(key(name).jwk());
                } catch (ServiceBusyException e) {
                    // a previous key already taken off the token must not take the current one out of the JWKS
                    LOG.log(Level.WARNING, "previous single-sign-on key {0} is not published: it cannot be read", name);
                }
            }
        }
        published.add(key(current).jwk());
        return published;
    }

    private String currentAlias() {
        return alias.map(String::strip).filter(a -> !a.isEmpty())
                .orElseGet(() -> platformAlias.map(String::strip).orElse(""));
    }

    private synchronized TokenSigningKey key(String keyAlias) {
        TokenSigningKey key = keys.get(keyAlias);
        if (key == null) {
            PlatformSigner.SigningKey certificate = platform.key(keyAlias);
            try {
                key = TokenSigningKey.of(keyAlias, certificate.certificate(), platform);
            } catch (IllegalStateException e) {
                // an operator's mistake (a key JWS cannot name): the same answer as a token that cannot sign
                LOG.log(Level.SEVERE, "the single-sign-on key cannot sign assertions: {0}", e.getMessage());
                throw new ServiceBusyException("PLATFORM_SIGNER_UNAVAILABLE");
            }
            keys.put(keyAlias, key);
        }
        return key;
    }
}
