package cn.etax.identity.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Accessibility checks of the page a browser shows, by axe-core (Deque) run in the page: the WCAG 2.0 and 2.1 rules of
 * levels A and AA — what GB/T 37668 asks of government web content — and axe's best practices.
 */
final class Axe {

    private static final String SOURCE = load();

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
              .then(function (r) {
                done(JSON.stringify(r.violations.map(function (v) {
                  return {id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};
                })));
              })
              .catch(function (e) { done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e),
                                                           nodes: []}])); });
            """;

    private Axe() {
    }

    /** The rules the page in {@code driver} breaks, one line each with where ("[serious] color-contrast: … at #id"). */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        String found = (String) js.executeAsyncScript(RUN);
        return Json.createReader(new StringReader(found)).readArray().getValuesAs(JsonObject.class).stream()
                .map(v -> "[" + v.getString("impact", "?") + "] " + v.getString("id") + ": " + v.getString("help")
                        + " at " + v.getJsonArray("nodes").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList())
                .toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
