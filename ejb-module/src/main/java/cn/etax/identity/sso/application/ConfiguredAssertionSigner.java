package cn.etax.identity.sso.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * API-2: the {@link AssertionSigner} the issuer gets, chosen by {@code identity.sso.signer}: {@code memory} (default,
 * {@link RotatingKeySigner}) or {@code token} ({@link TokenAssertionSigner}, the key on the platform token behind the
 * certificate connector). Any other value stops the signer rather than silently falling back.
 */
@ApplicationScoped
public class ConfiguredAssertionSigner implements AssertionSigner {

    private static final Logger LOG = Logger.getLogger(ConfiguredAssertionSigner.class.getName());

    @Inject
    @ConfigProperty(name = "identity.sso.signer", defaultValue = "memory")
    String choice;

    @Inject
    Instance<RotatingKeySigner> memory;

    @Inject
    Instance<TokenAssertionSigner> token;

    private AssertionSigner chosen;

    @PostConstruct
    void choose() {
        chosen = switch (choice.strip().toLowerCase(Locale.ROOT)) {
            case "memory" -> memory.get();
            case "token" -> token.get();
            default -> throw new IllegalStateException("identity.sso.signer must be memory or token, not " + choice);
        };
        LOG.info(() -> "single-sign-on assertions are signed by the " + choice.strip() + " signer");
    }

    @Override
    public SigningKey current() {
        return chosen.current();
    }

    @Override
    public List<JsonObject> publishedKeys() {
        return chosen.publishedKeys();
    }
}
