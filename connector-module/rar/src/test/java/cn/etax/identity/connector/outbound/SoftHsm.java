package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.token.DemoCertificateAuthority;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SoftHSM2 token for one test run, under the private SOFTHSM2_CONF that failsafe puts into this JVM's
 * environment (target/softhsm/softhsm2.conf), set up with softhsm2-util and pkcs11-tool as a person would.
 */
final class SoftHsm {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String SO_PIN = "87654321";

    private SoftHsm() {
    }

    static boolean available() {
        return Files.exists(Path.of(LIBRARY)) && System.getenv("SOFTHSM2_CONF") != null
                && Files.isExecutable(Path.of("/usr/bin/softhsm2-util")) && Files.isExecutable(Path.of("/usr/bin/pkcs11-tool"));
    }

    /** Writes the configuration and an empty token directory; must run before the module is first loaded. */
    static void prepare() throws IOException {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path directory = conf.getParent();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory.resolve("tokens"));
        Files.writeString(conf, "directories.tokendir = " + directory.resolve("tokens") + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.US_ASCII);
    }

    static void initToken(String label, String pin) throws IOException {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin);
    }

    /** Imports a private key and its certificate under one CKA_ID and label (SunPKCS11 lists such pairs). */
    static void importKey(String label, String pin, String id, String alias, java.security.PrivateKey key, X509Certificate certificate)
            throws Exception {
        Path directory = Path.of(System.getenv("SOFTHSM2_CONF")).getParent();
        Path keyFile = directory.resolve(alias + ".p8.der");
        Path certificateFile = directory.resolve(alias + ".crt.der");
        Files.write(keyFile, key.getEncoded());
        Files.write(certificateFile, certificate.getEncoded());
        try {
            List<String> common = List.of("pkcs11-tool", "--module", LIBRARY, "--token-label", label, "--login", "--pin", pin);
            run(concat(common, "--write-object", keyFile.toString(), "--type", "privkey", "--id", id, "--label", alias));
            run(concat(common, "--write-object", certificateFile.toString(), "--type", "cert", "--id", id, "--label", alias));
        } finally {
            Files.deleteIfExists(keyFile);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static void run(String... command) throws IOException {
        run(List.of(command));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + output.replace(DemoCertificateAuthority.DEMO_PIN, "****"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
