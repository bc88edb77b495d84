package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static cn.etax.identity.it.EnterpriseCenterFixtures.COMPANY_INVESTOR;
import static cn.etax.identity.it.EnterpriseCenterFixtures.companyName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise account center (ENT-1..ENT-5) clicked in headless Chromium after the enterprise entry: the legal
 * representative reveals masked data, adds a tax officer from a permission template after acknowledging the risk
 * warning, sees him pending, withdraws and finds him in the history; a tax officer sees basic data and key
 * personnel only and no management.
 */
@DisplayName("ENT-1..ENT-5 in a real browser: enterprise account center by role")
class EnterpriseCenterBrowserIT extends BrowserTest {

    @Test
    @DisplayName("the legal representative reveals the name, adds a tax officer with a template after the risk "
            + "warning, sees him pending, withdraws him, finds him in the history; he cannot delete himself")
    void legal_representative_manages_staff() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson officer = distinctPerson(e.legal(), e.finance());

        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());

        // ENT-1: masked, the eye reveals; tax data and investors are there for the legal representative
        String masked = browser.text(By.id("entInfo:taxpayerName"));
        assertThat(masked).contains("*").isNotEqualTo(companyName(e.creditCode()));
        assertThat(driver.getPageSource()).doesNotContain(companyName(e.creditCode()));
        browser.click(By.id("entInfo:eyeTaxpayerName"));
        wait.until(ExpectedConditions.textToBe(By.id("entInfo:taxpayerName"), companyName(e.creditCode())));
        assertThat(browser.text(By.id("entInfo:taxData"))).contains("软件和信息技术服务业", "小规模纳税人");
        assertThat(browser.text(By.id("entInfo:investors"))).contains("江西赣江****有限公司").doesNotContain(COMPANY_INVESTOR);
        assertThat(browser.text(By.id("identities"))).isEqualTo("法定代表人");
        assertThat(driver.findElement(By.cssSelector("#identities .identity-current")).getText()).isEqualTo("法定代表人");

        // ENT-2: template, risk warning, send
        browser.click(By.id("navStaffAdd"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff-add.xhtml"));
        browser.type(By.id("staffAdd:name"), officer.name());
        browser.type(By.id("staffAdd:idNumber"), officer.idNumber());
        chooseTemplate("申报缴税");
        wait.until(d -> checkedPermissions().contains("TAX_FILING_AND_PAYMENT"));
        assertThat(checkedPermissions()).contains("TAX_FILING_AND_PAYMENT", "CERTIFICATE_ISSUE", "TAX_QUERY")
                .doesNotContain("INVOICE_ISSUE");
        assertThat(browser.text(By.id("staffAdd:permissions"))).contains("申报缴税", "证明开具", "税费查询", "发票开具");

        // ENT-2 权限身份: the ticked permissions saved under a name, offered in the drop-down, applied, deleted
        String ticked = checkedPermissions();
        browser.type(By.id("staffAdd:templateName"), "申报团队");
        browser.click(By.id("staffAdd:saveTemplate"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staffAdd:messages"),
                "权限身份“申报团队”已保存"));
        assertThat(browser.text(By.id("staffAdd:savedTemplates"))).contains("申报团队", "证明开具");
        chooseTemplate("仅查询");
        wait.until(d -> checkedPermissions().equals("TAX_QUERY,TAX_INFO_QUERY"));
        chooseTemplate("申报团队");
        wait.until(d -> checkedPermissions().equals(ticked));
        browser.click(By.cssSelector("[id$=':deleteTemplate']"));
        browser.click(By.id("staffAdd:confirmYes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staffAdd:messages"),
                "权限身份“申报团队”已删除"));
        assertThat(browser.text(By.id("staffAdd:savedTemplates"))).contains("暂无自定义权限身份");
        assertThat(checkedPermissions()).as("the ticks stay").isEqualTo(ticked);

        browser.click(By.id("staffAdd:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("riskText")));
        assertThat(browser.text(By.id("riskText"))).startsWith("为了避免办税人员个人身份信息被盗用");
        browser.click(By.id("staffAdd:riskConfirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staffAdd:messages"),
                "请阅读风险提示并勾选“我已阅读并知晓上述风险”后再提交"));

        browser.click(By.id("staffAdd:submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("riskText")));
        browser.click(By.cssSelector("#staffAdd\\:riskAcknowledged .ui-chkbox-box"));
        browser.click(By.id("staffAdd:riskConfirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staffAdd:messages"),
                "成功添加办税人员，等待该办税人员确认授权"));

        // ENT-3: pending, withdraw
        browser.click(By.id("staffAdd:toPending"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff-pending.xhtml"));
        String row = browser.text(By.id("pending:grants"));
        assertThat(row).contains(Fixtures.maskedName(officer.name()), "办税员", "企业发起", "申报缴税", "长期");
        // RULE-MASK: the eye shows whom the enterprise deals with, then masks him again
        browser.click(By.xpath(rowOf(officer) + "//a[contains(@id, ':eyeHolder')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:grants"), officer.name()));
        browser.click(By.xpath("//*[@id='pending:grants']//tr[td//text()[contains(., '" + officer.name()
                + "')]]//a[contains(@id, ':eyeHolder')]"));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:grants"),
                officer.name())));
        browser.click(By.xpath(rowOf(officer) + "//button[contains(@id, ':withdraw')]"));
        browser.click(By.id("pending:confirmYes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:messages"), "已撤回授权"));
        assertThat(driver.findElements(By.cssSelector("[id$=':withdraw']"))).as("the only own offer is gone").isEmpty();

        // ENT-5: history
        browser.click(By.id("navStaffHistory"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff-history.xhtml"));
        assertThat(browser.text(By.id("history:grants"))).contains(Fixtures.maskedName(officer.name()), "已撤回");

        // ENT-4: the legal representative is listed without manage, freeze or delete, with the seeds' sentence
        browser.click(By.id("navStaff"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff.xhtml"));
        String legal = rowOf(e.legal());
        assertThat(browser.text(By.xpath(legal))).contains("企业法定代表人和财务负责人无法被删除。", "有效");
        assertThat(driver.findElements(By.xpath(legal + "//button"))).isEmpty();
    }

    @Test
    @DisplayName("the legal representative confirms two applications at once, then changes one member's permissions "
            + "in the manage dialog and freezes him")
    void batch_confirm_and_manage() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson first = distinctPerson(e.legal(), e.finance());
        TestPerson second = distinctPerson(e.legal(), e.finance(), first);
        for (TestPerson p : new TestPerson[]{first, second}) {
            Reply applied = AccountFixtures.loggedIn(p).post(GrantFixtures.GRANTS, jakarta.json.Json
                    .createObjectBuilder().add("creditCode", e.creditCode()).add("identityType", "INVOICER").build());
            assertThat(applied.status()).as("apply: %s", applied).isEqualTo(200);
        }

        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());
        browser.click(By.id("navStaffPending"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff-pending.xhtml"));
        assertThat(browser.text(By.id("pending:grants"))).contains("个人申请", "系统绑定", "等待本人确认");
        // tick both; a tick that lands before the table's script is ready is repeated until the table's own
        // selection field, which the form submits, holds both rows
        List<By> rows = List.of(
                By.xpath(rowOf(first)),
                By.xpath(rowOf(second)));
        wait.until(d -> {
            Object selection = ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('pending:grants_selection').value;");
            if (String.valueOf(selection).split(",").length == 2) {
                return true;
            }
            for (By row : rows) {
                WebElement tr = d.findElement(row);
                if (!"true".equals(tr.getAttribute("aria-selected"))) {
                    tr.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box")).click();
                }
            }
            return false;
        });
        browser.click(By.id("pending:confirmSelected"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending:messages"),
                "已确认 2 条授权申请"));
        assertThat(driver.findElements(By.xpath("//*[@id='pending:grants']" + rowOf(first)))).isEmpty();
        assertThat(driver.findElements(By.xpath("//*[@id='pending:grants']" + rowOf(second)))).isEmpty();

        browser.click(By.id("navStaff"));
        wait.until(ExpectedConditions.urlContains("/account/enterprise/staff.xhtml"));
        String row = rowOf(first);
        boolean issuing = browser.text(By.xpath(row)).contains("发票开具");
        browser.click(By.xpath(row + "//button[contains(@id, ':manage')]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:savePermissions")));
        browser.click(By.xpath("//div[@id='staff:permissions']//input[@value='INVOICE_ISSUE']"
                + "/ancestor::div[contains(@class, 'ui-chkbox')][1]/div[contains(@class, 'ui-chkbox-box')]"));
        if (issuing) {
            browser.click(By.xpath("//div[@id='staff:permissions']//input[@value='TAX_QUERY']"
                    + "/ancestor::div[contains(@class, 'ui-chkbox')][1]/div[contains(@class, 'ui-chkbox-box')]"));
        }
        browser.click(By.id("staff:savePermissions"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff:messages"), "人员权限已修改"));
        if (issuing) {
            assertThat(browser.text(By.xpath(row))).doesNotContain("发票开具");
        } else {
            assertThat(browser.text(By.xpath(row))).contains("发票开具");
        }

        browser.click(By.xpath(row + "//button[contains(@id, ':freeze')]"));
        browser.click(By.id("staff:confirmYes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff:messages"), "已冻结该办税人员"));
        assertThat(browser.text(By.xpath(row))).contains("冻结");
    }

    @Test
    @DisplayName("a tax officer sees basic data and key personnel only, no staff management; the service refuses the "
            + "add page's data; frozen meanwhile, his next press says so and his header no longer names the enterprise")
    void tax_officer_sees_basic_data_only() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        TestPerson officer = Fixtures.quickPerson();
        long grant = EnterpriseCenterFixtures.confirmedTaxOfficer(GrantFixtures.manager(e), e, officer);

        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), officer);

        assertThat(browser.text(By.id("entInfo:keyPersons"))).contains("法定代表人", Fixtures.maskedName(e.legal().name()));
        assertThat(browser.text(By.id("basic"))).isNotEmpty();
        assertThat(driver.findElements(By.id("entInfo:taxData"))).isEmpty();
        assertThat(driver.findElements(By.id("entInfo:investors"))).isEmpty();
        assertThat(browser.text(By.id("identities"))).isEqualTo("办税员");
        assertThat(browser.text(By.id("permissions"))).contains("申报缴税", "税费查询");
        assertThat(driver.findElements(By.id("navStaffAdd"))).isEmpty();
        assertThat(driver.findElements(By.id("navStaff"))).isEmpty();
        assertThat(browser.text(By.id("accountNav"))).contains("企业基本信息", "个人基本信息", "登录日志").doesNotContain("人员权限管理");

        driver.get(App.uri("/account/enterprise/staff.xhtml").toString());
        wait.until(ExpectedConditions.textToBe(By.id("areaRefusal"),
                "仅法定代表人、财务负责人有权限通过账户中心管理本企业办税人员"));
        assertThat(driver.findElements(By.id("staff"))).as("only the refusal, no staff table or filter").isEmpty();
        assertThat(browser.text(By.id("accountNav"))).contains("企业基本信息");

        driver.get(App.uri("/account/enterprise/info.xhtml").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identityMenu")));
        assertThat(GrantFixtures.act(GrantFixtures.manager(e), e, grant, "freeze").status()).isEqualTo(200);
        // a button pressed on the page opened before the freeze: its answer says so and the header follows
        browser.click(By.cssSelector("[id$='eyeTaxpayerName']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "您当前的身份已失效"));
        wait.until(ExpectedConditions.textToBe(By.id("headerForm:currentIdentity"), "个人办税"));
        assertThat(driver.findElements(By.id("identityMenu"))).as("no stale enterprise in the header").isEmpty();
        driver.get(App.uri("/account/enterprise/info.xhtml").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("areaRefusal")));
        assertThat(driver.findElements(By.id("basic"))).as("the session acts in personal business now").isEmpty();
    }

    // ----

    /**
     * The table row whose name cell is exactly the person's masked name: 周* must not find the row of 周**, whose
     * selection box may be disabled (a system-bound finance officer), so a tick would never land.
     */
    private static String rowOf(TestPerson person) {
        return "//tr[td[normalize-space(.)='" + Fixtures.maskedName(person.name()) + "']]";
    }

    /**
     * A registered person whose surname differs from the others': the pages show only the masked name (周**), and
     * one masked name must never be a prefix of another's in the text the test reads.
     */
    private static TestPerson distinctPerson(TestPerson... others) {
        java.util.Set<Character> taken = new java.util.HashSet<>();
        for (TestPerson o : others) {
            taken.add(o.name().charAt(0));
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            TestPerson p = Fixtures.quickPerson();
            if (!taken.contains(p.name().charAt(0))) {
                return p;
            }
        }
        throw new IllegalStateException("no person with a distinct masked name");
    }

    private void chooseTemplate(String label) {
        browser.choose("staffAdd:template", label);
    }

    /** The ticked permissions' values (the catalogue's names), read in one step so an Ajax update cannot interfere. */
    private String checkedPermissions() {
        Object values = ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "\"[id='staffAdd:permissions'] input[type=checkbox]\")).filter(i => i.checked).map(i => i.value)"
                + ".join(',');");
        return String.valueOf(values);
    }
}
