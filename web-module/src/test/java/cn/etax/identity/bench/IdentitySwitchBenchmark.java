package cn.etax.identity.bench;

import cn.etax.identity.shared.CreditCode;
import cn.etax.identity.shared.Gb11643;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ENT-9 identity switch benchmark: N logged-in enterprise sessions (each person legal representative of two
 * taxpayers) switch back and forth between their two identities concurrently; prints p50/p99 latency of
 * {@code POST /api/v1/me/identity/switch} and the SQL statements per switch (the simulators' statement counter).
 * Then, in the same run, the same sessions with the same pauses switch and at once ask for the new identity's
 * assertion ({@code GET /api/v1/me/assertion}, which signs it: what a downstream application opened right after
 * each switch costs), and finally read their current identity
 * ({@code GET /api/v1/me/identity}: the same connection, filters, JAX-RS and session look-up, but no EJB, SQL or
 * signature) — the latency this server and machine add to any request, against which the switch's own share shows.
 * Asserts nothing.
 *
 * <pre>./mvnw -Prun -DskipTests -Didentity.throttle.exempt=127.0.0.1 -Didentity.sync.token=bench-sync package
 * ./mvnw -q -Pbench-switch -DskipTests package -pl web-module -am -Dbench.clients=100 -Dbench.seconds=30</pre>
 *
 * Arguments: base URL, sessions, seconds of measurement, seconds of warm-up, sync token, mean think time (ms)
 * between one session's switches (0: back to back, the server saturated; otherwise random pauses of that mean, each
 * session starting at a random moment, so the offered rate is about sessions ÷ think time).
 */
public final class IdentitySwitchBenchmark {

    private static final String PASSWORD = "Bench@2026tax";
    private static final String COOKIE = "ETAXSESSION";
    private static final AtomicLong REFUSALS_SHOWN = new AtomicLong();

    private final String base;
    private final String syncToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private IdentitySwitchBenchmark(String base, String syncToken) {
        this.base = base;
        this.syncToken = syncToken;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String token = args.length > 4 ? args[4] : System.getProperty("bench.syncToken", "bench-sync");
        int thinkMs = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        new IdentitySwitchBenchmark(base, token).run(sessions, seconds, warmup, thinkMs);
    }

    /** One logged-in browser — its session cookie on a kept-alive connection — and its two identities. */
    private record Session(KeepAliveClient browser, long[] grants) {
    }

    private void run(int sessions, int seconds, int warmup, int thinkMs) throws Exception {
        System.out.printf("identity switch benchmark against %s: %d sessions, %d s, think %d ms, %d cores%n", base,
                sessions, seconds, thinkMs, Runtime.getRuntime().availableProcessors());
        List<Session> logged = prepare(sessions);
        System.out.println("warm-up " + warmup + " s ...");
        measure(logged, warmup, thinkMs, IdentitySwitchBenchmark::switchOnce);
        long before = statements();
        long cpuBefore = serverCpuNanos();
        Result r = measure(logged, seconds, thinkMs, IdentitySwitchBenchmark::switchOnce);
        long cpuAfter = serverCpuNanos();
        long after = statements();
        long followedBefore = serverCpuNanos();
        Result followed = measure(logged, Math.max(10, seconds / 2), thinkMs, (s, next) -> {
            int after2 = switchOnce(s, next);
            return after2 >= 0 && s.browser().get("/api/v1/me/assertion").status() == 200 ? after2 : -1;
        });
        long followedAfter = serverCpuNanos();
        long referenceBefore = serverCpuNanos();
        Result reference = measure(logged, Math.max(10, seconds / 2), thinkMs,
                (s, next) -> s.browser().get("/api/v1/me/identity").status() == 200 ? next : -1);
        long referenceAfter = serverCpuNanos();
        // the two statement-count requests themselves execute none
        System.out.printf("%nRESULT identity switches: %d in %.1f s = %.1f switches/s, %d failed%n", r.samples.size(),
                r.seconds, r.samples.size() / r.seconds, r.failures);
        System.out.printf("RESULT switch latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 ≤ 10 ms)%n", r.p(50),
                r.p(99), r.p(100));
        System.out.printf("RESULT SQL statements per switch: %.2f (%d statements; goal ≤ 3)%n",
                r.samples.isEmpty() ? 0.0 : (double) (after - before) / r.samples.size(), after - before);
        System.out.printf("RESULT server CPU per switch: %.2f ms (all of the server's threads over the window, "
                + "divided by the switches)%n", msPer(cpuBefore, cpuAfter, r));
        System.out.printf("RESULT switch followed at once by GET /api/v1/me/assertion (a downstream application "
                + "opened right after each switch; the assertion is signed then): %.1f pairs/s, p50 %.2f ms, p99 %.2f "
                + "ms, max %.2f ms, server CPU %.2f ms per pair%n", followed.samples.size() / followed.seconds,
                followed.p(50), followed.p(99), followed.p(100),
                msPer(followedBefore, followedAfter, followed));
        System.out.printf("RESULT reference GET /api/v1/me/identity, same sessions and pauses (no EJB, SQL or "
                + "signature): %.1f requests/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, server CPU %.2f ms per "
                + "request%n",
                reference.samples.size() / reference.seconds, reference.p(50), reference.p(99), reference.p(100),
                msPer(referenceBefore, referenceAfter, reference));
    }

