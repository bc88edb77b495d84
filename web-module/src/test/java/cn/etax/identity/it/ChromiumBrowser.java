package cn.etax.identity.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh headless Debian Chromium per test (its own profile directory), for the browser tests. On a failure a
 * screenshot and the page source go to target/it/ before the browser is closed. A test that passed still fails when a
 * page it opened raised a script error or missed one of its resources (a script, a style sheet, an image, the icon):
 * what a person would see as a broken page is never taken for a pass. Register it with {@code @RegisterExtension}; its
 * driver exists before the test's own {@code @BeforeEach} methods run.
 */
final class ChromiumBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * A console error that is the page's own fault: not a refusal a test provoked on purpose (a page or an Ajax
     * request answered 4xx), but a script error or a resource of the page not found.
     */
    private static final Pattern PAGE_FAULT = Pattern.compile(
            "(?s)(?!.*Failed to load resource).*|.*\\.(js|css|svg|png|ico|woff2?)(\\?\\S*)? - Failed to load resource.*"
                    + "|.*jakarta\\.faces\\.resource/.* - Failed to load resource.*");

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profileDir;

    WebDriver driver() {
        return driver;
    }

    /**
     * 退出 from the page header, then waits until the header no longer offers it. While the browser replaces the page
     * Chromium may answer a look-up with "Node with given id does not belong to the document"; that is retried.
     */
    void logOut() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("headerForm:logout"))).click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .until(d -> d.findElements(By.id("headerForm:logout")).isEmpty());
    }

    WebDriverWait waiter() {
        return wait;
    }

    /** Types into a visible field, replacing what it held. */
    void type(By by, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks the element once it is clickable. */
    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /**
     * Picks an item of a PrimeFaces drop-down ({@code p:selectOneMenu} of client id {@code menuId}) as a person does:
     * open it, click the item. A click that lands while the panel is still sliding open is lost, so the menu's label
     * is checked and the pick repeated until it shows.
     */
    void choose(String menuId, String label) {
        By menuLabel = By.id(menuId + "_label");
        wait.until(d -> {
            if (label.equals(d.findElement(menuLabel).getText().strip())) {
                return true;
            }
            WebElement panel = d.findElement(By.id(menuId + "_panel"));
            if (!panel.isDisplayed()) {
                d.findElement(By.id(menuId)).click();
                return false;
            }
            WebElement item = panel.findElement(By.cssSelector("li[data-label='" + label + "']"));
            if (item.isDisplayed()) {
                item.click();
            }
            return false;
        });
    }

    /** The visible text of an element, stripped. */
    String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().strip();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        assertThat(CHROMIUM).as("install Debian's chromium and chromium-driver (see .ci/run)").isExecutable();
        assertThat(CHROMEDRIVER).as("install Debian's chromium-driver (see .ci/run)").isExecutable();
        // A driver named here (service and system property) makes Selenium skip Selenium Manager altogether, so
        // nothing is ever downloaded; failsafe also sets SE_OFFLINE=true for the case it ran anyway.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDir = Files.createTempDirectory("it-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=zh-CN", "--user-data-dir=" + profileDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.SEVERE);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isEmpty() && driver != null) {
            List<String> faults = pageFaults();
            assertThat(faults).as("script errors or missing resources in the pages the test opened").isEmpty();
        }
        if (context.getExecutionException().isPresent() && driver != null) {
            Path dir = Path.of(System.getProperty("it.workdir", "target/it"));
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            System.out.println("it: screenshot of the failure in " + dir.resolve(name + ".png"));
        }
    }

    /** The console errors of the pages opened since the last look that are the pages' own fault. */
    List<String> pageFaults() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> PAGE_FAULT.matcher(m).matches()).toList();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
