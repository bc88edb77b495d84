package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tax-office staff console (§8) clicked in real headless Chromium: the console sends an anonymous visitor to the
 * clerk login, a clerk logs in, registers a taxpayer at the counter (REG-8: legal representative bound, finance
 * officer pending) and adds a tax officer offline, pending until he confirms (ENT-3); the grant history shows both.
 */
@DisplayName("§8 in a real browser: clerk login, counter registration, offline grant")
class ClerkConsoleBrowserIT extends BrowserTest {

    @Test
    @DisplayName("a clerk logs in, registers a taxpayer and adds an offline tax officer")
    void clerk_registers_a_taxpayer_and_adds_an_offline_grant() {
        String clerk = ClerkFixtures.newClerk("CLERK_REGISTRATION", "CLERK_GRANTS");
        TestPerson legal = Fixtures.quickPerson();
        TestPerson finance = Fixtures.quickPerson();
        TestPerson officer = Fixtures.quickPerson();
        String code = TaxpayerSyncIT.newCreditCode();

        driver.get(App.uri("/clerk/index.xhtml").toString());
        wait.until(ExpectedConditions.urlContains("/clerk/login.xhtml"));
        ClerkFixtures.logInOnPage(browser, clerk);
        assertThat(browser.text(By.id("clerkBar:who"))).isEqualTo("测试科员（国家税务总局南昌市东湖区税务局）");

        browser.click(By.id("clerkBar:registerLink"));
        wait.until(ExpectedConditions.urlContains("/clerk/register.xhtml"));
        browser.type(By.id("reg:creditCode"), code);
        browser.type(By.id("reg:name"), "浏览器登记企业" + code.substring(10));
        browser.type(By.id("reg:legalName"), legal.name());
        browser.type(By.id("reg:legalIdNumber"), legal.idNumber());
        browser.type(By.id("reg:financeName"), finance.name());
        browser.type(By.id("reg:financeIdNumber"), finance.idNumber());
        browser.click(By.id("reg:submit"));

        wait.until(ExpectedConditions.urlContains("/clerk/index.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console:messages"),
                "纳税人" + code + "已登记，法定代表人已自动关联。"));
        assertThat(browser.text(By.id("console:tpCode"))).isEqualTo(code);
        assertThat(browser.text(By.id("console:tpAuthority"))).isEqualTo("国家税务总局南昌市东湖区税务局");
        String staff = browser.text(By.id("console:staff"));
        assertThat(staff).contains(Fixtures.maskedName(legal.name()) + " ", "法定代表人 有效 系统（税务登记）")
                .contains("财务负责人 待确认 系统（税务登记）").doesNotContain(legal.idNumber());

        browser.type(By.id("console:staffName"), officer.name());
        browser.type(By.id("console:staffIdNumber"), officer.idNumber());
        browser.click(By.xpath("//*[@id='console:staffPermissions']//label[normalize-space(.)='申报缴税']"));
        browser.click(By.xpath("//*[@id='console:staffPermissions']//label[normalize-space(.)='税费查询']"));
        browser.click(By.id("console:addGrantSubmit"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console:messages"),
                "办税人员已添加，待本人确认授权后生效。"));
        assertThat(browser.text(By.id("console:staff"))).contains(Fixtures.maskedName(officer.name()))
                .contains("办税员 待确认 税务机关（线下） 申报缴税、税费查询 长期");
        assertThat(browser.text(By.id("console:history"))).contains("待确认 税务机关（线下）", "待确认 系统（税务登记）");
    }

    @Test
    @DisplayName("自然人业务: a clerk collects a foreign passport (then it registers online) and unlocks a locked login")
    void clerk_collects_and_unlocks() {
        String clerk = ClerkFixtures.newClerk("CLERK_REGISTRATION");
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        TestPerson locked = Fixtures.quickPerson();
        Api person = Api.browser();
        for (int i = 0; i < 5; i++) {
            person.passwordStep(locked.idNumber(), "Wrong@2026x");
        }

        driver.get(App.uri("/clerk/login.xhtml").toString());
        ClerkFixtures.logInOnPage(browser, clerk);
        browser.click(By.id("clerkBar:personsLink"));
        wait.until(ExpectedConditions.urlContains("/clerk/persons.xhtml"));

        browser.type(By.id("persons:name"), "Anna Berg");
        browser.choose("persons:idType", "外国护照");
        browser.choose("persons:nationality", "英国");
        browser.type(By.id("persons:idNumber"), passport);
        browser.type(By.id("persons:phone"), Fixtures.newPhone());
        browser.click(By.id("persons:collect"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persons:messages"), "的实名采集"));
        assertThat(browser.text(By.id("persons:messages"))).startsWith("已完成A********（").doesNotContain(passport);
        assertThat(driver.findElement(By.id("persons:name")).getAttribute("value")).as("form cleared").isEmpty();
        assertThat(Fixtures.Registration.identityCheck(Api.browser(), "Anna Berg", "FOREIGN_PASSPORT", passport, true)
                .status()).as("registers online now").isEqualTo(200);

        browser.type(By.id("persons:unlockName"), locked.name());
        browser.type(By.id("persons:unlockIdNumber"), locked.idNumber());
        browser.click(By.id("persons:unlock"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("persons:messages"),
                Fixtures.maskedName(locked.name()) + "（"));
        assertThat(browser.text(By.id("persons:messages"))).endsWith("的账号已解锁，可立即登录");
        assertThat(person.passwordStep(locked.idNumber(), locked.password()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a clerk without the registration duty opening its pages sees only why not, under his console bar")
    void pages_of_another_duty_show_only_the_refusal() {
        String clerk = ClerkFixtures.newClerk("CLERK_GRANTS");
        driver.get(App.uri("/clerk/login.xhtml").toString());
        ClerkFixtures.logInOnPage(browser, clerk);
        for (String page : new String[] {"/clerk/persons.xhtml", "/clerk/register.xhtml"}) {
            driver.get(App.uri(page).toString());
            wait.until(ExpectedConditions.textToBe(By.id("areaRefusal"), "您的岗位无权办理该业务"));
            assertThat(driver.findElements(By.id("persons"))).isEmpty();
            assertThat(driver.findElements(By.id("reg"))).isEmpty();
            assertThat(browser.text(By.id("clerkBar:who"))).contains("国家税务总局南昌市东湖区税务局");
        }
    }
}
