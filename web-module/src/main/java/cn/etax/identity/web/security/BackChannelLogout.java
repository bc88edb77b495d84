package cn.etax.identity.web.security;

import cn.etax.identity.sso.application.AssertionIssuer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LOGIN-9, API-2: tells downstream applications that a login has ended, by OpenID Connect Back-Channel Logout 1.0 — a
 * {@code POST} of {@code logout_token=<signed JWT>} ({@code application/x-www-form-urlencoded}) to each address of
 * the login's audience: {@code identity.sso.backchannel-logout-uris} for persons' logins (the tax applications,
 * {@code identity.sso.audience}), {@code identity.sso.fee-payer-backchannel-logout-uris} for social-security fee
 * payers' (LOGIN-10, {@code identity.sso.fee-payer-audience}). The token is signed with the assertions' key (the JWKS
 * verifies it) and names the login's {@code sid} and {@code sub}. Each address gets one attempt within
 * {@code identity.sso.backchannel-logout-timeout-ms} (default 3000); an application that missed it still stops taking
 * the login's assertions when they expire ({@code identity.sso.assertion-seconds}). Delivery runs on the managed
 * executor; a logout waits for it, so that when the portal says "logged out" the applications know. The addresses are
 * checked when the application starts: a wrong one stops the deployment.
 */
@ApplicationScoped
public class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());

    @Inject
    @ConfigProperty(name = "identity.sso.backchannel-logout-timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Inject
    AssertionIssuer issuer;

    @Resource
    ManagedExecutorService executor;

    private List<URI> personAddresses = List.of();

    private List<URI> feePayerAddresses = List.of();

    private HttpClient http;

    @PostConstruct
    void start() {
        personAddresses = addresses("identity.sso.backchannel-logout-uris");
        feePayerAddresses = addresses("identity.sso.fee-payer-backchannel-logout-uris");
        if (!personAddresses.isEmpty() || !feePayerAddresses.isEmpty()) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofMillis(timeoutMs)).build();
        }
    }

    /** Created with the application, so that a wrong address stops the deployment instead of a logout. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "back-channel logout to " + personAddresses + " and " + feePayerAddresses);
    }

    private static List<URI> addresses(String key) {
        return ConfigProvider.getConfig().getOptionalValues(key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(a -> !a.isEmpty()).map(a -> address(key, a)).toList();
    }

    private static URI address(String key, String configured) {
        URI uri;
        try {
            uri = URI.create(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": not an address: " + configured, e);
        }
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalStateException(key + ": not an http(s) address: " + configured);
        }
        return uri;
    }

    /** Sends the logout of {@code login} to every configured address; completes when all have answered or failed. */
    public CompletableFuture<Void> loggedOut(LoginSession login) {
        List<URI> addresses = login.feePayer() ? feePayerAddresses : personAddresses;
        if (addresses.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.supplyAsync(() -> issuer.logoutToken(login.subject(), login.sid(),
                            login.feePayer()), executor)
                    .thenCompose(token -> CompletableFuture.allOf(addresses.stream().map(a -> post(a, token))
                            .toArray(CompletableFuture[]::new)))
                    .exceptionally(e -> {
                        LOG.log(Level.WARNING, "back-channel logout not sent: the logout token could not be signed", e);
                        return null;
                    });
        } catch (RejectedExecutionException e) {
            // the server is stopping: the applications see the assertions expire
            LOG.warning("back-channel logout not sent: the executor refused it (" + e.getMessage() + ")");
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<Void> post(URI address, String token) {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofMillis(timeoutMs))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token,
                        StandardCharsets.US_ASCII)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                LOG.warning("back-channel logout to " + address + " failed: " + failure);
            } else if (response.statusCode() / 100 != 2) {
                LOG.warning("back-channel logout to " + address + " answered " + response.statusCode());
            }
            return null;
        });
    }

    /** Waits for {@code delivery} at most the configured time (and a little for signing). */
    public void await(CompletableFuture<Void> delivery) {
        try {
            delivery.get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // logged where it failed; a late answer changes nothing here
        }
    }
}
