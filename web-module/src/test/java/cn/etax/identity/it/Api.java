package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulated browser: its own cookie jar, talking to the REST API as the login page's script does. Redirects
 * are not followed, so a test sees a 302 to the login page as such.
 */
public final class Api {

    public static final String SESSION_COOKIE = "ETAXSESSION";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies)
            .build();

    private Api() {
    }

    public static Api browser() {
        return new Api();
    }

    // ---- plain HTTP -------------------------------------------------------------------------------------------

    public Reply get(String path) {
        return join(getAsync(path, null));
    }

    /** A GET that carries a given session cookie, as a copied cookie or a stale tab would. */
    public Reply getWithSession(String path, String sessionId) {
        return join(getAsync(path, sessionId));
    }

    public Reply post(String path, JsonObject body) {
        return join(postAsync(path, body));
    }

    public CompletableFuture<Reply> postAsync(String path, JsonObject body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return send(request);
    }

    /**
     * Any method, with an optional JSON body and extra headers: the account center's PUT and DELETE calls (a DELETE
     * carries its proof in headers, X-Flow-Token and X-SMS-Code).
     */
    public Reply send(String method, String path, JsonObject body, Map<String, String> extraHeaders) {
        return join(sendAsync(method, path, body, extraHeaders));
    }

    /** {@link #send} without waiting: two tabs racing on one record. */
    public CompletableFuture<Reply> sendAsync(String method, String path, JsonObject body,
                                              Map<String, String> extraHeaders) {
        HttpRequest.Builder builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        extraHeaders.forEach(builder::setHeader);
        return send(builder.build());
    }

    /** A request with a body of any type, as an HTML form on another site would send it. */
    public Reply sendRaw(String method, String path, String contentType, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body,
                StandardCharsets.UTF_8)).header("Content-Type", contentType);
        extraHeaders.forEach(builder::setHeader);
        return join(send(builder.build()));
    }

    /** A JSON body sent in chunks, without a Content-Length, as a streaming client sends it. */
    public Reply sendChunked(String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(bytes))).header("Content-Type", "application/json");
        return join(send(builder.build()));
    }

    private CompletableFuture<Reply> getAsync(String path, String sessionId) {
        HttpRequest.Builder builder = request(path).GET();
        if (sessionId != null) {
            builder.header("Cookie", SESSION_COOKIE + "=" + sessionId);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(App.uri(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    }

    private CompletableFuture<Reply> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
    }

    private static Reply join(CompletableFuture<Reply> reply) {
        try {
            return reply.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** The session id this browser holds, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(HttpCookie::getValue).findFirst();
    }

    // ---- the login steps ----------------------------------------------------------------------------------------

    /** A slider challenge; {@link Slider#awaitHumanTime()} before answering it. */
    public Slider slider() {
        Reply r = post("/api/v1/login/slider", Json.createObjectBuilder().build());
        assertThat(r.status()).as("slider challenge %s", r).isEqualTo(200);
        return new Slider(r.string("token"), r.json().getInt("gapPosition"), System.nanoTime());
    }

    /** Step 1 with the slider dragged onto the gap, as a person does. */
    public Reply passwordStep(String account, String password) {
        Slider slider = slider();
        slider.awaitHumanTime();
        return passwordStep(account, password, slider, slider.gap());
    }

    public Reply passwordStep(String account, String password, Slider slider, int position) {
        return join(passwordStepAsync(account, password, slider, position));
    }

    public CompletableFuture<Reply> passwordStepAsync(String account, String password, Slider slider, int position) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("account", account).add("password", password)
                .add("sliderToken", slider.token()).add("sliderPosition", position);
        return postAsync("/api/v1/login/password", body.build());
    }

    public Reply sendCode(String flowToken) {
        return join(sendCodeAsync(flowToken));
    }

    public CompletableFuture<Reply> sendCodeAsync(String flowToken) {
        return postAsync("/api/v1/login/sms-code", Json.createObjectBuilder().add("flowToken", flowToken).build());
    }

    public Reply smsStep(String flowToken, String code) {
        return post("/api/v1/login/sms", Json.createObjectBuilder().add("flowToken", flowToken).add("code", code).build());
    }

    /** Password step accepted; answers the flow token. */
    public String startLogin(String account, String password) {
        Reply r = passwordStep(account, password);
        assertThat(r.status()).as("password step for %s: %s", account, r).isEqualTo(200);
        return r.string("flowToken");
    }

    /** Password step, SMS code sent and read from the simulator's outbox: answers {flowToken, code}. */
    public CodedFlow startLoginWithCode(String account, String password, String phone) {
        String flow = startLogin(account, password);
        Reply sent = sendCode(flow);
        assertThat(sent.status()).as("send SMS code: %s", sent).isEqualTo(204);
        return new CodedFlow(flow, Sim.latestCode(phone));
    }

    /** The whole two-factor login (RULE-2FA) by SMS code; answers the last step's reply (status LOGGED_IN etc.). */
    public Reply login(String account, String password, String phone) {
        CodedFlow flow = startLoginWithCode(account, password, phone);
        Reply done = smsStep(flow.flowToken(), flow.code());
        assertThat(done.status()).as("SMS step: %s", done).isEqualTo(200);
        return done;
    }

    /** Logs the person in by phone number. */
    public Reply login(TestPerson person) {
        return login(person.phone(), person.password(), person.phone());
    }

    public Reply logout() {
        return post("/api/v1/login/logout", Json.createObjectBuilder().build());
    }

    public record CodedFlow(String flowToken, String code) {
    }

    /** A slider challenge as the page shows it: the token and where the gap is. */
    public record Slider(String token, int gap, long issuedNanos) {

        /** The server refuses answers given faster than a person can drag (300 ms): this is a real boundary. */
        public void awaitHumanTime() {
            long waitMillis = 320 - (System.nanoTime() - issuedNanos) / 1_000_000L;
            if (waitMillis > 0) {
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** A position well away from the gap (tolerance is a few percent of the track). */
        public int wrongPosition() {
            return gap > 50 ? gap - 40 : gap + 40;
        }
    }
}