    /** One request of a session; answers the index of the session's next grant, or -1 when refused. */
    @FunctionalInterface
    private interface Step {
        int run(Session session, int next) throws Exception;
    }

    private static int switchOnce(Session s, int next) throws Exception {
        String body = "{\"kind\":\"ENTERPRISE\",\"grantId\":" + s.grants()[next] + "}";
        KeepAliveClient.Response r = s.browser().post("/api/v1/me/identity/switch", body);
        if (r.status() != 200) {
            if (REFUSALS_SHOWN.incrementAndGet() <= 3) {
                System.out.println("switch refused: " + r.status() + " " + r.body());
            }
            return -1;
        }
        return 1 - next;
    }

    private List<Session> prepare(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Session> result = Collections.synchronizedList(new ArrayList<>());
        long salt = System.currentTimeMillis() / 1000 % 100000;
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    result.add(session(salt, n));
                } catch (Exception e) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("session not prepared: " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(20, TimeUnit.MINUTES);
        System.out.printf("prepared %d sessions (%d failed)%n", result.size(), failures.get());
        if (result.isEmpty()) {
            throw new IllegalStateException("no sessions: simulators on and identity.sync.token=" + syncToken + " at "
                    + base + "?");
        }
        return new ArrayList<>(result);
    }

    /** A person, legal representative of two new taxpayers, logged in through the enterprise entry of the first. */
    private Session session(long salt, int n) throws Exception {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((salt * 11 + n) % 15000);
        String first17 = String.format("110101%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), (salt * 3 + n * 17) % 1000);
        String id = first17 + Gb11643.checkCharacter(first17);
        String phone = String.format("136%08d", (salt * 1000 + n) % 100_000_000);
        String name = "切换压测" + n;
        expect(post(http, "/api/sim/persons", Json.createObjectBuilder().add("name", name)
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", id).add("phone", phone).add("password", PASSWORD)
                .add("migrated", false).build().toString(), null), 200);
        String a = register(name, id);
        register(name, id);

        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
        JsonObject slider = json(post(browser, "/api/v1/login/slider", "{}", null));
        Thread.sleep(320);
        JsonObject started = json(post(browser, "/api/v1/login/enterprise/password", Json.createObjectBuilder()
                .add("creditCode", a).add("account", phone).add("password", PASSWORD)
                .add("sliderToken", slider.getString("token")).add("sliderPosition", slider.getInt("gapPosition"))
                .build().toString(), null));
        String flow = Json.createObjectBuilder().add("flowToken", started.getString("flowToken")).build().toString();
        expect(post(browser, "/api/v1/login/sms-code", flow, null), 204);
        String code = json(get(browser, "/api/sim/sms/latest-code?phone=" + phone)).getString("code");
        JsonObject done = json(post(browser, "/api/v1/login/sms", Json.createObjectBuilder()
                .add("flowToken", started.getString("flowToken")).add("code", code).build().toString(), null));
        if (!"LOGGED_IN".equals(done.getString("status"))) {
            throw new IllegalStateException("not logged in: " + done);
        }
        HttpResponse<String> list = get(browser, "/api/v1/me/identities");
        expect(list, 200);
        JsonArray identities = Json.createReader(new StringReader(list.body())).readArray();
        long[] grants = identities.stream().map(JsonValue::asJsonObject)
                .filter(o -> "ENTERPRISE".equals(o.getString("kind")))
                .mapToLong(o -> o.getJsonNumber("grantId").longValue()).toArray();
        if (grants.length != 2) {
            throw new IllegalStateException("expected two identities: " + list.body());
        }
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(COOKIE))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie")).getValue();
        return new Session(new KeepAliveClient(URI.create(base), COOKIE, session), grants);
    }

