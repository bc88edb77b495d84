package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person using a screen reader, the keyboard or poor eyesight meets them: axe-core finds no breach of
 * WCAG 2.1 A/AA (GB/T 37668, which the 无障碍环境建设法 asks of government sites) and none of its best practices —
 * contrast, names of fields and buttons, headings, landmarks, ARIA — on the portal's open pages in both languages, the
 * login's second step, the personal, enterprise and agent account centers and the clerk console.
 */
@DisplayName("Accessibility (WCAG 2.1 AA) of the pages, by axe-core in a real browser")
class AccessibilityBrowserIT extends BrowserTest {

    private static final List<String> OPEN_PAGES = List.of("/index.xhtml", "/login.xhtml", "/register.xhtml",
            "/forgot-password.xhtml", "/retrieve-phone.xhtml", "/enterprise-login.xhtml", "/agent-login.xhtml",
            "/special-login.xhtml", "/qr-login.xhtml", "/social-security-login.xhtml",
            "/social-security-account.xhtml", "/clerk/login.xhtml", "/sim/sms.xhtml", "/sim/app.xhtml");

    @Test
    @DisplayName("the open pages, in Chinese and in English")
    void open_pages() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        audit(found, OPEN_PAGES);
        driver.get(App.uri("/index.xhtml").toString());
        browser.click(By.id("headerForm:langEn"));
        // the page is replaced: the old one's html element may go stale while it is looked at
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        audit(found, OPEN_PAGES.stream().map(p -> p + " (en)").toList());

        assertThat(found).as("pages with WCAG breaches").isEmpty();
    }

    @Test
    @DisplayName("the login's second step and the personal account center")
    void login_and_personal_account_center() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        new PersonEntryPage(driver, wait).logInBySms(Fixtures.quickPerson(),
                () -> here(found, "/login.xhtml, second step"));

        audit(found, List.of("/account/profile.xhtml", "/account/info.xhtml", "/account/password.xhtml",
                "/account/phones.xhtml", "/account/loginlog.xhtml", "/account/documents.xhtml",
                "/account/deregister.xhtml", "/account/nonresident.xhtml", "/account/authorisations/pending.xhtml",
                "/account/authorisations/authorised.xhtml", "/account/authorisations/history.xhtml",
                "/account/authorisations/apply.xhtml"));

        assertThat(found).as("pages with WCAG breaches").isEmpty();
    }

    @Test
    @DisplayName("the enterprise account center of a legal representative")
    void enterprise_account_center() {
        Enterprise e = EnterpriseCenterFixtures.registerEnterprise();
        new EnterpriseEntryPage(driver, wait).logIn(e.creditCode(), e.legal());
        Map<String, List<String>> found = new LinkedHashMap<>();

        audit(found, List.of("/account/enterprise/info.xhtml", "/account/enterprise/staff.xhtml",
                "/account/enterprise/staff-add.xhtml", "/account/enterprise/staff-pending.xhtml",
                "/account/enterprise/staff-history.xhtml", "/account/enterprise/loginlog.xhtml",
                "/account/enterprise/certificates.xhtml", "/account/enterprise/agencies.xhtml",
                "/account/enterprise/switch.xhtml"));

        assertThat(found).as("pages with WCAG breaches").isEmpty();
    }

    @Test
    @DisplayName("the agent entry's choice of clients and the agent's account center")
    void agent_account_center() {
        Enterprise agencyFirm = EnterpriseCenterFixtures.registerAgency();
        Enterprise client = EnterpriseCenterFixtures.registerEnterprise();
        AgentLoginIT.recognisedMandates(agencyFirm, client);
        EnterpriseEntryPage entry = EnterpriseEntryPage.agent(driver, wait);
        entry.open();
        entry.passwordAndSmsSteps(agencyFirm.creditCode(), agencyFirm.legal());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#agentLogin h2"), "选择被代理企业"));
        Map<String, List<String>> found = new LinkedHashMap<>();
        here(found, "/agent-login.xhtml, choice of clients");
        browser.click(By.xpath("//span[contains(@id,'clientCode') and text()='" + client.creditCode()
                + "']/ancestor::tr//button[contains(@id,':enter')]"));
        wait.until(ExpectedConditions.urlContains("/account/agent/info.xhtml"));

        audit(found, List.of("/account/agent/info.xhtml", "/account/agent/permissions.xhtml",
                "/account/agent/switch.xhtml"));

        assertThat(found).as("pages with WCAG breaches").isEmpty();
    }

    @Test
    @DisplayName("the clerk console")
    void clerk_console() {
        String clerk = ClerkFixtures.newClerk("CLERK_REGISTRATION", "CLERK_GRANTS", "CLERK_ADMIN");
        driver.get(App.uri("/clerk/index.xhtml").toString());
        wait.until(ExpectedConditions.urlContains("/clerk/login.xhtml"));
        ClerkFixtures.logInOnPage(browser, clerk);
        Map<String, List<String>> found = new LinkedHashMap<>();

        audit(found, List.of("/clerk/index.xhtml", "/clerk/persons.xhtml", "/clerk/register.xhtml",
                "/clerk/non-residents.xhtml", "/clerk/password.xhtml", "/clerk/clerks.xhtml"));

        assertThat(found).as("pages with WCAG breaches").isEmpty();
    }

    /** Opens each page (a " (…)" suffix only names it) and records what axe finds there. */
    private void audit(Map<String, List<String>> found, List<String> pages) {
        for (String page : pages) {
            String path = page.replaceFirst(" \\(.*\\)$", "");
            driver.get(App.uri(path).toString());
            wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.readyState")));
            assertThat(driver.getCurrentUrl()).as("%s opened, not redirected", page).contains(path);
            here(found, page);
        }
    }

    private void here(Map<String, List<String>> found, String page) {
        List<String> violations = Axe.violations(driver);
        if (!violations.isEmpty()) {
            found.put(page, violations);
        }
    }
}
