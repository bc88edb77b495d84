package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-10 clicked in headless Chromium: from the portal's no-login area to 社保费用户注册 (the unit as the fee
 * collection system registered it, the code to its phone, username and password), then 社保费登录 with password,
 * slider and code, the fee services' page, and logout.
 */
@DisplayName("LOGIN-10 in a real browser: register a fee payer's account, log in with two factors, log out")
class SocialSecurityBrowserIT {

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
    @DisplayName("a unit registers its social-security account, logs in with password and SMS code, sees its payer "
            + "and logs out")
    void registers_logs_in_and_out() {
        SocialSecurityLoginIT.Payer unit = SocialSecurityLoginIT.synced(SocialSecurityLoginIT.newUnit(), false);
        String username = SocialSecurityLoginIT.newUsername();

        driver.get(App.uri("/").toString());
        browser.click(By.id("socialSecurityLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#ssLogin h2"), "社保费登录"));
        browser.click(By.id("ssLogin:register"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#ssAccount h2"), "社保费用户注册/找回密码"));
        browser.type(By.id("ssAccount:payerNumber"), unit.number());
        browser.type(By.id("ssAccount:name"), unit.name() + "有限");
        SliderDrag.ontoGap(driver, "ssAccount");
        browser.click(By.id("ssAccount:identify"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ssAccount:messages"),
                "未查到该缴费人的社保费登记信息"));
        browser.type(By.id("ssAccount:name"), unit.name());
        SliderDrag.ontoGap(driver, "ssAccount");
        browser.click(By.id("ssAccount:identify"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accountIntro"),
                "尚未注册社保费用户"));
        assertThat(browser.text(By.id("ssAccount:phoneMasked"))).isEqualTo(Fixtures.maskedPhone(unit.phone()));
        browser.click(By.id("ssAccount:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ssAccount:messages"), "验证码已发送至"));
        browser.type(By.id("ssAccount:smsCode"), Sim.latestCode(unit.phone()));
        browser.type(By.id("ssAccount:username"), username);
        browser.type(By.id("ssAccount:newPassword"), Fixtures.PASSWORD);
        browser.type(By.id("ssAccount:newPassword2"), Fixtures.PASSWORD);
        browser.click(By.id("ssAccount:complete"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doneText"), username));

        browser.click(By.id("ssAccount:goLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#ssLogin h2"), "社保费登录"));
        browser.type(By.id("ssLogin:username"), username);
        browser.type(By.id("ssLogin:password"), Fixtures.PASSWORD);
        SliderDrag.ontoGap(driver, "ssLogin");
        browser.click(By.id("ssLogin:submitPassword"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#ssLogin h2"), "身份验证"));
        assertThat(browser.text(By.id("ssLogin:phoneMasked"))).isEqualTo(Fixtures.maskedPhone(unit.phone()));
        browser.click(By.id("ssLogin:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ssLogin:messages"), "验证码已发送至"));
        browser.type(By.id("ssLogin:smsCode"), Sim.latestCode(unit.phone()));
        browser.click(By.id("ssLogin:submitCode"));

        wait.until(ExpectedConditions.urlContains("/socialsecurity/index.xhtml"));
        assertThat(browser.text(By.id("payerName"))).isEqualTo(unit.name());
        assertThat(browser.text(By.id("payerNumber"))).isEqualTo(unit.number());
        assertThat(browser.text(By.id("kind"))).isEqualTo("单位缴费人");
        assertThat(browser.text(By.id("methods"))).isEqualTo("密码+短信验证码");
        assertThat(driver.findElements(By.id("headerForm:accountLink"))).as("no person's account center").isEmpty();

        browser.click(By.id("ssHome:logout"));
        wait.until(ExpectedConditions.urlContains("/social-security-login.xhtml"));
        driver.get(App.uri("/socialsecurity/index.xhtml").toString());
        wait.until(ExpectedConditions.urlContains("/social-security-login.xhtml"));
    }
}
