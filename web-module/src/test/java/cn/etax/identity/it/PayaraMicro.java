package cn.etax.identity.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application under test: Payara Micro in a child JVM with the self-contained WAR on PostgreSQL, simulators
 * and demo data on, listening on 127.0.0.1 only. Output goes to {@code target/it/micro.log}.
 */
final class PayaraMicro {

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);

    /** LOGIN-11: the transition's last day in the test server (identity.transition.legacy-entry-last-day). */
    static final java.time.LocalDate LEGACY_LAST_DAY = java.time.LocalDate.now().plusYears(20);

    /** The core tax system's shared secret for API-3 in the test server (identity.sync.token). */
    static final String SYNC_TOKEN = "it-sync-token-7f3c9a2e";

    /** A downstream tax application's site whose pages may read the API with the session (identity.allowed-origins). */
    static final String DOWNSTREAM_ORIGIN = "http://downstream.example:8095";

    /** The tax apps' back ends' shared secret in the test server (identity.apps.token, §11). */
    static final String APPS_TOKEN = "it-apps-token-41d0b6c8";

    /** §8: the first clerk administrator from the configuration (identity.clerk.admin.*) and his initial password. */
    static final String FIRST_ADMIN = "itadmin0";
    static final String FIRST_ADMIN_PASSWORD = "First@2026adm";
    static final String FIRST_ADMIN_PHONE = "13900000099";

    /** API-2: the assertion life in the test server, short so that expiry can be watched (identity.sso.assertion-seconds). */
    static final int ASSERTION_SECONDS = 4;

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private PayaraMicro(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    static PayaraMicro start(ItSettings settings) {
        try {
            Files.createDirectories(settings.workDir());
            Path preBoot = settings.preBoot();
            int port = freeLoopbackPort();
            // the certificate connector's tokens, CA and PIN counters start afresh with the database
            Path certificates = settings.workDir().resolve("certificates");
            deleteTree(certificates);
            Path log = settings.workDir().resolve("micro.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Didentity.simulators.enabled=true",
                    "-Didentity.demo.enabled=true",
                    "-Didentity.sync.token=" + SYNC_TOKEN,
                    "-Didentity.apps.token=" + APPS_TOKEN,
                    "-Didentity.allowed-origins=" + DOWNSTREAM_ORIGIN,
                    "-Didentity.clerk.admin.username=" + FIRST_ADMIN,
                    "-Didentity.clerk.admin.name=首任管理员",
                    "-Didentity.clerk.admin.password=" + FIRST_ADMIN_PASSWORD,
                    "-Didentity.clerk.admin.phone=" + FIRST_ADMIN_PHONE,
                    "-Didentity.clerk.admin.office-code=13600000000",
                    "-Didentity.clerk.admin.office-name=国家税务总局江西省税务局",
                    // LOGIN-11: the old entry open for the whole run (tests move the business clock forward by days)
                    "-Didentity.transition.legacy-entry-last-day=" + LEGACY_LAST_DAY,
                    "-Djava.io.tmpdir=" + settings.workDir().resolve("tmp"),
                    "-Didentity.certificates.dir=" + certificates,
                    // the demo tax CA's platform key (demo PIN; production takes it from IDENTITY_PLATFORM_SIGNING_PIN)
                    "-Didentity.platform.signing.token=platform",
                    "-Didentity.platform.signing.alias=sm2",
                    "-Didentity.platform.signing.pin=12345678",
                    "-jar", settings.microJar().toString(),
                    // --nohazelcast rather than --nocluster: with --nocluster the data grid still listens on
                    // *:6900+ (--interfaces and --hzconfigfile do not change that); a single test node needs none
                    "--nohazelcast",
                    "--port", Integer.toString(port),
                    "--prebootcommandfile", preBoot.toString(),
                    "--addlibs", settings.postgresqlJar().toString(),
                    "--postbootcommandfile", settings.postBoot().toString(),
                    // the RAR before the WAR: the WAR's connection factory names the adapter
                    "--deploy", settings.rar().toString(),
                    "--deploy", settings.war() + ":/"));
            Path downstream = ItSettings.downstreamWar();
            if (downstream != null && Files.exists(downstream)) {
                // API-2: a downstream tax application on the same server, trusting the JWKS of this test server and
                // told of logouts (LOGIN-9)
                command.addAll(command.indexOf("-jar"), List.of(
                        "-Didentity.sso.assertion-seconds=" + ASSERTION_SECONDS,
                        "-Dmp.jwt.verify.publickey.location=http://127.0.0.1:" + port + "/api/v1/sso/jwks",
                        "-Didentity.sso.backchannel-logout-uris=http://127.0.0.1:" + port
                                + "/downstream/api/backchannel-logout",
                        "-Didentity.sso.fee-payer-backchannel-logout-uris=http://127.0.0.1:" + port
                                + "/downstream/api/backchannel-logout"));
                command.addAll(List.of("--deploy", downstream + ":/downstream"));
            }
            if (ItSettings.memoryEs256()) {
                // API-2: in-memory ES256 keys; the downstream demo's MicroProfile JWT is told to expect ES256
                command.addAll(command.indexOf("-jar"), List.of("-Didentity.sso.memory.algorithm=ES256",
                        "-Dmp.jwt.verify.publickey.algorithm=ES256"));
            }
            if (ItSettings.tokenSigner()) {
                // API-2, §9: assertions signed ES256 by an EC P-256 key on the demo platform token (never exported),
                // as just after a rotation (the previous key still in the JWKS);
                // the downstream demo's MicroProfile JWT is told to expect ES256
                command.addAll(command.indexOf("-jar"), List.of(
                        "-Didentity.sso.signer=token",
                        "-Didentity.sso.token.alias=" + ItSettings.TOKEN_SIGNER_ALIAS,
                        "-Didentity.sso.token.previous-aliases=" + ItSettings.TOKEN_SIGNER_PREVIOUS_ALIAS,
                        "-Dmp.jwt.verify.publickey.algorithm=ES256"));
            }
            Files.createDirectories(settings.workDir().resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            ItSettings.Database db = settings.db();
            Map<String, String> env = builder.environment();
            env.put("IDENTITY_DB_HOST", db.host());
            env.put("IDENTITY_DB_PORT", Integer.toString(db.port()));
            env.put("IDENTITY_DB_NAME", db.name());
            env.put("IDENTITY_DB_USER", db.user());
            env.put("IDENTITY_DB_PASSWORD", db.password());
            PayaraMicro micro = new PayaraMicro(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            micro.awaitHealthy();
            return micro;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return baseUri;
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ready means /health says UP and includes the database check (migrations finished). */
    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + tail());
            }
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                // the application's own database check must be there: with the RAR deployed first, /health already
                // answers UP (no checks) while the WAR is still deploying
                if (r.statusCode() == 200 && r.body().contains("\"UP\"") && r.body().contains("\"database\"")) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        stop();
        throw new IllegalStateException("Payara Micro not healthy within " + BOOT_TIMEOUT.toSeconds() + " s (last: "
                + last + ")" + tail());
    }

    /** Polling interval while the server boots (no business clock exists yet). */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            // lenient decoding: a log tail must never fail on a stray byte
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "\n(cannot read " + log + ": " + e + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
