package cn.etax.identity.it;

import java.net.URI;

/**
 * Where the application under test answers. Under failsafe ({@code it.war} set) the first call recreates the test
 * database and starts Payara Micro once for the whole run; {@link ItServerListener} stops it when the run ends.
 * With {@code -Dit.baseUrl=http://localhost:8080} the tests run against a server someone started by hand
 * (e.g. {@code ./mvnw -Prun}); nothing is reset then.
 */
public final class App {

    private static PayaraMicro micro;
    private static URI base;
    private static RuntimeException bootFailure;

    private App() {
    }

    public static synchronized URI baseUri() {
        if (base != null) {
            return base;
        }
        if (bootFailure != null) {
            throw new IllegalStateException("the application did not start earlier in this run", bootFailure);
        }
        String external = System.getProperty("it.baseUrl");
        if (external != null && !external.isBlank()) {
            base = URI.create(external.replaceAll("/+$", ""));
            return base;
        }
        if (!ItSettings.managedServerWanted()) {
            throw new IllegalStateException("no application to test: run the ITs with ./mvnw verify (failsafe sets"
                    + " it.war) or pass -Dit.baseUrl=http://host:port");
        }
        try {
            ItSettings settings = ItSettings.fromEnvironment();
            long started = System.nanoTime();
            TestDatabase.recreate(settings.db());
            micro = PayaraMicro.start(settings);
            System.out.printf("it: Payara Micro healthy at %s after %d s (log: %s)%n", micro.baseUri(),
                    (System.nanoTime() - started) / 1_000_000_000L, settings.workDir().resolve("micro.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(App::stop, "it-payara-micro-stop"));
            base = micro.baseUri();
            return base;
        } catch (RuntimeException e) {
            bootFailure = e;
            throw e;
        }
    }

    public static URI uri(String path) {
        return baseUri().resolve(path);
    }

    static synchronized void stop() {
        if (micro != null) {
            System.out.println("it: stopping Payara Micro at " + micro.baseUri());
            micro.stop();
            micro = null;
            base = null;
        }
    }
}
