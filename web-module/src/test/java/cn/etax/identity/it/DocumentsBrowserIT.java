package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PER-7 clicked in real headless Chromium: 个人证件管理 lists the document registered with; 【添加证件】, a name that
 * is not the account's refused, then a long-term Chinese passport (the calendar button named for a screen reader),
 * 【下一步】, the face check in the tax app simulator, and the passport on the list.
 */
@DisplayName("PER-7 in a real browser: add a passport after a face check")
class DocumentsBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the registered document, 添加证件 with a wrong name refused, then a passport added by face check")
    void add_passport() {
        TestPerson p = Fixtures.quickPerson();
        new PersonEntryPage(driver, wait).logInBySms(p);

        browser.click(By.id("navDocuments"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#documents h2"), "个人证件管理"));
        assertThat(browser.text(By.id("documents:rows:0:type"))).isEqualTo("居民身份证");
        assertThat(browser.text(By.id("documents:rows:0:registeredWith"))).isEqualTo("注册证件");

        browser.click(By.id("documents:add"));
        String number = DocumentsIT.newPassportNumber();
        String from = Sim.today().minusYears(3).toString();
        type(By.id("documents:name"), "王" + p.name());
        type(By.id("documents:idNumber"), number);
        type(By.id("documents:validFrom_input"), from);
        // the calendar button of a form opened by Ajax is named for a screen reader, in the page's language
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[id='documents:validFrom'] .ui-datepicker-trigger"),
                "aria-label", "选择日期"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.click(By.cssSelector("#documents\\:longTerm .ui-chkbox-box"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("documents:validUntil_input")));
        browser.click(By.id("documents:next"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents:messages"),
                "姓名与当前账户的实名信息不一致"));

        type(By.id("documents:name"), p.name());
        browser.click(By.id("documents:next"));
        browser.click(By.id("documents:faceTaxApp"));
        String qrToken = browser.text(By.id("qrToken"));
        MobileAppWindow.passFaceCheck(driver, wait, qrToken, "账户信息修改");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents:messages"), "证件新增完成"));
        assertThat(browser.text(By.id("documents:rows:1:type"))).isEqualTo("中国护照");
        assertThat(browser.text(By.id("documents:rows:1:number"))).isEqualTo(number.substring(0, 3) + "****"
                + number.substring(7));
        assertThat(browser.text(By.id("documents:rows:1:validity"))).isEqualTo(from + " 至 长期");
        assertThat(driver.findElements(By.id("documents:addPanel"))).as("the form is closed").isEmpty();
    }

    private void type(By by, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(value, Keys.ESCAPE);
    }
}
