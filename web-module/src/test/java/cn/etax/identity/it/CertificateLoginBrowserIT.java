package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static cn.etax.identity.it.EnterpriseCenterFixtures.companyName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOGIN-6 in headless Chromium: the portal's 企业业务登录 → 数字证书登录, the company's certificate as the (simulated)
 * certificate helper reads it from the inserted key, a wrong PIN answered with the attempts left, the right PIN, then
 * 选择办税人员 and the SMS code of the chosen person, and the enterprise account center as that identity.
 */
@DisplayName("LOGIN-6 in a real browser: certificate, PIN, staff identity, SMS code")
class CertificateLoginBrowserIT extends BrowserTest {

    @Test
    @DisplayName("数字证书登录: wrong PIN (attempts left), right PIN, 法定代表人 chosen, SMS code, enterprise account center")
    void certificate_login() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        CertificateLogins.trustedKey(e, "SM2");
        EnterpriseEntryPage entry = new EnterpriseEntryPage(driver, wait);

        entry.openCertificateLogin();
        assertThat(driver.findElement(By.id("certificateDriver")).getText()).contains("证书驱动");
        entry.certificateAndPin(companyName(e.creditCode()), true, "11112222");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entLogin:messages"), "证书密码错误，还可尝试9次"));
        assertThat(driver.findElement(By.cssSelector("#entLogin h2")).getText()).isEqualTo("数字证书登录");

        entry.certificateAndPin(companyName(e.creditCode()), true, CertificateLogins.PIN);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLogin h2"), "选择办税人员"));
        assertThat(driver.findElement(By.id("certifiedAs")).getText()).contains(companyName(e.creditCode()));
        entry.chooseStaff(e.legal(), "法定代表人");

        entry.smsStep(e.legal());
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("法定代表人");
    }
}
