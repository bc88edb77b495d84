package cn.etax.downstream;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's login sessions ({@code sid}) that have ended, as back-channel logouts told. Kept for an hour, far
 * longer than any assertion of them lives; in memory, as a real application would keep them with its own sessions.
 */
@ApplicationScoped
public class EndedLogins {

    private static final Duration KEPT = Duration.ofHours(1);

    private final Map<String, Instant> ended = new ConcurrentHashMap<>();

    public void end(String sid) {
        Instant now = Instant.now();
        ended.values().removeIf(until -> until.isBefore(now));
        ended.put(sid, now.plus(KEPT));
    }

    public boolean ended(String sid) {
        return sid != null && ended.containsKey(sid);
    }
}
