package cn.etax.identity.connector.outbound;

import cn.etax.identity.connector.api.TokenConnection;
import cn.etax.identity.connector.api.TokenConnectionFactory;
import cn.etax.identity.connector.token.Crypto;
import cn.etax.identity.connector.token.DemoCertificateAuthority;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * §9 speed: signature verifications per second through the connector's pooled connections (get a connection,
 * verify certificate + signature, close — what an EJB does per request) against the same work called directly on the
 * providers (parse the certificate with Bouncy Castle, verify with SM3withSM2 / SHA256withRSA), SM2 and RSA-2048, in
 * one run. Goal: pooled ≥ 0.9 × direct.
 * <p>
 * {@code ./mvnw -q -Pbench -pl connector-module/rar -am -DskipTests verify -Dbench.seconds=10 -Dbench.threads=2}
 */
public final class VerifyBenchmark {

    private static final byte[] DATA = "TAX-LOGIN|bm9uY2Utbm9uY2Utbm9uY2U=|https://etax.example|2026-11-23T10:00:00Z"
            .getBytes(StandardCharsets.UTF_8);

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path base = Files.createTempDirectory("verify-bench");
        DemoCertificateAuthority.installDemo(base.resolve("tokens"), base.resolve("roots"), base.resolve("crls"), Instant.now());
        TokenManagedConnectionFactory managed = new TokenManagedConnectionFactory();
        managed.setBaseDirectory(base.toString());
        PoolingConnectionManager pool = new PoolingConnectionManager();
        TokenConnectionFactory factory = (TokenConnectionFactory) managed.createConnectionFactory(pool);

        System.out.printf(Locale.ROOT, "signature verifications per second, %d thread(s), %d s per measurement (%s, %s)%n",
                threads, seconds, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-10s %14s %14s %8s%n", "key", "direct/s", "connector/s", "ratio");
        for (String[] key : new String[][] {{"SM2", "demo-sm2", "sm2"}, {"RSA-2048", "demo-rsa", "rsa"}}) {
            byte[] certificate;
            byte[] signature;
            try (TokenConnection connection = factory.getConnection(key[1])) {
                certificate = connection.certificates().get(0).certificate().encoded();
                connection.login(DemoCertificateAuthority.DEMO_PIN.toCharArray());
                signature = connection.sign(key[2], DATA);
            }
            Crypto crypto = new Crypto(null);
            Callable<Boolean> direct = () -> {
                X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.bc())
                        .generateCertificate(new ByteArrayInputStream(certificate));
                Signature verifier = crypto.signature(Crypto.defaultAlgorithm(Crypto.keyAlgorithm(parsed.getPublicKey())), null);
                verifier.initVerify(parsed.getPublicKey());
                verifier.update(DATA);
                return verifier.verify(signature);
            };
            Callable<Boolean> pooled = () -> {
                try (TokenConnection connection = factory.getConnection()) {
                    return connection.verify(certificate, DATA, signature);
                }
            };
            // warm both paths, then measure them alternately so that drift on a shared machine hits both
            measure(direct, threads, Math.max(2, seconds / 2));
            measure(pooled, threads, Math.max(2, seconds / 2));
            double d1 = measure(direct, threads, seconds);
            double p1 = measure(pooled, threads, seconds);
            double d2 = measure(direct, threads, seconds);
            double p2 = measure(pooled, threads, seconds);
            double d = (d1 + d2) / 2;
            double p = (p1 + p2) / 2;
            System.out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %8.2f%n", key[0], d, p, p / d);
        }
        System.out.printf(Locale.ROOT, "physical connections created by the pool: %d%n", pool.created());
    }

    private static double measure(Callable<Boolean> operation, int threads, int seconds) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(executor.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        if (!operation.call()) {
                            throw new IllegalStateException("a valid signature did not verify");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }
}
