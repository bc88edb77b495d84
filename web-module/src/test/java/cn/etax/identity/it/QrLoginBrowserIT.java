package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-7 clicked in headless Chromium: portal → 扫码登录 shows a QR code; the simulated tax app in a second window
 * (the phone) logs in, scans, shows where the page is, and confirms; the page, polling, says 扫码成功 and then lands
 * in the account center of the app session's business. A login cancelled on the phone is told to the page, which
 * offers a new code.
 */
@DisplayName("LOGIN-7 in a real browser: QR login with the simulated tax app")
class QrLoginBrowserIT {

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
    @DisplayName("personal business: scan, 扫码成功 on the page, confirm on the phone, the personal account center")
    void tax_app_logs_the_page_in_to_personal_business() {
        TestPerson p = Fixtures.quickPerson();
        driver.get(App.uri("/").toString());
        click(By.id("qrLogin"));
        String token = shownToken();
        assertThat(browser.text(By.id("qrState"))).isEqualTo("等待扫码");
        assertThat(driver.findElement(By.id("qrImage")).getAttribute("src")).endsWith("/qr.png?t=" + token);

        String portal = driver.getWindowHandle();
        String phone = scanOnPhone(token, p, null);
        assertThat(browser.text(By.id("loginBusiness"))).isEqualTo("个人业务");
        assertThat(browser.text(By.id("loginOrigin"))).startsWith("127.0.0.1");
        assertThat(browser.text(By.id("loginPerson"))).isEqualTo(Fixtures.maskedName(p.name()));

        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.textToBe(By.id("qrState"), "扫码成功，请在手机上确认登录"));

        driver.switchTo().window(phone);
        click(By.id("app:confirmLogin"));
        wait.until(ExpectedConditions.textToBe(By.id("loginResult"), "已确认登录，网页将自动登录"));
        driver.close();
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
        driver.get(App.uri("/account/loginlog.xhtml").toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "税务App扫码登录"));
    }

    @Test
    @DisplayName("enterprise business: the tax app logged in to an enterprise logs the page in there; a login "
            + "cancelled on the phone first is told to the page and a new code is one click away")
    void tax_app_logs_the_page_in_to_its_enterprise_after_a_cancelled_try() {
        Enterprise e = GrantFixtures.registerEnterprise();
        driver.get(App.uri("/login.xhtml").toString());
        click(By.id("login:qrLogin"));
        String first = shownToken();

        String portal = driver.getWindowHandle();
        scanOnPhone(first, e.legal(), e.creditCode());
        assertThat(browser.text(By.id("loginBusiness"))).contains("法定代表人");
        click(By.id("app:cancelLogin"));
        wait.until(ExpectedConditions.textToBe(By.id("loginResult"), "已取消登录"));
        driver.close();
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.textToBe(By.id("qrEnded"), "您已在手机上取消登录，请刷新二维码后重新扫码"));

        click(By.id("qrLogin:renew"));
        String second = shownToken();
        assertThat(second).isNotEqualTo(first);
        scanOnPhone(second, e.legal(), e.creditCode());
        click(By.id("app:confirmLogin"));
        wait.until(ExpectedConditions.textToBe(By.id("loginResult"), "已确认登录，网页将自动登录"));
        driver.close();
        driver.switchTo().window(portal);
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(e.creditCode());
    }

    /** The token under the QR code, once the page shows one. */
    private String shownToken() {
        wait.until(ExpectedConditions.urlContains("/qr-login.xhtml"));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qrToken"))).getText().strip();
    }

    /**
     * The phone: a new window with the simulated app, the code's token typed in, the app's login (document, password,
     * and for enterprise business the credit code), then the scan. Answers the phone's window, left open.
     */
    private String scanOnPhone(String token, TestPerson user, String creditCode) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(App.uri("/sim/app.xhtml").toString());
        type(By.id("app:qrToken"), token);
        click(By.id("app:scan"));
        type(By.id("app:loginIdNumber"), user.idNumber());
        type(By.id("app:loginPassword"), user.password());
        if (creditCode != null) {
            type(By.id("app:loginCreditCode"), creditCode);
        }
        click(By.id("app:scanLogin"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginBusiness")));
        return driver.getWindowHandle();
    }

    private void type(By by, String value) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        field.clear();
        field.sendKeys(value);
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
    }
}
