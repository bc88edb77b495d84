package cn.etax.identity.it;

import cn.etax.identity.it.SwitchFixtures.TwoEnterprises;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ENT-9 quick switch in the page header and ENT-1 "all identities, the current one bold" in the account center. */
class IdentitySwitchBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the header lists the other identities; choosing one switches without a new login and the account "
            + "center shows it bold; after personal business the menu is gone")
    void quick_switch_from_the_header() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api api = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        driver.get(App.uri("/").toString());
        driver.manage().addCookie(new Cookie(Api.SESSION_COOKIE, api.sessionId().orElseThrow(), "/"));
        driver.get(App.uri("/account/profile.xhtml").toString());

        String companyA = masked(t.a().creditCode());
        String companyB = masked(t.b().creditCode());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identityList")));
        assertThat(bold()).containsExactly(companyA + " · 办税员 · 当前身份");
        assertThat(grey()).containsExactlyInAnyOrder(companyA + " · 开票员", companyB + " · 办税员", "个人办税");
        assertThat(driver.findElement(By.cssSelector("#identityMenu summary")).getText()).isEqualTo(companyA
                + " · 办税员");

        driver.findElement(By.cssSelector("#identityMenu summary")).click();
        List<String> offered = driver.findElements(By.cssSelector("#identityMenu a.identity-option")).stream()
                .map(WebElement::getText).toList();
        assertThat(offered).containsExactlyInAnyOrder(companyA + " · 开票员", companyB + " · 办税员", "个人办税");
        browser.click(By.cssSelector("#identityMenu a.identity-option[data-grant='" + t.officerB() + "']"));

        // the new enterprise's own account center, as after an enterprise login (ENT-9)
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        assertThat(browser.text(By.cssSelector("#identityMenu summary"))).isEqualTo(companyB + " · 办税员");
        driver.get(App.uri("/account/profile.xhtml").toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("currentEnterprise"), companyB));
        assertThat(driver.findElement(By.id("currentEnterprise")).getText()).endsWith(companyB + "（办税员）");
        assertThat(bold()).containsExactly(companyB + " · 办税员 · 当前身份");
        assertThat(api.get(SwitchFixtures.IDENTITY).status()).as("the old session id is void").isEqualTo(401);

        driver.findElement(By.cssSelector("#identityMenu summary")).click();
        browser.click(By.cssSelector("#identityMenu a.identity-option[data-kind='PERSONAL']"));
        // one way: the browser asks first (切换到个人办税后，不可再从个人切换到企业)
        org.openqa.selenium.Alert oneWay = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(oneWay.getText()).startsWith("切换到个人办税后，不可再从个人切换到企业");
        oneWay.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("headerForm:currentIdentity"), "个人办税"));
        assertThat(driver.findElements(By.id("identityMenu"))).as("no way back to an enterprise").isEmpty();
        assertThat(driver.findElements(By.id("currentEnterprise"))).isEmpty();
        assertThat(bold()).containsExactly("个人办税 · 当前身份");
    }

    @Test
    @DisplayName("on a phone (390 px) in English the header's identity menu opens within the screen")
    void identity_menu_fits_a_phone() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api api = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(App.uri("/").toString());
        driver.manage().addCookie(new Cookie(Api.SESSION_COOKIE, api.sessionId().orElseThrow(), "/"));
        driver.get(App.uri("/account/profile.xhtml").toString());
        browser.click(By.id("headerForm:langEn"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#identityMenu summary"),
                "Tax officer"));

        driver.findElement(By.cssSelector("#identityMenu summary")).click();

        WebElement menu = driver.findElement(By.cssSelector("#identityMenu ul"));
        wait.until(ExpectedConditions.visibilityOf(menu));
        long width = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.clientWidth;");
        org.openqa.selenium.Rectangle box = menu.getRect();
        assertThat(box.getX()).as("left edge within the screen").isGreaterThanOrEqualTo(0);
        assertThat(box.getX() + box.getWidth()).as("right edge within the screen").isLessThanOrEqualTo((int) width);
        assertThat(driver.findElements(By.cssSelector("#identityMenu a.identity-option")))
                .extracting(WebElement::getText).contains("Personal business");
    }

    @Test
    @DisplayName("ENT-9 身份切换 in the enterprise account center: every identity listed, 切换 to another, then to "
            + "personal business")
    void switch_page_of_the_enterprise_account_center() {
        TwoEnterprises t = SwitchFixtures.twoEnterprises();
        Api api = SwitchFixtures.enterpriseLogin(t.a().creditCode(), t.p(), t.officerA());
        driver.get(App.uri("/").toString());
        driver.manage().addCookie(new Cookie(Api.SESSION_COOKIE, api.sessionId().orElseThrow(), "/"));
        driver.get(App.uri("/account/enterprise/info.xhtml").toString());

        browser.click(By.id("entInfo:inEnterpriseSwitch"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/switch.xhtml"));
        String table = browser.text(By.id("entSwitch:identities"));
        assertThat(table).contains(t.a().creditCode(), t.b().creditCode(), "办税员", "开票员", "当前");
        browser.click(By.xpath("//tr[td[normalize-space(.)='" + t.a().creditCode() + "'] and td[normalize-space(.)="
                + "'开票员']]//button[contains(@id,':switchTo')]"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        assertThat(browser.text(By.id("identities"))).isEqualTo("办税员 开票员");
        assertThat(browser.text(By.cssSelector("#identityMenu summary"))).endsWith(" · 开票员");

        browser.click(By.id("navEntSwitch"));
        browser.click(By.id("entSwitch:toPersonal"));
        browser.click(By.id("entSwitch:confirmYes"));
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
        assertThat(browser.text(By.id("headerForm:currentIdentity"))).isEqualTo("个人办税");
    }

    private List<String> bold() {
        return driver.findElements(By.cssSelector("#identityList li")).stream()
                .filter(li -> Integer.parseInt(li.getCssValue("font-weight")) >= 700)
                .map(li -> li.getText().strip()).toList();
    }

    private List<String> grey() {
        return driver.findElements(By.cssSelector("#identityList li.other")).stream()
                .map(li -> li.getText().strip()).toList();
    }

    /** RULE-MASK of the name GrantFixtures.registerEnterprise gives: first and last four characters kept. */
    private static String masked(String creditCode) {
        String name = "授权测试企业" + creditCode.substring(10);
        return name.substring(0, 4) + "*".repeat(name.length() - 8) + name.substring(name.length() - 4);
    }
}
