package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-3 and AGT-1..AGT-3 clicked in headless Chromium: portal → 代理业务登录 → the agency's credit code, the agent's
 * phone, password, slider, SMS code → 选择被代理企业 → 进入; the client's information and the agent's permissions;
 * 身份切换 to the other client, then to personal business.
 */
@DisplayName("LOGIN-3, AGT-1..AGT-3 in a real browser: agent entry, client, permissions, switch")
class AgentLoginBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the agent enters one client, sees it and his permissions, switches to the other, then to personal")
    void agent_enters_switches_and_leaves() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise first = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise second = EnterpriseCenterFixtures.registerEnterprise();
        AgentLoginIT.recognisedMandates(agencyFirm, first, second);

        EnterpriseEntryPage entry = EnterpriseEntryPage.agent(driver, wait);
        entry.open();
        entry.passwordAndSmsSteps(agencyFirm.creditCode(), agencyFirm.legal());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentLogin h2"), "选择被代理企业"));
        assertThat(browser.text(By.id("agentLogin:clients"))).contains(first.creditCode(), second.creditCode(), "申报缴税");
        browser.click(enterButton(first.creditCode()));

        // AGT-1: the client's basic information, masked, and who the agent is
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(first.creditCode());
        assertThat(browser.text(By.id("agentInfo:clientName"))).contains("*");
        assertThat(driver.getPageSource()).doesNotContain(EnterpriseCenterFixtures.companyName(first.creditCode()));
        // RULE-MASK: the eye shows the client's name, a second click masks it again
        browser.click(By.id("agentInfo:eyeClientName"));
        wait.until(ExpectedConditions.textToBe(By.id("agentInfo:clientName"),
                EnterpriseCenterFixtures.companyName(first.creditCode())));
        browser.click(By.id("agentInfo:eyeClientName"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agentInfo:clientName"), "*"));
        assertThat(browser.text(By.id("identity"))).isEqualTo("代理人员（本机构法定代表人）");
        assertThat(browser.text(By.id("agency"))).contains(agencyFirm.creditCode());
        assertThat(browser.text(By.id("headerForm:currentAgentIdentity"))).contains("代理人员");
        assertThat(driver.findElements(By.id("navStaffAdd"))).as("no enterprise staff management").isEmpty();
        // the enterprise account center's pages typed in: why not, and no form under it
        driver.get(App.uri("/account/enterprise/staff-add.xhtml").toString());
        wait.until(ExpectedConditions.textToBe(By.id("areaRefusal"), "请通过企业业务入口登录后办理"));
        assertThat(driver.findElements(By.id("staffAdd"))).isEmpty();
        browser.click(By.id("areaAccount"));
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));

        // AGT-2
        browser.click(By.id("navAgentPermissions"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentPermissions h2"), "人员权限查看"));
        assertThat(browser.text(By.id("permissions"))).isEqualTo("申报缴税、发票开具、税费查询");

        // AGT-3: the other client, then personal business
        browser.click(By.id("navAgentSwitch"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentSwitch h2"), "企业办税"));
        assertThat(browser.text(By.id("agentSwitch:clients"))).contains("当前");
        browser.click(enterButton(second.creditCode()));
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(second.creditCode());
        assertThat(browser.text(By.id("agentInfo:messages"))).contains("已切换为：");

        browser.click(By.id("navAgentSwitch"));
        browser.click(By.id("agentSwitch:toPersonal"));
        browser.click(By.id("agentSwitch:confirmYes"));
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
        assertThat(driver.findElements(By.id("navAgentInfo"))).as("no agent center any more").isEmpty();
        assertThat(browser.text(By.id("headerForm:currentIdentity"))).isEqualTo("个人办税");
    }

    @Test
    @DisplayName("证书登录: the agency's key and PIN, 选择办税人员 (its legal representative), SMS code, then the client")
    void certificate_variant() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        AgentLoginIT.recognisedMandates(agencyFirm, client);
        CertificateLogins.trustedKey(agencyFirm, "SM2");

        EnterpriseEntryPage entry = EnterpriseEntryPage.agent(driver, wait);
        entry.openCertificateLogin();
        entry.certificateAndPin(EnterpriseCenterFixtures.companyName(agencyFirm.creditCode()), true,
                CertificateLogins.PIN);
        entry.chooseStaff(agencyFirm.legal(), "法定代表人");
        entry.smsStep(agencyFirm.legal());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentLogin h2"), "选择被代理企业"));
        browser.click(enterButton(client.creditCode()));
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));
        assertThat(browser.text(By.id("creditCode"))).isEqualTo(client.creditCode());
    }

    private static By enterButton(String creditCode) {
        return By.xpath("//span[contains(@id,'clientCode') and text()='" + creditCode
                + "']/ancestor::tr//button[contains(@id,':enter')]");
    }
}
