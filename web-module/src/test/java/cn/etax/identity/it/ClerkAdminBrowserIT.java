package cn.etax.identity.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §8 clerk administration clicked in real headless Chromium: an administrator adds a clerk at 工作人员账户管理,
 * gives him a second duty, stops and restarts him; the clerk then logs in with the initial password, sets his own
 * and logs in with it into the console.
 */
@DisplayName("§8 in a real browser: an administrator adds a clerk, who sets his own password at his first login")
class ClerkAdminBrowserIT {

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
    @DisplayName("add a clerk, change his duties, stop and restart him; his first login sets his own password")
    void administrator_adds_a_clerk_who_sets_his_password() {
        String admin = ClerkFixtures.newClerk("CLERK_ADMIN");
        String username = ClerkAdminIT.newUsername();
        String phone = Fixtures.newPhone();
        driver.get(App.uri("/clerk/login.xhtml").toString());
        ClerkFixtures.logInOnPage(browser, admin);
        browser.click(By.id("clerkBar:clerksLink"));
        wait.until(ExpectedConditions.urlContains("/clerk/clerks.xhtml"));
        assertThat(driver.findElement(By.id("clerks:officeCode")).getAttribute("value")).as("his own office offered")
                .isEqualTo("13601020000");

        browser.click(By.xpath("//tbody[@id='clerks:table_data']/tr[td[normalize-space(.)='" + admin
                + "']]//button[contains(@id,':manage')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerks:accountTitle"), admin));
        assertThat(driver.findElements(By.id("clerks:deactivate"))).as("not offered on his own account").isEmpty();
        assertThat(driver.findElements(By.id("clerks:reset"))).isEmpty();

        browser.type(By.id("clerks:username"), username);
        browser.type(By.id("clerks:name"), "浏览器科员");
        browser.type(By.id("clerks:phone"), phone);
        browser.type(By.id("clerks:password"), ClerkAdminIT.INITIAL);
        browser.click(By.xpath("//*[@id='clerks:roles']//label[normalize-space(.)='登记岗']"));
        browser.click(By.id("clerks:create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerks:messages"),
                "工作人员账号" + username + "已新增。"));
        By row = By.xpath("//tbody[@id='clerks:table_data']/tr[td[normalize-space(.)='" + username + "']]");
        assertThat(browser.text(row)).contains("浏览器科员", "登记岗", Fixtures.maskedPhone(phone), "待本人修改密码");

        browser.click(By.xpath("//tbody[@id='clerks:table_data']/tr[td[normalize-space(.)='" + username
                + "']]//button[contains(@id,':manage')]"));
        wait.until(ExpectedConditions.textToBe(By.id("clerks:accountTitle"), "浏览器科员（" + username + "）"));
        browser.click(By.xpath("//*[@id='clerks:selectedRoles']//label[normalize-space(.)='授权岗']"));
        browser.click(By.id("clerks:saveRoles"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerks:messages"),
                "工作人员" + username + "的岗位已保存。"));
        assertThat(browser.text(row)).contains("登记岗、授权岗");

        browser.click(By.id("clerks:deactivate"));
        wait.until(d -> "clerks:confirmNo".equals(d.switchTo().activeElement().getAttribute("id")));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("clerks:confirmNo")));
        assertThat(browser.text(By.id("clerks:selectedState"))).as("a stray Enter in the dialog stops nobody")
                .isEqualTo("待本人修改密码");
        browser.click(By.id("clerks:deactivate"));
        browser.click(By.id("clerks:confirmYes"));
        wait.until(ExpectedConditions.textToBe(By.id("clerks:selectedState"), "已停用"));
        assertThat(browser.text(row)).contains("已停用");
        browser.click(By.id("clerks:activate"));
        wait.until(ExpectedConditions.textToBe(By.id("clerks:selectedState"), "待本人修改密码"));

        ClerkFixtures.phoneIs(username, phone);
        driver.manage().deleteAllCookies();
        driver.get(App.uri("/clerk/login.xhtml").toString());
        ClerkFixtures.passwordAndCodeOnPage(browser, username, ClerkAdminIT.INITIAL);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerkLogin:messages"),
                "您的密码由管理员设置，请设置新密码后重新登录。"));
        browser.type(By.id("clerkLogin:newPassword"), ClerkAdminIT.INITIAL);
        browser.type(By.id("clerkLogin:confirmation"), ClerkAdminIT.INITIAL + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerkLogin:messages"),
                "新密码不能与原密码相同"));
        browser.type(By.id("clerkLogin:newPassword"), ClerkAdminIT.OWN);
        browser.type(By.id("clerkLogin:confirmation"), ClerkAdminIT.OWN + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clerkLogin:messages"),
                "新密码已设置，请使用新密码重新登录。"));

        ClerkFixtures.passwordAndCodeOnPage(browser, username, ClerkAdminIT.OWN);
        wait.until(ExpectedConditions.urlContains("/clerk/index.xhtml"));
        assertThat(browser.text(By.id("clerkBar:who"))).isEqualTo("浏览器科员（国家税务总局南昌市东湖区税务局）");
        assertThat(driver.findElements(By.id("clerkBar:registerLink"))).as("his registration duty").isNotEmpty();
        assertThat(driver.findElements(By.id("clerkBar:clerksLink"))).as("no administration duty").isEmpty();
    }

    @Test
    @DisplayName("an administrator whose duty is taken away while his page is open is sent to the login on his next press")
    void ended_session_goes_to_the_login() {
        String admin = ClerkFixtures.newClerk("CLERK_ADMIN");
        driver.get(App.uri("/clerk/login.xhtml").toString());
        ClerkFixtures.logInOnPage(browser, admin);
        browser.click(By.id("clerkBar:clerksLink"));
        wait.until(ExpectedConditions.urlContains("/clerk/clerks.xhtml"));

        Api other = ClerkFixtures.loggedIn(ClerkFixtures.newClerk("CLERK_ADMIN"));
        Reply moved = other.send("PUT", ClerkAdminIT.CLERKS + "/" + ClerkFixtures.idOf(admin) + "/roles",
                jakarta.json.Json.createObjectBuilder().add("roles", jakarta.json.Json.createArrayBuilder()
                        .add("CLERK_GRANTS")).build(), java.util.Map.of());
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        browser.click(By.xpath("//tbody[@id='clerks:table_data']/tr[1]//button[contains(@id,':manage')]"));
        wait.until(ExpectedConditions.urlContains("/clerk/login.xhtml"));
    }
}
