package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PER-1 个人密码修改 by SMS clicked in real headless Chromium, in the order the seeds give it ([004]: the new password
 * twice, 【获取验证码】, the code, 【确认】): asking for the code keeps what was typed, and Enter in the code field
 * confirms instead of sending another code. The login before it ends with Enter in its code field as well.
 */
@DisplayName("PER-1 in a real browser: password change by SMS, Enter confirms; the account center on a phone")
class PasswordChangeBrowserIT extends BrowserTest {

    @Test
    @DisplayName("new password typed, code asked for: the password stays; Enter in the code field changes it, one code "
            + "sent; the page's session goes on")
    void change_by_sms() {
        TestPerson p = Fixtures.quickPerson();
        new PersonEntryPage(driver, wait).logInBySms(p);
        driver.get(App.uri("/account/password.xhtml").toString());
        browser.click(By.cssSelector("#password\\:ways a[href$='smsTab']"));
        String newPassword = "Nw@" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "x7Q";
        browser.type(By.id("password:ways:newSms"), newPassword);
        browser.type(By.id("password:ways:confirmSms"), newPassword);
        int sentBefore = Sim.messagesTo(p.phone());
        browser.click(By.id("password:ways:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "验证码已发送"));
        assertThat(driver.findElement(By.id("password:ways:newSms")).getAttribute("value"))
                .as("asking for the code keeps the new password").isEqualTo(newPassword);
        assertThat(driver.findElement(By.id("password:ways:confirmSms")).getAttribute("value")).isEqualTo(newPassword);

        browser.type(By.id("password:ways:smsCode"), Sim.latestCode(p.phone()) + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "密码修改成功"));
        assertThat(Sim.messagesTo(p.phone())).as("Enter sent no second code").isEqualTo(sentBefore + 1);
        assertThat(Api.browser().login(p.phone(), newPassword, p.phone()).string("status")).isEqualTo("LOGGED_IN");
        driver.get(App.uri("/account/password.xhtml").toString());
        assertThat(driver.getCurrentUrl()).as("the session it was changed in goes on (ASVS 3.3.3)")
                .endsWith("/account/password.xhtml");
    }

    @Test
    @DisplayName("on a phone's width (390 px) the account center's pages fit the screen: nothing to scroll sideways")
    void account_center_fits_a_phone() {
        TestPerson p = Fixtures.quickPerson();
        new PersonEntryPage(driver, wait).logInBySms(p);
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : new String[] {"/account/profile.xhtml", "/account/phones.xhtml", "/account/password.xhtml",
                "/account/loginlog.xhtml", "/register.xhtml"}) {
            driver.get(App.uri(page).toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".site-footer")));
            Number inner = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
            Number scroll = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth;");
            assertThat(scroll.intValue()).as("%s is %s px wide on a %s px screen", page, scroll, inner)
                    .isLessThanOrEqualTo(inner.intValue());
        }
        driver.get(App.uri("/account/phones.xhtml").toString());
        Number numberWidth = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('phones:list:0:number').getBoundingClientRect().width;");
        assertThat(numberWidth.intValue()).as("the number column keeps its number readable").isGreaterThan(60);
    }
}
