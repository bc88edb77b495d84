package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A test that clicks through pages in real headless Chromium: one browser per test, its driver and its wait. */
abstract class BrowserTest {

    @RegisterExtension
    final ChromiumBrowser browser = new ChromiumBrowser();

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void useBrowser() {
        driver = browser.driver();
        wait = browser.waiter();
    }
}
