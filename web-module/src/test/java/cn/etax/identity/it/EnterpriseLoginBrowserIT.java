package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise entry (LOGIN-2) clicked in real headless Chromium: portal → 企业业务登录 → credit code, phone,
 * password and slider → SMS code → the enterprise account center, whose profile page names the company (masked)
 * and the identity. The taxpayer and its people are made over REST (the simulator's persons, the sync API, the grant
 * API) as in EnterpriseLoginIT; the browser does only what a person does (steps in {@link EnterpriseEntryPage}).
 */
@DisplayName("LOGIN-2 in a real browser: enterprise entry, one identity or a choice of two")
class EnterpriseLoginBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the legal representative logs in by credit code, phone, password, slider and SMS; the profile "
            + "shows the masked company and 法定代表人")
    void legal_representative_logs_in() {
        Enterprise e = GrantFixtures.registerEnterprise();

        openEnterpriseEntry();
        passwordAndSmsSteps(e.creditCode(), e.legal());

        enterpriseAccountCenterThenProfile();
        assertThat(browser.text(By.id("currentEnterprise")))
                .startsWith("当前企业身份").endsWith(maskedCompany(e.creditCode()) + "（法定代表人）");
        assertThat(driver.getPageSource()).as("the company's name is not in clear")
                .doesNotContain(companyName(e.creditCode()));
    }

    @Test
    @DisplayName("a person with two active identities in the company chooses one and the profile shows it")
    void two_identities_are_chosen_from() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = EnterpriseCenterFixtures.enterpriseLoggedIn(e.creditCode(), e.legal());
        TestPerson both = Fixtures.quickPerson();
        long officer = GrantFixtures.offer(boss, e, both, null);
        Reply added = GrantFixtures.add(boss, e, both, "INVOICER", null, "INVOICE_ISSUE", "TAX_QUERY");
        assertThat(added.status()).as("add invoicer: %s", added).isEqualTo(200);
        long invoicer = added.json().getJsonNumber("id").longValue();
        Reply confirmed = GrantFixtures.confirmWithFace(AccountFixtures.loggedIn(both), officer, invoicer);
        assertThat(confirmed.status()).as("confirm both: %s", confirmed).isIn(200, 204);

        openEnterpriseEntry();
        passwordAndSmsSteps(e.creditCode(), both);

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLogin h2"), "选择登录身份"));
        String choices = browser.text(By.id("entLogin:identity"));
        assertThat(choices).contains("办税员（权限：", "开票员（权限：").doesNotContain("已锁定");
        browser.click(By.xpath("//div[@id='entLogin:identity']//label[starts-with(normalize-space(.), '开票员')]"));
        wait.until(ExpectedConditions.elementSelectionStateToBe(
                By.cssSelector("#entLogin\\:identity input[value='" + invoicer + "']"), true));
        browser.click(By.id("entLogin:chooseIdentity"));

        enterpriseAccountCenterThenProfile();
        assertThat(browser.text(By.id("currentEnterprise")))
                .startsWith("当前企业身份").endsWith(maskedCompany(e.creditCode()) + "（开票员）");
    }

    @Test
    @DisplayName("the finance officer is asked the seeds' question, clicks 确定, passes the QR face check in the tax "
            + "app and is logged in as 财务负责人")
    void finance_officer_confirms_with_a_face_check() {
        Enterprise e = GrantFixtures.registerEnterprise();

        openEnterpriseEntry();
        passwordAndSmsSteps(e.creditCode(), e.finance());

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLogin h2"), "确认企业身份"));
        assertThat(browser.text(By.id("confirmQuestion"))).isEqualTo("是否确认成为该企业的财务负责人");
        assertThat(browser.text(By.id("entLogin:offer"))).startsWith("财务负责人");
        browser.click(By.id("entLogin:confirmTaxApp"));
        String qrToken = browser.text(By.id("qrToken"));
        MobileAppWindow.passFaceCheck(driver, wait, qrToken, "确认企业授权");

        enterpriseAccountCenterThenProfile();
        assertThat(browser.text(By.id("currentEnterprise")))
                .startsWith("当前企业身份").endsWith(maskedCompany(e.creditCode()) + "（财务负责人）");
    }

    /** The enterprise login lands on the enterprise account center (ENT-1); the profile is one click away. */
    private void enterpriseAccountCenterThenProfile() {
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        browser.click(By.id("navProfile"));
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
    }

    // ---- LOGIN-2 ------------------------------------------------------------------------------------------------

    private void openEnterpriseEntry() {
        new EnterpriseEntryPage(driver, wait).open();
    }

    private void passwordAndSmsSteps(String creditCode, TestPerson p) {
        new EnterpriseEntryPage(driver, wait).passwordAndSmsSteps(creditCode, p);
    }

    // ----

    /** The name GrantFixtures.registerEnterprise gives the taxpayer. */
    private static String companyName(String creditCode) {
        return "授权测试企业" + creditCode.substring(10);
    }

    /** RULE-MASK for a company of 14 characters: the first and last four kept. */
    private static String maskedCompany(String creditCode) {
        String name = companyName(creditCode);
        return name.substring(0, 4) + "*".repeat(name.length() - 8) + name.substring(name.length() - 4);
    }
}
