package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REG-7 用户注销 clicked in real headless Chromium: 个人信息管理 → 用户注销, the notice, 【确认注销】, then the SMS
 * verification (a wrong code first) or the face check in the tax app simulator; the session ends on the portal's
 * front page, which says the account is gone, and the account no longer logs in.
 */
@DisplayName("REG-7 in a real browser: deregistration by SMS code or by face check")
class DeregistrationBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the notice, 确认注销, a wrong SMS code refused, the right one deregisters and ends the session")
    void deregister_by_sms() {
        TestPerson p = Fixtures.quickPerson();
        new PersonEntryPage(driver, wait).logInBySms(p);

        openNoticeAndConfirm();
        browser.click(By.id("deregister:ways:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deregister:messages"),
                "验证码已发送至" + Fixtures.maskedPhone(p.phone())));
        assertThat(Sim.latestText(p.phone())).as("the SMS names the deregistration").contains("注销");
        browser.type(By.id("deregister:ways:smsCode"), "000000");
        browser.click(By.id("deregister:ways:deregisterWithSms"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deregister:messages"), "短信验证码错误"));

        browser.type(By.id("deregister:ways:smsCode"), Sim.latestCode(p.phone()));
        browser.click(By.id("deregister:ways:deregisterWithSms"));

        assertDeregistered(p);
    }

    @Test
    @DisplayName("【确认注销】 then the face check in the tax app, which names the deregistration: the page's poll "
            + "deregisters and ends the session")
    void deregister_by_face_check() {
        TestPerson p = Fixtures.quickPerson();
        new PersonEntryPage(driver, wait).logInBySms(p);

        openNoticeAndConfirm();
        browser.click(By.linkText("扫脸验证"));
        browser.click(By.id("deregister:ways:faceTaxApp"));
        String qrToken = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qrToken"))).getText().strip();
        MobileAppWindow.passFaceCheck(driver, wait, qrToken, "注销个人账户（注销后不能再使用该账户）");

        assertDeregistered(p);
    }

    private void openNoticeAndConfirm() {
        browser.click(By.id("navDeregister"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#deregister h2"), "用户注销"));
        assertThat(browser.text(By.id("deregister:notice"))).contains("包括手机、用户名、密码等", "与企业的关联关系不会解除",
                "关联关系及状态不变");
        browser.click(By.id("deregister:confirm"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deregister:verify")));
    }

    private void assertDeregistered(TestPerson p) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deregistered")));
        assertThat(browser.text(By.id("deregistered"))).startsWith("您的个人账户已注销");
        assertThat(driver.findElements(By.id("headerForm:logout"))).as("logged out").isEmpty();
        driver.get(App.uri("/account/profile.xhtml").toString());
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        Reply login = Api.browser().passwordStep(p.idNumber(), p.password());
        assertThat(login.code()).isEqualTo("USER_NOT_REGISTERED");
    }
}
