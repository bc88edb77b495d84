package cn.etax.identity.it;

import java.nio.file.Path;

/**
 * What the harness needs to know, from the system properties failsafe sets (web-module/pom.xml) and, for the
 * database, from {@code it.db.*} properties or {@code IT_DB_*} environment variables (defaults: the local CI
 * cluster, 127.0.0.1:5432, role etax/etax, database etax_it).
 */
record ItSettings(Path microJar, Path postgresqlJar, Path rar, Path war, Path preBoot, Path postBoot, Path workDir, Database db) {

    record Database(String host, int port, String name, String user, String password) {

        String maintenanceUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/postgres";
        }
    }

    /** Set only when failsafe runs the integration tests. */
    static boolean managedServerWanted() {
        return System.getProperty("it.war") != null;
    }

    static ItSettings fromEnvironment() {
        return new ItSettings(path("it.micro.jar"), path("it.postgresql.jar"), path("it.rar"), path("it.war"), path("it.preboot"), path("it.postboot"),
                path("it.workdir"), new Database(
                        setting("it.db.host", "IT_DB_HOST", "127.0.0.1"),
                        Integer.parseInt(setting("it.db.port", "IT_DB_PORT", "5432")),
                        setting("it.db.name", "IT_DB_NAME", "etax_it"),
                        setting("it.db.user", "IT_DB_USER", "etax"),
                        setting("it.db.password", "IT_DB_PASSWORD", "etax")));
    }

    /** API-2: the downstream demo WAR deployed beside the application (absent: not deployed). */
    static Path downstreamWar() {
        String value = System.getProperty("it.downstream.war");
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    /**
     * API-2, §9: the key on the demo platform token that signs assertions when {@link #tokenSigner()} holds; the
     * server runs as if just rotated from {@link #TOKEN_SIGNER_PREVIOUS_ALIAS}, which the JWKS still publishes.
     */
    static final String TOKEN_SIGNER_ALIAS = "es256-2";
    static final String TOKEN_SIGNER_PREVIOUS_ALIAS = "es256";

    /**
     * API-2, §9: whether the test server signs assertions with the platform token's key through the certificate
     * connector (default) or with the application's in-memory key ring ({@code it.sso.signer} / {@code IT_SSO_SIGNER}
     * = {@code memory} for its default RS256 keys, {@code memory-es256} for ES256 keys). Every single-sign-on IT
     * passes with each.
     */
    static boolean tokenSigner() {
        return !ssoSigner().startsWith("memory");
    }

    /** API-2: the in-memory key ring signs ES256 ({@code it.sso.signer=memory-es256}). */
    static boolean memoryEs256() {
        return ssoSigner().equals("memory-es256");
    }

    /** API-2: the assertions the test server issues are ES256 (the platform token's EC key, or in-memory ES256). */
    static boolean es256() {
        return tokenSigner() || memoryEs256();
    }

    private static String ssoSigner() {
        return setting("it.sso.signer", "IT_SSO_SIGNER", "token").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run the ITs with ./mvnw verify)");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
