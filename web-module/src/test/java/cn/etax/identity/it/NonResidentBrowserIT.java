package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-5 clicked in headless Chromium: the overseas person submits 非居民企业身份信息采集; a registration clerk approves
 * it in the tax-office console; the person reads the identity code and logs in at 非居民企业登录 with it.
 */
@DisplayName("LOGIN-5 in a real browser: submit, approve at the tax office, non-resident entry")
class NonResidentBrowserIT {

    @RegisterExtension
    final ChromiumBrowser browser = new ChromiumBrowser();

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void useBrowser() {
        Sim.nextBusinessDay(); // a throttle window of its own (see ThrottleIT)
        driver = browser.driver();
        wait = browser.waiter();
    }

    @Test
    @DisplayName("the overseas person submits, the clerk approves, the person logs in with the identity code")
    void submitted_approved_and_logged_in() {
        TestPerson applicant = NonResidentIT.overseasPerson(null);
        String name = "Pearl River Shipping " + ThreadLocalRandom.current().nextInt(100_000) + " Ltd";

        new PersonEntryPage(driver, wait).logInBySms(applicant);
        browser.click(By.id("navNonResident"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#nonResident h2"), "非居民企业身份信息采集"));
        browser.type(By.id("nonResident:enterpriseName"), name);
        browser.type(By.id("nonResident:country"), "hkg");
        browser.type(By.id("nonResident:registrationNumber"), "CR-7788990");
        browser.type(By.id("nonResident:address"), "8 Finance Street, Central, Hong Kong");
        browser.click(By.id("nonResident:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nonResident:messages"),
                "已提交，请等待税务机关审核"));
        assertThat(browser.text(By.id("nonResident:applications"))).contains(name, "HKG", "待审核");
        driver.manage().deleteAllCookies();

        driver.get(App.uri("/clerk/non-residents.xhtml").toString());
        wait.until(ExpectedConditions.urlContains("/clerk/login.xhtml"));
        ClerkFixtures.logInOnPage(browser, ClerkFixtures.newClerk("CLERK_REGISTRATION"));
        browser.click(By.id("clerkBar:nonResidentsLink"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nonResidents:applications"), name));
        // Enter in the row's 不予通过原因 decides nothing: neither the row's 审核通过 (the form's first button) nor
        // its 不予通过 without a click
        String row = "//span[contains(@id,'enterpriseName') and text()='" + name + "']/ancestor::tr";
        browser.type(By.xpath(row + "//input[contains(@id,':reason')]"), "材料不全" + Keys.ENTER);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.PrimeFaces === undefined || PrimeFaces.ajax.Queue.isEmpty();")));
        assertThat(browser.text(By.id("nonResidents:applications"))).as("still waiting for a decision").contains(name);
        assertThat(driver.findElement(By.id("nonResidents:messages")).getText()).doesNotContain("已审核通过");
        browser.click(By.xpath(row + "//button[contains(@id,':approve')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nonResidents:messages"), "已审核通过"));
        String code = browser.text(By.id("nonResidents:messages")).replaceAll(".*非居民企业身份码\\s*", "").strip();
        assertThat(code).hasSize(18).startsWith("Y1");
        driver.manage().deleteAllCookies();

        EnterpriseEntryPage entry = EnterpriseEntryPage.nonResident(driver, wait);
        entry.open();
        assertThat(driver.findElements(By.id("entLogin:certificateLogin"))).as("no certificate login here").isEmpty();
        entry.passwordAndSmsSteps(code, applicant);
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(code);
    }
}
