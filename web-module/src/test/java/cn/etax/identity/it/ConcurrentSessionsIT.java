package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-9: many logged-in sessions used at the same time each stay their own caller. (With the container's automatic
 * session reuse about one request in twenty answered 403 under concurrency; {@code SessionAuthModule} authenticates
 * every request from the server-side session.)
 */
class ConcurrentSessionsIT {

    @Test
    @DisplayName("LOGIN-9: eight sessions asking concurrently always get their own identity, never 403")
    void concurrent_sessions_keep_their_callers() {
        List<Api> browsers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api b = AccountFixtures.loggedIn(Fixtures.quickPerson());
            browsers.add(b);
            ids.add(GrantFixtures.personId(b));
        }
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Api b = browsers.get(i);
            long id = ids.get(i);
            runs.add(CompletableFuture.runAsync(() -> {
                for (int k = 0; k < 40; k++) {
                    Reply r = b.get(SwitchFixtures.IDENTITY);
                    if (r.status() != 200 || r.json().getJsonNumber("personId").longValue() != id) {
                        wrong.add(id + ": " + r.status());
                    }
                }
            }, pool));
        }
        runs.forEach(CompletableFuture::join);
        pool.shutdown();

        assertThat(wrong).isEmpty();
    }
}
