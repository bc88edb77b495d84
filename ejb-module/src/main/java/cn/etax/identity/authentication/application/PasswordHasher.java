package cn.etax.identity.authentication.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). Hashing
 * is memory-hard and CPU-bound, so it runs in a fixed number of slots (one per core by default): more would only
 * add memory and context switches without adding throughput. Each slot keeps its own Argon2 memory (19 MiB at the
 * default) and reuses it, so a login does not allocate and collect thousands of blocks. Parameters come from
 * configuration; a stored hash carries its own, so changing them affects only new hashes. The hashes computed and
 * the CPU time they took are counted ({@link #statistics()}), so a benchmark can tell the hash from everything else
 * a login costs.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    @Inject
    @ConfigProperty(name = "identity.password.argon2.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "identity.password.argon2.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "identity.password.argon2.parallelism", defaultValue = "1")
    int parallelism;

    @Inject
    @ConfigProperty(name = "identity.password.hash-slots", defaultValue = "0")
    int configuredSlots;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SecureRandom random = new SecureRandom();
    private final LongAdder hashes = new LongAdder();
    private final LongAdder hashCpuNanos = new LongAdder();
    private BlockingQueue<Argon2BytesGenerator.BlockPool> slots;

    public PasswordHasher() {
    }

    /**
     * What binds a login flow to the password proved at its start: a digest of the stored hash, never the hash. A
     * flow whose binding no longer matches (the password changed or was reset meanwhile) ends in nothing.
     */
    public static String binding(String storedHash) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(storedHash.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests and benchmarks without a container. */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        init();
    }

    @PostConstruct
    void init() {
        int n = configuredSlots > 0 ? configuredSlots : Runtime.getRuntime().availableProcessors();
        slots = new ArrayBlockingQueue<>(n, true);
        for (int i = 0; i < n; i++) {
            slots.add(new Argon2BytesGenerator.FixedBlockPool(
                    Argon2BytesGenerator.getBlockCount(memoryKib, parallelism)));
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKib, iterations, parallelism);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public boolean verify(String password, String stored) {
        if (stored == null || !stored.startsWith("$argon2id$")) {
            return false;
        }
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6) {
            return false;
        }
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            int value = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = value;
                case 't' -> t = value;
                case 'p' -> p = value;
                default -> { return false; }
            }
        }
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = compute(password, B64D.decode(parts[4]), m, t, p);
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] compute(String password, byte[] salt, int m, int t, int p) {
        byte[] out = new byte[32];
        Argon2BytesGenerator.BlockPool slot = take();
        try {
            Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt)
                    .withBlockPool(slot).build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            long cpu = threadCpuNanos();
            generator.init(params);
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            hashCpuNanos.add(threadCpuNanos() - cpu);
            hashes.increment();
        } finally {
            slots.add(slot);
        }
        return out;
    }

    private Argon2BytesGenerator.BlockPool take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return slots.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Hashes computed since start and the CPU time of the threads while they computed them. */
    public Statistics statistics() {
        return new Statistics(hashes.sum(), hashCpuNanos.sum());
    }

    public record Statistics(long hashes, long cpuNanos) {
    }

    /** The hashing slots: how many hashes run at once. */
    public int slots() {
        return slots.remainingCapacity() + slots.size();
    }

    public String parameters() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
