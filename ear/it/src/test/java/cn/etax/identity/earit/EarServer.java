package cn.etax.identity.earit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The EAR on Payara Server, set up once per test run by {@code etax-server.sh setup} exactly as government IT would
 * (domain on loopback with free ports, JDBC pool, system properties, integrator user, deploy) on a freshly created
 * PostgreSQL database, and stopped by {@link EarServerListener} when the run ends. Output: {@code
 * target/ear-it/setup.log}, server log under {@code target/ear-it/domains/etax/logs}.
 */
final class EarServer {

    /** The integrator the script creates in the file realm (group integrators, role INTEGRATOR). */
    static final String INTEGRATOR = "it-integrator";
    static final String INTEGRATOR_PASSWORD = "It-Integrator#2026";
    /** identity.sync.token of the server under test (API-3), read from the environment of the domain. */
    static final String SYNC_TOKEN = "ear-it-sync-token-5d1e";

    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(420);
    private static final Pattern PORTS = Pattern.compile("admin=(\\d+) http=(\\d+) https=(\\d+) iiop=(\\d+)");
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static EarServer running;
    private static RuntimeException setupFailure;

    private final URI http;
    private final int iiopPort;

    private EarServer(URI http, int iiopPort) {
        this.http = http;
        this.iiopPort = iiopPort;
    }

    static synchronized EarServer get() {
        if (running != null) {
            return running;
        }
        if (setupFailure != null) {
            throw new IllegalStateException("Payara Server did not come up earlier in this run", setupFailure);
        }
        try {
            long started = System.nanoTime();
            Files.createDirectories(workDir());
            deleteTree(domainDir());
            recreateDatabase();
            String out = script(SETUP_TIMEOUT, "setup", property("ear.it.ear"));
            Matcher ports = PORTS.matcher(out);
            if (!ports.find()) {
                throw new IllegalStateException("etax-server.sh setup printed no ports:\n" + out);
            }
            running = new EarServer(URI.create("http://127.0.0.1:" + ports.group(2)),
                    Integer.parseInt(ports.group(4)));
            Runtime.getRuntime().addShutdownHook(new Thread(EarServer::stop, "ear-it-payara-server-stop"));
            running.awaitHealthy();
            System.out.printf("ear-it: Payara Server with the EAR healthy at %s (IIOP %d) after %d s%n", running.http,
                    running.iiopPort, (System.nanoTime() - started) / 1_000_000_000L);
            return running;
        } catch (IOException e) {
            setupFailure = new UncheckedIOException(e);
            throw setupFailure;
        } catch (RuntimeException e) {
            setupFailure = e;
            throw e;
        }
    }

    URI uri(String path) {
        return http.resolve(path);
    }

    int iiopPort() {
        return iiopPort;
    }

    static synchronized void stop() {
        if (running != null) {
            running = null;
            stopDomain();
        }
    }

    private static void stopDomain() {
        try {
            script(Duration.ofSeconds(180), "stop");
        } catch (RuntimeException e) {
            System.out.println("ear-it: stopping Payara Server failed: " + e.getMessage());
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
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
        throw new IllegalStateException("the EAR did not report healthy within 60 s after deployment: " + last);
    }

    /** Runs the script with the domain in target/ and the test database; answers its output, fails on exit != 0. */
    private static String script(Duration timeout, String... args) {
        Path log = workDir().resolve("setup.log");
        ItDatabase db = ItDatabase.fromEnvironment();
        try {
            ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", property("ear.it.script")),
                    Stream.of(args)).toList()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("PAYARA_HOME", property("ear.it.payaraHome"));
            env.put("ETAX_DOMAIN_DIR", domainDir().getParent().toString());
            env.put("ETAX_DOMAIN", "etax");
            env.put("IDENTITY_DB_HOST", db.host());
            env.put("IDENTITY_DB_PORT", Integer.toString(db.port()));
            env.put("IDENTITY_DB_NAME", db.name());
            env.put("IDENTITY_DB_USER", db.user());
            env.put("IDENTITY_DB_PASSWORD", db.password());
            env.put("ETAX_INTEGRATOR_USER", INTEGRATOR);
            env.put("ETAX_INTEGRATOR_PASSWORD", INTEGRATOR_PASSWORD);
            env.put("ETAX_SYSTEM_PROPERTIES", "identity.simulators.enabled=true:identity.demo.enabled=true");
            env.put("IDENTITY_SYNC_TOKEN", SYNC_TOKEN);
            Process p = builder.start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("etax-server.sh " + String.join(" ", args) + " hung");
            }
            String out = new String(output, StandardCharsets.UTF_8);
            Files.writeString(log, "$ etax-server.sh " + String.join(" ", args) + "\n" + out,
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("etax-server.sh " + String.join(" ", args) + " exited with "
                        + p.exitValue() + ":\n" + tail(out));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void recreateDatabase() {
        ItDatabase db = ItDatabase.fromEnvironment();
        if (!SAFE_NAME.matcher(db.name()).matches()) {
            throw new IllegalArgumentException("refusing an unusual test database name: " + db.name());
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port()
                + "/postgres", db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db.name() + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate test database " + db.name() + " (is PostgreSQL running"
                    + " on " + db.host() + ":" + db.port() + "? .ci/run starts it): " + e.getMessage(), e);
        }
    }

    private static Path workDir() {
        return Path.of(property("ear.it.workdir"));
    }

    private static Path domainDir() {
        return workDir().resolve("domains").resolve("etax");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        stopDomain(); // left over from an aborted run
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run with ./mvnw verify)");
        }
        return value;
    }

    private static String tail(String out) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
