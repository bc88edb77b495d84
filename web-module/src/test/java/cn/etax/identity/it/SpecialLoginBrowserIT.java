package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
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
 * LOGIN-4 clicked in headless Chromium: portal → 特定主体登录 → credit code, phone, password, slider, SMS code →
 * 报验信息查询, searched by management number → 【进入】; the subject's page (no account center) and 身份切换 to the
 * other subject.
 */
@DisplayName("LOGIN-4 in a real browser: special-subject entry, query, enter, switch")
class SpecialLoginBrowserIT {

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
    @DisplayName("the legal representative finds a cross-region matter by its number, enters it and switches to the "
            + "other one")
    void legal_representative_enters_and_switches() {
        Enterprise e = GrantFixtures.registerEnterprise();
        String first = SpecialLoginIT.pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());
        String second = SpecialLoginIT.pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());

        EnterpriseEntryPage entry = EnterpriseEntryPage.special(driver, wait);
        entry.open();
        entry.passwordAndSmsSteps(e.creditCode(), e.legal());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#specialLogin h2"), "报验信息查询"));
        assertThat(browser.text(By.id("specialLogin:subjects"))).contains(first, second, "江西省九江市濂溪区");

        browser.type(By.id("specialLogin:number"), first.substring(first.length() - 6));
        browser.click(By.id("specialLogin:search"));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("specialLogin:subjects"), second)));
        assertThat(browser.text(By.id("specialLogin:subjects"))).contains(first);
        browser.click(By.xpath("//span[contains(@id,'subjectNumber') and text()='" + first
                + "']/ancestor::tr//button[contains(@id,':enter')]"));

        wait.until(ExpectedConditions.urlContains("/account/crossregion/info.xhtml"));
        assertThat(browser.text(By.id("number"))).isEqualTo(first);
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(e.creditCode());
        assertThat(browser.text(By.id("taxpayerName"))).contains("*");
        assertThat(browser.text(By.id("role"))).startsWith("主身份");
        assertThat(browser.text(By.id("headerForm:currentCrossRegion"))).contains(first);
        assertThat(driver.findElements(By.id("navStaffAdd"))).as("特定主体无账户中心").isEmpty();

        browser.click(By.xpath("//span[contains(@id,'subjectNumber') and text()='" + second
                + "']/ancestor::tr//button[contains(@id,':switch')]"));
        wait.until(ExpectedConditions.textToBe(By.id("number"), second));
        assertThat(browser.text(By.id("crossRegion:messages"))).contains("已切换为：" + second);
    }

    @Test
    @DisplayName("ENT-9 跨区域办税: from the enterprise account center to a cross-region matter and back, without "
            + "logging in again")
    void enterprise_identity_switches_to_a_matter_and_back() {
        Enterprise e = GrantFixtures.registerEnterprise();
        String number = SpecialLoginIT.pushed("INSPECTION", e.creditCode(), Fixtures.quickPerson());
        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());

        browser.click(By.id("navCrossRegion"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entCrossRegion h2"), "身份切换-跨区域办税"));
        browser.type(By.id("entCrossRegion:region"), "九江");
        browser.click(By.id("entCrossRegion:search"));
        browser.click(By.xpath("//span[contains(@id,'subjectNumber') and text()='" + number
                + "']/ancestor::tr//button[contains(@id,':switch')]"));

        wait.until(ExpectedConditions.urlContains("/account/crossregion/info.xhtml"));
        assertThat(browser.text(By.id("number"))).isEqualTo(number);
        browser.click(By.id("crossRegion:toEnterprise"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(e.creditCode());
    }

    @Test
    @DisplayName("somebody the report form does not name reads the seeds' refusal after the second factor and may "
            + "start again")
    void a_person_not_named_is_refused_with_the_seeds_words() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson handler = Fixtures.quickPerson();
        SpecialLoginIT.pushed("INSPECTION", e.creditCode(), handler);
        TestPerson stranger = Fixtures.quickPersonNotNamed(handler.name());

        EnterpriseEntryPage entry = EnterpriseEntryPage.special(driver, wait);
        entry.open();
        entry.passwordAndSmsSteps(e.creditCode(), stranger);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#specialLogin h2"), "无法登录特定主体"));
        assertThat(browser.text(By.id("specialLogin:messages")))
                .contains("你的信息与《跨区域涉税事项报告表》经办人信息不符，身份校验未通过，请前往办税服务大厅办理相关业务。");
        browser.click(By.id("specialLogin:restart"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#specialLogin h2"), "特定主体登录"));
    }
}
