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
 * LOGIN-11 clicked in headless Chromium: from the portal to 旧版登录 with the credit code and the old enterprise
 * password, 选择人员, the legal representative's SMS code, the enterprise account center; there 停用旧版登录, after
 * which the old entry refuses the password.
 */
@DisplayName("LOGIN-11 in a real browser: the old entry, then the enterprise stops it")
class LegacyLoginBrowserIT {

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
    @DisplayName("the legal representative enters through the old login, then stops it for the enterprise")
    void old_login_then_stopped() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        String password = LegacyLoginIT.migrated(e);

        driver.get(App.uri("/").toString());
        browser.click(By.id("legacyLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "旧版登录"));
        assertThat(browser.text(By.id("legacyIntro"))).contains("双轨运行", PayaraMicro.LEGACY_LAST_DAY.toString());
        enterPassword(e, password);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "选择人员"));
        assertThat(browser.text(By.id("legacyLogin:staff"))).contains(Fixtures.maskedName(e.legal().name()), "法定代表人");
        browser.click(By.id("legacyLogin:chooseStaff"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "身份验证"));
        browser.click(By.id("legacyLogin:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legacyLogin:messages"),
                "验证码已发送至" + Fixtures.maskedPhone(e.legal().phone())));
        browser.type(By.id("legacyLogin:factors:smsCode"), Sim.latestCode(e.legal().phone()));
        browser.click(By.id("legacyLogin:factors:submitCode"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));

        browser.click(By.id("navLegacy"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLegacy h2"), "旧版登录（双轨运行）"));
        assertThat(browser.text(By.id("state"))).isEqualTo("可用于旧版登录");
        browser.click(By.id("entLegacy:stop"));
        browser.click(By.id("entLegacy:confirmYes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entLegacy:messages"),
                "已停用旧版登录，企业密码已清除"));
        assertThat(browser.text(By.id("state"))).isEqualTo("本企业已停用旧版登录");

        browser.logOut();
        driver.get(App.uri("/legacy-login.xhtml").toString());
        enterPassword(e, password);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legacyLogin:messages"),
                "该纳税人没有可用于旧版登录的企业密码"));
    }

    @Test
    @DisplayName("旧版代理登录: the agency's code and old password, its agent, his SMS code, then the client; the "
            + "language switch keeps the entry and the step")
    void old_agent_login_enters_a_client() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        AgentLoginIT.recognisedMandates(agencyFirm, client);
        String password = LegacyLoginIT.migrated(agencyFirm);

        driver.get(App.uri("/").toString());
        browser.click(By.id("legacyAgentLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "旧版代理登录"));
        // the language switch keeps the entry: in the page, in the address, and when that address is opened again
        browser.click(By.id("headerForm:langEn"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "Old agent login"));
        assertThat(driver.getCurrentUrl()).contains("entry=agent");
        driver.get(driver.getCurrentUrl());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "Old agent login"));
        browser.click(By.id("headerForm:langZh"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "旧版代理登录"));
        enterPassword(agencyFirm, password);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "选择代理人员"));
        // and in the middle of the login it keeps the step reached
        browser.click(By.id("headerForm:langEn"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "Choose the agent"));
        browser.click(By.id("headerForm:langZh"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "选择代理人员"));
        browser.click(By.id("legacyLogin:chooseStaff"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#legacyLogin h2"), "身份验证"));
        browser.click(By.id("legacyLogin:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legacyLogin:messages"), "验证码已发送至"));
        browser.type(By.id("legacyLogin:factors:smsCode"), Sim.latestCode(agencyFirm.legal().phone()));
        browser.click(By.id("legacyLogin:factors:submitCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("legacyLogin:clients"),
                client.creditCode()));
        browser.click(By.id("legacyLogin:clients:0:enter"));
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));
    }

    private void enterPassword(Enterprise e, String password) {
        browser.type(By.id("legacyLogin:creditCode"), e.creditCode());
        browser.type(By.id("legacyLogin:password"), password);
        SliderDrag.ontoGap(driver, "legacyLogin");
        browser.click(By.id("legacyLogin:submitPassword"));
    }
}
