package cn.etax.identity.earit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One REST client with its own cookie jar, talking to the EAR as the login page's script does. */
final class Browser {

    /** Demo person of the embedded data (README): 张三, level 4. */
    static final String ZHANG_SAN_ID = "11010519491231002X";
    static final String ZHANG_SAN_PHONE = "13800000001";
    static final String ZHANG_SAN_PASSWORD = "Demo@2026tax";

    private final EarServer server = EarServer.get();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    record Reply(int status, String body) {

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonStructure parse() {
            return Json.createReader(new StringReader(body)).read();
        }

        String string(String key) {
            return json().getString(key);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, JsonObject body) {
        return send("POST", path, body, Map.of());
    }

    Reply send(String method, String path, JsonObject body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Accept-Language", "zh-CN")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** LOGIN-1 by REST: slider (answered no sooner than a person drags), password, SMS code from the outbox. */
    Reply login(String account, String password, String phone) {
        Reply slider = post("/api/v1/login/slider", Json.createObjectBuilder().build());
        assertThat(slider.status()).as("slider %s", slider).isEqualTo(200);
        pause(350);
        Reply step = post("/api/v1/login/password", Json.createObjectBuilder().add("account", account)
                .add("password", password).add("sliderToken", slider.string("token"))
                .add("sliderPosition", slider.json().getInt("gapPosition")).build());
        assertThat(step.status()).as("password step %s", step).isEqualTo(200);
        String flow = step.string("flowToken");
        Reply sent = post("/api/v1/login/sms-code", Json.createObjectBuilder().add("flowToken", flow).build());
        assertThat(sent.status()).as("SMS code sent %s", sent).isEqualTo(204);
        Reply code = get("/api/sim/sms/latest-code?phone=" + phone);
        assertThat(code.status()).as("SMS outbox %s", code).isEqualTo(200);
        return post("/api/v1/login/sms", Json.createObjectBuilder().add("flowToken", flow)
                .add("code", code.string("code")).build());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