    private String register(String name, String id) throws Exception {
        String first17 = "91360100" + randomChars(9);
        String code = first17 + CreditCode.checkCharacter(first17);
        String at = Instant.now().toString();
        JsonObject person = Json.createObjectBuilder().add("name", name).add("idType", "RESIDENT_ID_CARD")
                .add("idNumber", id).build();
        JsonObject message = Json.createObjectBuilder().add("messageId", "bench-" + code).add("creditCode", code)
                .add("name", "压测企业" + code.substring(10)).add("kind", "ORDINARY")
                .add("taxAuthorityCode", "13601000000").add("taxAuthorityName", "国家税务总局南昌市税务局")
                .add("provinceCode", "36").add("provinceName", "江西省").add("registrationType", "有限责任公司")
                .add("industry", "软件和信息技术服务业").add("vatQualification", "SMALL_SCALE")
                .add("registeredOn", at.substring(0, 10)).add("occurredAt", at).add("legalRepresentative", person)
                .add("investors", Json.createArrayBuilder()).build();
        expect(post(http, "/api/v1/sync/taxpayer-registrations", message.toString(), syncToken), 200);
        return code;
    }

    private static String randomChars(int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private Result measure(List<Session> sessions, int seconds, int thinkMs, Step step) throws Exception {
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        long start = System.nanoTime();
        for (Session s : sessions) {
            pool.submit(() -> {
                int next = 1; // the login chose the first taxpayer
                // sessions start spread over one think time and pause a random (exponential) time between requests,
                // so 100 sessions arrive as independent users do, not in waves that start together
                pause(thinkMs, true);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        int after = step.run(s, next);
                        long took = System.nanoTime() - t0;
                        if (after >= 0) {
                            samples.add(took);
                            next = after;
                        } else {
                            failures.incrementAndGet();
                        }
                        pause(thinkMs, false);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.out.println("request failed: " + e);
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        return new Result(new ArrayList<>(samples), (System.nanoTime() - start) / 1e9, failures.get());
    }

    /** A uniform offset in [0, mean) before the first switch, then exponentially distributed pauses of that mean. */
    private static void pause(int meanMs, boolean first) throws InterruptedException {
        if (meanMs <= 0) {
            return;
        }
        double u = ThreadLocalRandom.current().nextDouble();
        long ms = first ? (long) (u * meanMs) : (long) Math.min(10.0 * meanMs, -Math.log(1 - u) * meanMs);
        Thread.sleep(ms);
    }

    /** Server CPU milliseconds per counted request between two readings; NaN when not measurable. */
    private static double msPer(long cpuBefore, long cpuAfter, Result result) {
        return cpuBefore < 0 || cpuAfter < 0 || result.samples.isEmpty() ? Double.NaN
                : (cpuAfter - cpuBefore) / 1e6 / result.samples.size();
    }

    /** The server's process CPU time ({@code GET /api/sim/cpu}); -1 where the platform does not tell. */
    private long serverCpuNanos() throws Exception {
        return json(get(http, "/api/sim/cpu")).getJsonNumber("processCpuNanos").longValue();
    }

    private long statements() throws Exception {
        return json(get(http, "/api/sim/sql-statements")).getJsonNumber("count").longValue();
    }

    private HttpResponse<String> post(HttpClient client, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Sync-Token", token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri().getPath() + " -> " + response.statusCode() + " "
                    + response.body());
        }
    }

    private record Result(List<Long> samples, double seconds, long failures) {

        double p(int percentile) {
            if (samples.isEmpty()) {
                return 0;
            }
            List<Long> values = new ArrayList<>(samples);
            Collections.sort(values);
            int index = Math.min(values.size() - 1, (int) Math.ceil(percentile / 100.0 * values.size()) - 1);
            return values.get(Math.max(0, index)) / 1e6;
        }
    }
}
