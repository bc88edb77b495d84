package cn.etax.identity.it;

import cn.etax.identity.it.GrantFixtures.Enterprise;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise entry (LOGIN-2) clicked in real headless Chromium: portal → 企业业务登录 → credit code, phone,
 * password and slider → SMS code → the profile names the company (masked) and the identity. The taxpayer and its
 * people are made over REST (the simulator's persons, the sync API, the grant API) as in EnterpriseLoginIT; the
 * browser does only what a person does. Same Chromium setup as RegisterLoginPhoneBrowserIT.
 */
@DisplayName("LOGIN-2 in a real browser: enterprise entry, one identity or a choice of two")
class EnterpriseLoginBrowserIT {

    @RegisterExtension
    final ChromiumBrowser browser = new ChromiumBrowser();

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void useBrowser() {
        driver = browser.driver();
        wait = browser.waiter();
    }

    @Test
    @DisplayName("the legal representative logs in by credit code, phone, password, slider and SMS; the profile "
            + "shows the masked company and 法定代表人")
    void legal_representative_logs_in() {
        Enterprise e = GrantFixtures.registerEnterprise();

        openEnterpriseEntry();
        passwordAndSmsSteps(e.creditCode(), e.legal());

        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
        assertThat(text(By.id("currentEnterprise")))
                .startsWith("当前企业身份").endsWith(maskedCompany(e.creditCode()) + "（法定代表人）");
        assertThat(driver.getPageSource()).as("the company's name is not in clear")
                .doesNotContain(companyName(e.creditCode()));
    }

    @Test
    @DisplayName("a person with two active identities in the company chooses one and the profile shows it")
    void two_identities_are_chosen_from() {
        Enterprise e = GrantFixtures.registerEnterprise();
        Api boss = AccountFixtures.loggedIn(e.legal());
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
        String choices = text(By.id("entLogin:identity"));
        assertThat(choices).contains("办税员（权限：", "开票员（权限：").doesNotContain("已锁定");
        click(By.xpath("//div[@id='entLogin:identity']//label[starts-with(normalize-space(.), '开票员')]"));
        wait.until(ExpectedConditions.elementSelectionStateToBe(
                By.cssSelector("#entLogin\\:identity input[value='" + invoicer + "']"), true));
        click(By.id("entLogin:chooseIdentity"));

        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
        assertThat(text(By.id("currentEnterprise")))
                .startsWith("当前企业身份").endsWith(maskedCompany(e.creditCode()) + "（开票员）");
    }

    // ---- LOGIN-2 ------------------------------------------------------------------------------------------------

    private void openEnterpriseEntry() {
        driver.get(App.uri("/").toString());
        click(By.linkText("企业业务登录"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLogin h2"), "企业业务登录"));
    }

    private void passwordAndSmsSteps(String creditCode, TestPerson p) {
        type(By.id("entLogin:creditCode"), creditCode);
        type(By.id("entLogin:account"), p.phone());
        type(By.id("entLogin:password"), p.password());
        dragSliderOntoGap();
        click(By.id("entLogin:submitPassword"));

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#entLogin h2"), "身份验证"));
        assertThat(driver.findElement(By.id("entLogin")).getText()).contains(Fixtures.maskedName(p.name()));
        click(By.linkText("短信验证码"));
        assertThat(text(By.id("entLogin:factors:phoneMasked"))).isEqualTo(masked(p.phone()));
        click(By.id("entLogin:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entLogin:messages"),
                "验证码已发送至" + masked(p.phone())));
        type(By.id("entLogin:factors:smsCode"), Sim.latestCode(p.phone()));
        click(By.id("entLogin:factors:submitCode"));
    }

    /**
     * Drags the slider handle onto the gap (data-gap, percent of the track) and nudges it with the arrow keys, taking
     * a person's time, exactly as RegisterLoginPhoneBrowserIT does on the person entry.
     */
    private void dragSliderOntoGap() {
        int gap = Integer.parseInt(driver.findElement(By.id("sliderGap")).getAttribute("data-gap"));
        WebElement track = driver.findElement(By.id("entLogin:slider"));
        WebElement handle = track.findElement(By.cssSelector(".ui-slider-handle"));
        int handleCenter = handle.getLocation().getX() + handle.getSize().getWidth() / 2;
        int target = track.getLocation().getX() + Math.round(track.getSize().getWidth() * gap / 100f);
        int distance = target - handleCenter;
        new Actions(driver).clickAndHold(handle)
                .moveByOffset(distance / 2, 0).pause(Duration.ofMillis(200))
                .moveByOffset(distance - distance / 2, 0).pause(Duration.ofMillis(200))
                .release().perform();
        for (int nudges = 0; nudges < 10 && sliderValue() != gap; nudges++) {
            handle.sendKeys(sliderValue() < gap ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
        }
        assertThat(sliderValue()).as("slider value after the drag").isEqualTo(gap);
    }

    private int sliderValue() {
        return Integer.parseInt(driver.findElement(By.id("entLogin:sliderValue")).getAttribute("value"));
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

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(value);
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().strip();
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
