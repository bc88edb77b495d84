package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENT-8 clicked in headless Chromium: a tax-agent institution's legal representative files a mandate under
 * 被代理信息查看 and sees himself among the 税务代理人员信息; the client's legal representative finds the agency under
 * 我的代理机构, looks at its agents' permissions (权限查看) and recognises it (认定).
 */
@DisplayName("ENT-8 in a real browser: an agency files a mandate, the client recognises it")
class AgencyMandatesBrowserIT extends BrowserTest {

    @Test
    @DisplayName("file under 被代理信息查看 → 代理人员权限 for its tax officer → 我的代理机构 shows it pending → 权限查看 → "
            + "认定 → 已认定 on both sides")
    void agency_files_and_client_recognises() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(agencyFirm), agencyFirm, officer);
        LocalDate today = Sim.today();
        String from = today.toString();
        String until = today.plusYears(1).toString();

        new EnterpriseEntryPage(driver, wait).logIn(agencyFirm.creditCode(), agencyFirm.legal());
        assertThat(driver.findElements(By.id("navAgencies"))).as("an agency has no 我的代理机构").isEmpty();
        browser.click(By.id("navAgencyClients"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#clients h2"), "被代理信息查看"));
        assertThat(browser.text(By.id("clients:mandates"))).contains("暂无被代理企业");

        browser.click(By.id("clients:file"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients:messages"),
                "统一社会信用代码（纳税人识别号）"));
        browser.type(By.id("clients:clientCreditCode"), client.creditCode());
        pickDate("mandateFrom", By.id("clients:validFrom_input"), today);
        pickDate("mandateUntil", By.id("clients:validUntil_input"), today.plusYears(1));
        browser.click(By.xpath("//*[@id='clients:scope']//label[text()='申报缴税']"));
        browser.click(By.xpath("//*[@id='clients:scope']//label[text()='税费查询']"));
        assertThat(browser.text(By.id("clients:scope"))).doesNotContain("账户管理", "代理关系管理");
        browser.click(By.id("clients:file"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients:messages"), "待其认定"));
        String row = browser.text(By.id("clients:mandates"));
        assertThat(row).contains(client.creditCode(), "申报缴税、税费查询", from + " ~", until, "待认定");

        // AGT-4 代理人员权限: the tax officer acts for this client only with what is ticked here
        browser.click(By.cssSelector("[id$=':assignAgents']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clients:assignments")));
        assertThat(browser.text(By.id("clients:assignments"))).contains(Fixtures.maskedName(officer.name()), "办税员");
        // one row: the legal representative acts for every client already (two random names may mask alike)
        assertThat(driver.findElements(By.cssSelector("[id='clients:assignments_data'] > tr")))
                .as("the tax officer only").hasSize(1);
        browser.click(By.xpath("//*[@id='clients:assignments']//label[text()='申报缴税']"));
        browser.click(By.cssSelector("[id$=':save']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients:assignMessages"),
                "已保存" + Fixtures.maskedName(officer.name()) + "对该企业的代理权限"));
        browser.click(By.cssSelector("#clients\\:assignDialog .ui-dialog-titlebar-close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("clients:assignments")));

        browser.click(By.id("navAgencyAgents"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentStaff h2"), "税务代理人员信息"));
        assertThat(browser.text(By.id("agentStaff:agents"))).contains(Fixtures.maskedName(agencyFirm.legal().name()),
                "法定代表人", "代理关系管理");
        browser.logOut();

        new EnterpriseEntryPage(driver, wait).logIn(client.creditCode(), client.legal());
        assertThat(driver.findElements(By.id("navAgencyClients"))).as("an ordinary taxpayer has no clients").isEmpty();
        browser.click(By.id("navAgencies"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agencies h2"), "我的代理机构"));
        assertThat(browser.text(By.id("agencies:mandates"))).contains(agencyFirm.creditCode(), "申报缴税、税费查询", "待认定");

        browser.click(By.cssSelector("[id$=':viewAgents']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agencies:agents")));
        assertThat(browser.text(By.id("agencies:agents"))).contains(Fixtures.maskedName(agencyFirm.legal().name()),
                "申报缴税、税费查询", Fixtures.maskedName(officer.name())).doesNotContain("代理关系管理");
        browser.click(By.cssSelector("#agencies\\:agentsDialog .ui-dialog-titlebar-close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("agencies:agents")));

        browser.click(By.cssSelector("[id$=':recognise']"));
        browser.click(By.id("agencies:confirmYes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agencies:messages"), "已认定该代理机构"));
        assertThat(browser.text(By.id("agencies:mandates"))).contains("已认定");
        assertThat(driver.findElements(By.cssSelector("[id$=':recognise']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("[id$=':cancel']"))).hasSize(1);
    }

    /**
     * Sets a date picker to the day through PrimeFaces' own widget API, then checks what the input shows: typing into
     * two pickers one after the other races their calendars' key handling in headless Chromium.
     */
    private void pickDate(String widget, By input, LocalDate day) {
        ((JavascriptExecutor) driver).executeScript("PF(arguments[0]).setDate(new Date(arguments[1], arguments[2] - 1, "
                + "arguments[3]))", widget, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        assertThat(driver.findElement(input).getAttribute("value")).isEqualTo(day.toString());
    }
}
