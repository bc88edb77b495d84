package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-way confirmed grant from end to end, as three people click it in headless Chromium: the legal
 * representative adds a tax officer with the 申报缴税 template after the risk warning (ENT-2); the tax officer, logged
 * in by SMS, confirms the offer with a face check in the tax app (PER-3); then he logs in through the enterprise entry
 * (LOGIN-2) and acts as tax officer with exactly the template's permissions and no staff management (ENT-1).
 */
@DisplayName("ENT-2 → PER-3 → LOGIN-2 in a real browser: added, confirmed with face, acting with only his permissions")
class StaffJourneyBrowserIT extends BrowserTest {

    @Test
    @DisplayName("legal representative adds a tax officer → he confirms with face → logs in through the enterprise "
            + "entry → sees only his permissions")
    void added_confirmed_and_acting() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();

        // ENT-2: the legal representative offers the tax officer's role with the 申报缴税 template
        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());
        browser.click(By.id("navStaffAdd"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff-add.xhtml"));
        browser.type(By.id("staffAdd:name"), officer.name());
        browser.type(By.id("staffAdd:idNumber"), officer.idNumber());
        browser.choose("staffAdd:template", "申报缴税");
        browser.click(By.id("staffAdd:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("riskText")));
        browser.click(By.cssSelector("#staffAdd\\:riskAcknowledged .ui-chkbox-box"));
        browser.click(By.id("staffAdd:riskConfirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staffAdd:messages"),
                "成功添加办税人员，等待该办税人员确认授权"));
        browser.logOut();

        // PER-3: the officer, logged in by SMS, confirms the offer with a face check in the tax app
        new PersonEntryPage(driver, wait).logInBySms(officer);
        browser.click(By.id("navAuthPending"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pending h2"), "待确认授权"));
        assertThat(browser.text(By.id("pending:rows:0:creditCode"))).isEqualTo(e.creditCode());
        assertThat(browser.text(By.id("pending:rows:0:identityType"))).isEqualTo("办税员");
        assertThat(browser.text(By.id("pending:rows"))).contains("企业发起", "申报缴税");
        browser.click(By.id("pending:rows:0:confirm"));
        wait.until(ExpectedConditions.textToBe(By.id("confirmTitle"), "信息确认"));
        browser.click(By.id("pending:faceTaxApp"));
        MobileAppWindow.passFaceCheck(driver, wait, browser.text(By.id("qrToken")), "确认企业授权");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:messages"),
                "已确认1条授权信息"));
        browser.logOut();

        // LOGIN-2 → ENT-1: he acts for the enterprise as tax officer, with the template's permissions only
        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), officer);
        assertThat(browser.text(By.id("identities"))).isEqualTo("办税员");
        assertThat(browser.text(By.id("permissions"))).contains("申报缴税", "证明开具", "税费查询")
                .doesNotContain("发票开具", "发票使用", "退抵税", "账户管理", "代理关系管理");
        assertThat(driver.findElements(By.id("navStaffAdd"))).isEmpty();
        assertThat(driver.findElements(By.id("navStaff"))).isEmpty();
        assertThat(driver.findElements(By.id("entInfo:taxData"))).as("tax data is for the managers").isEmpty();
    }
}
