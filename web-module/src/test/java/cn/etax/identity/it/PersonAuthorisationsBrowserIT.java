package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PER-3..PER-5 clicked in real headless Chromium: a person who logged in by SMS finds the tax-officer authorisation
 * an enterprise offered him under 企业授权管理 → 待确认授权, confirms it on the information-confirmation panel with
 * a QR face check passed in the tax app simulator (a second window), sees the enterprise under 已授权企业, uses
 * 同步数据, deletes the relationship and finds it in 历史管理信息, where 清除记录 hides it. The enterprise and its
 * offer are made over REST as in GrantManagementIT; the browser does only what the person does.
 */
@DisplayName("PER-3..PER-5 in a real browser: confirm with a face check, authorised enterprises, history")
class PersonAuthorisationsBrowserIT extends BrowserTest {

    @Test
    @DisplayName("a person logged in by SMS confirms a pending tax-officer grant with a face check in the app "
            + "simulator; the enterprise is authorised, synchronised, deleted and shown in the history")
    void confirm_with_face_check_then_authorised_and_history() {
        Enterprise e = GrantFixtures.registerEnterprise();
        TestPerson p = Fixtures.quickPerson();
        long offered = GrantFixtures.offer(GrantFixtures.manager(e), e, p, null);

        logInBySms(p);

        // PER-3: 本省 pending authorisations, the enterprise's offer with 确认 / 拒绝
        browser.click(By.id("navAuthPending"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pending h2"), "待确认授权"));
        assertThat(browser.text(By.id("pending:rows:0:creditCode"))).isEqualTo(e.creditCode());
        assertThat(browser.text(By.id("pending:rows:0:identityType"))).isEqualTo("办税员");
        assertThat(browser.text(By.id("pending:rows"))).contains("企业发起", "申报缴税", "长期")
                .doesNotContain(companyName(e.creditCode()));

        browser.click(By.id("pending:rows:0:confirm"));
        wait.until(ExpectedConditions.textToBe(By.id("confirmTitle"), "信息确认"));
        assertThat(browser.text(By.id("pending:confirming"))).contains(e.creditCode(), "办税员");
        browser.click(By.id("pending:faceTaxApp"));
        String qrToken = browser.text(By.id("qrToken"));
        passFaceCheckInSimulatedApp(qrToken);
        // the page learns of the passed face check through its 2-second poll, then confirms
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:messages"),
                "已确认1条授权信息"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:rows"), "暂无待确认授权信息"));

        // PER-4: the enterprise among the authorised ones; 同步数据 records when
        browser.click(By.id("navAuthAuthorised"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#authorised h2"), "已授权企业"));
        assertThat(browser.text(By.id("authorised:rows:0:creditCode"))).isEqualTo(e.creditCode());
        assertThat(browser.text(By.id("authorised:rows:0:state"))).isEqualTo("正常");
        assertThat(browser.text(By.id("authorised:rows:0:province"))).isEqualTo("江西省");
        assertThat(browser.text(By.id("authorised:rows:0:identityType"))).isEqualTo("办税员");
        assertThat(driver.findElement(By.id("authorised:rows:0:syncedAt")).getText()).isBlank();
        browser.click(By.id("authorised:rows:0:sync"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authorised:messages"),
                "已同步与企业（" + e.creditCode() + "）的关联关系"));
        assertThat(browser.text(By.id("authorised:rows:0:syncedAt"))).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        browser.click(By.id("authorised:rows:0:delete"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authorised:messages"),
                "已解除与企业（" + e.creditCode() + "）的关联关系"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authorised:rows"), "暂无已授权企业信息"));

        // PER-5: the history row, then 清除记录 hides it
        browser.click(By.id("navAuthHistory"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#history h2"), "历史管理信息"));
        assertThat(browser.text(By.id("history:rows:0:creditCode"))).isEqualTo(e.creditCode());
        assertThat(browser.text(By.id("history:rows:0:state"))).isEqualTo("已删除");
        browser.click(By.id("history:rows:0:clear"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history:messages"), "记录已清除"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history:rows"), "暂无历史管理信息"));

        Api sameSession = AccountFixtures.loggedIn(p);
        assertThat(GrantFixtures.find(sameSession.get(GrantFixtures.GRANTS + "/history"), offered)).isEmpty();
        assertThat(AccountIT.auditActions(GrantFixtures.personId(sameSession), "GRANT_CONFIRMED")).hasSize(1)
                .allSatisfy(d -> assertThat(d).contains("QR face check in TAX_APP"));
    }

    @Test
    @DisplayName("PER-2 and PER-4 refusals on the pages: a wrong credit code, an application waiting for the "
            + "enterprise (withdrawn by him), the legal representative's own binding not deletable")
    void apply_and_refusals_are_shown() {
        Enterprise e = GrantFixtures.registerEnterprise();

        logInBySms(e.legal());
        browser.click(By.id("navAuthApply"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#apply h2"), "申请企业授权"));
        browser.type(By.id("apply:creditCode"), "91360100M000100Y4X");
        browser.click(By.id("apply:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply:messages"),
                "统一社会信用代码（纳税人识别号）格式不正确，请核对后重新输入"));

        Enterprise other = GrantFixtures.registerEnterprise();
        browser.type(By.id("apply:creditCode"), other.creditCode());
        browser.click(By.id("apply:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply:applied")));
        assertThat(browser.text(By.id("apply:applied"))).contains(other.creditCode(), "办税员", "【待确认办税人员】");

        browser.click(By.id("apply:toPending"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pending h2"), "待确认授权"));
        assertThat(browser.text(By.id("pending:rows:0:creditCode"))).isEqualTo(other.creditCode());
        assertThat(browser.text(By.id("pending:rows:0:waiting"))).isEqualTo("等待企业确认");
        assertThat(driver.findElements(By.id("pending:rows:0:confirm"))).as("he cannot answer his own application")
                .isEmpty();
        // ... but he can take it back
        browser.click(By.id("pending:rows:0:withdraw"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:messages"), "已撤回该授权申请"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:rows"), "暂无待确认授权信息"));

        browser.click(By.id("navAuthAuthorised"));
        wait.until(ExpectedConditions.textToBe(By.id("authorised:rows:0:identityType"), "法定代表人"));
        // the legal representative's relationship has no delete button, only the note (the EJB refuses it too:
        // GrantRefusalIT)
        assertThat(driver.findElements(By.id("authorised:rows:0:delete"))).isEmpty();
        assertThat(browser.text(By.id("authorised:rows:0:notDeletable"))).isEqualTo("法定代表人不能删除");
        assertThat(browser.text(By.id("authorised:rows:0:state"))).isEqualTo("正常");
        assertThat(browser.text(By.id("authorised:rows:0:province"))).isEqualTo("江西省");

        browser.click(By.id("headerForm:langEn"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#authorised h2"), "Authorised enterprises"));
        assertThat(browser.text(By.id("authorised:rows:0:identityType"))).isEqualTo("Legal representative");
        assertThat(browser.text(By.id("authorised:rows:0:province"))).as("reference data in the page language")
                .isEqualTo("Jiangxi");
        assertThat(browser.text(By.id("accountNav"))).contains("Pending authorisations", "History");

        // the language chosen outlives the session: after 退出 the portal is still in English
        browser.logOut();
        wait.until(ExpectedConditions.urlContains("/index.xhtml"));
        assertThat(driver.findElement(By.id("headerForm:langEn")).getAttribute("class")).contains("active");
    }

    private void logInBySms(TestPerson p) {
        new PersonEntryPage(driver, wait).logInBySms(p);
    }

    private void passFaceCheckInSimulatedApp(String qrToken) {
        MobileAppWindow.passFaceCheck(driver, wait, qrToken, "确认企业授权");
    }

    // ----

    /** The name GrantFixtures.registerEnterprise gives the taxpayer (shown masked, RULE-MASK). */
    private static String companyName(String creditCode) {
        return "授权测试企业" + creditCode.substring(10);
    }
}
