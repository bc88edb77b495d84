package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PER-6 clicked in real headless Chromium: a level-3 person finds 【提升等级】 under 实名等级 on the profile, scans the
 * QR code with the tax app simulator (a second window) and sees level 4 when the page's poll learns of the passed
 * face check; at level 4 the page says no raise is needed.
 */
@DisplayName("PER-6 in a real browser: 提升等级 by a face check in the tax app")
class RealNameLevelBrowserIT extends BrowserTest {

    @Test
    @DisplayName("level 3 → 提升等级 → tax app face check → 四级, and no button any more")
    void raise_level_on_the_profile() {
        TestPerson p = RealNameLevelIT.levelThreePerson();
        new PersonEntryPage(driver, wait).logInBySms(p);
        assertThat(browser.text(By.id("realNameLevel"))).startsWith("当前实名等级：三级");

        browser.click(By.id("profile:raiseLevel"));
        browser.click(By.id("profile:raiseTaxApp"));
        String qrToken = browser.text(By.id("qrToken"));
        MobileAppWindow.passFaceCheck(driver, wait, qrToken, "账户信息修改");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile:messages"), "实名等级已提升至四级"));
        assertThat(browser.text(By.id("realNameLevel"))).startsWith("当前实名等级：四级");
        assertThat(browser.text(By.id("profile:noRaise"))).isEqualTo("当前实名等级已为四级，暂无需提升等级。");
        assertThat(driver.findElements(By.id("profile:raiseLevel"))).isEmpty();
    }
}
