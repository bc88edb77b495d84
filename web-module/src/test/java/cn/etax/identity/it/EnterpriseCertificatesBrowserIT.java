package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static cn.etax.identity.it.EnterpriseCenterFixtures.companyName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENT-7 in headless Chromium: after the enterprise entry the legal representative opens 数字证书管理 → 税务数字证书,
 * sees his company's 国密 and 非国密 certificates (one about to expire, flagged) and not another company's, and
 * changes a PIN: a wrong old PIN is answered with the attempts left, the right one with 修改成功.
 */
@DisplayName("ENT-7 in a real browser: tax digital certificates, PIN change")
class EnterpriseCertificatesBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the list by algorithm with the expiry warning, then 修改证书密码: wrong old PIN, then success")
    void list_and_change_pin() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        Enterprise other = EnterpriseCenterFixtures.registerEnterprise();
        String sm2 = EnterpriseCertificatesIT.issueKey(e, "SM2", Duration.ofDays(-1), Duration.ofDays(700));
        EnterpriseCertificatesIT.issueKey(e, "RSA", Duration.ofDays(-300), Duration.ofDays(10));
        EnterpriseCertificatesIT.issueKey(other, "SM2", Duration.ofDays(-1), Duration.ofDays(700));

        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());
        assertThat(browser.text(By.id("accountNav"))).contains("数字证书管理", "税务数字证书");
        browser.click(By.id("navCertificates"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/certificates.xhtml"));

        assertThat(browser.text(By.id("certs:expiryWarning"))).isEqualTo("您有1张数字证书已过期或将在30天内过期，请及时到主管税务机关办理证书更新");
        String national = browser.text(By.id("certs:national"));
        assertThat(national).contains(companyName(e.creditCode()), "税务数字证书测试CA（SM2）", "SM2", "有效");
        String international = browser.text(By.id("certs:international"));
        assertThat(international).contains(companyName(e.creditCode()), "RSA").containsPattern("证书即将过期（剩余(9|10)天）");
        assertThat(driver.getPageSource()).doesNotContain(companyName(other.creditCode()));

        browser.click(By.id("certs:nationalRows:0:changePin"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certs:pinPanel")));
        assertThat(browser.text(By.id("certs:pinHolder"))).contains(companyName(e.creditCode()), "SM2");

        browser.type(By.id("certs:oldPin"), "11112222");
        browser.type(By.id("certs:newPin"), "Tax2026key");
        browser.type(By.id("certs:confirmPin"), "Tax2026key");
        browser.click(By.id("certs:confirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("certs:messages"), "证书密码错误，还可尝试9次"));

        browser.type(By.id("certs:oldPin"), EnterpriseCertificatesIT.PIN);
        browser.type(By.id("certs:newPin"), "Tax2026key");
        browser.type(By.id("certs:confirmPin"), "Tax2026kez");
        browser.click(By.id("certs:confirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("certs:messages"), "两次输入的新密码不一致"));

        browser.type(By.id("certs:oldPin"), EnterpriseCertificatesIT.PIN);
        browser.type(By.id("certs:newPin"), "Tax2026key");
        browser.type(By.id("certs:confirmPin"), "Tax2026key");
        browser.click(By.id("certs:confirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("certs:messages"), "修改成功"));
        assertThat(driver.findElements(By.id("certs:pinPanel"))).isEmpty();

        // the key itself now answers to the new PIN only
        assertThat(EnterpriseCertificatesIT.sign(sm2, "sm2", EnterpriseCertificatesIT.PIN).code())
                .isEqualTo("CERTIFICATE_PIN_INCORRECT");
        assertThat(EnterpriseCertificatesIT.sign(sm2, "sm2", "Tax2026key").status()).isEqualTo(200);
    }
}
