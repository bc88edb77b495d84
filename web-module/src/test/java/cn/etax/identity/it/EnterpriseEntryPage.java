package cn.etax.identity.it;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise entry (LOGIN-2) as a person clicks it in Chromium: portal → 企业业务登录 → credit code, phone,
 * password, slider → SMS code. Shared by the browser tests of the enterprise login and the enterprise account center;
 * {@link #agent} is the agent entry (LOGIN-3), the same steps with the agency's credit code on its own page, and
 * {@link #special} the special-subject entry (LOGIN-4), {@link #nonResident} the non-resident entry (LOGIN-5).
 */
final class EnterpriseEntryPage {

    private final WebDriver driver;
    private final WebDriverWait wait;
    /** The page's form id, the portal's link to it and the page's heading. */
    private final String form;
    private final String entry;

    EnterpriseEntryPage(WebDriver driver, WebDriverWait wait) {
        this(driver, wait, "entLogin", "企业业务登录");
    }

    private EnterpriseEntryPage(WebDriver driver, WebDriverWait wait, String form, String entry) {
        this.driver = driver;
        this.wait = wait;
        this.form = form;
        this.entry = entry;
    }

    /** The agent entry (代理业务登录, LOGIN-3). */
    static EnterpriseEntryPage agent(WebDriver driver, WebDriverWait wait) {
        return new EnterpriseEntryPage(driver, wait, "agentLogin", "代理业务登录");
    }

    /** The special-subject entry (特定主体登录, LOGIN-4); its subject type stays the default, 跨区域报验户. */
    static EnterpriseEntryPage special(WebDriver driver, WebDriverWait wait) {
        return new EnterpriseEntryPage(driver, wait, "specialLogin", "特定主体登录");
    }

    /** The non-resident enterprise entry (非居民企业登录, LOGIN-5): the enterprise entry's page and steps. */
    static EnterpriseEntryPage nonResident(WebDriver driver, WebDriverWait wait) {
        return new EnterpriseEntryPage(driver, wait, "entLogin", "非居民企业登录");
    }

    void open() {
        driver.get(App.uri("/").toString());
        click(By.linkText(entry));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#" + form + " h2"), entry));
    }

    void passwordAndSmsSteps(String creditCode, TestPerson p) {
        type(By.id(form + ":creditCode"), creditCode);
        type(By.id(form + ":account"), p.phone());
        type(By.id(form + ":password"), p.password());
        SliderDrag.ontoGap(driver, form);
        click(By.id(form + ":submitPassword"));
        smsStep(p);
    }

    /** The second factor by SMS code to {@code p}'s phone, after the password or the certificate (LOGIN-6). */
    void smsStep(TestPerson p) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#" + form + " h2"), "身份验证"));
        assertThat(driver.findElement(By.id(form)).getText()).contains(Fixtures.maskedName(p.name()));
        click(By.linkText("短信验证码"));
        assertThat(text(By.id(form + ":factors:phoneMasked"))).isEqualTo(Fixtures.maskedPhone(p.phone()));
        click(By.id(form + ":factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(form + ":messages"),
                "验证码已发送至" + Fixtures.maskedPhone(p.phone())));
        type(By.id(form + ":factors:smsCode"), Sim.latestCode(p.phone()));
        click(By.id(form + ":factors:submitCode"));
    }

    /** 数字证书登录 (LOGIN-6): the certificate panel with the certificates the helper reads from the inserted keys. */
    void openCertificateLogin() {
        open();
        click(By.id(form + ":certificateLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#" + form + " h2"), "数字证书登录"));
    }

    /** Picks the certificate of {@code holder} (国密 or 非国密) and types the PIN, then 登录. */
    void certificateAndPin(String holder, boolean national, String pin) {
        By label = By.xpath("//*[@id='" + form + ":certificate']//label[starts-with(normalize-space(.), '" + holder + "（"
                + (national ? "国密证书" : "非国密证书") + "')]");
        pick(label);
        type(By.id(form + ":pin"), pin);
        click(By.id(form + ":submitCertificate"));
    }

    /** 选择办税人员: the option of {@code p} as {@code typeLabel} (e.g. 法定代表人), then 登录. */
    void chooseStaff(TestPerson p, String typeLabel) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#" + form + " h2"), "选择办税人员"));
        By label = By.xpath("//*[@id='" + form + ":staff']//label[normalize-space(.)='" + Fixtures.maskedName(p.name()) + "（"
                + typeLabel + "）']");
        pick(label);
        click(By.id(form + ":chooseStaff"));
    }

    /** Clicks a radio's label until PrimeFaces shows the radio chosen (a click before its script is ready is lost). */
    private void pick(By label) {
        String radio = wait.until(ExpectedConditions.elementToBeClickable(label)).getAttribute("for");
        for (int attempt = 0; attempt < 5 && !driver.findElement(By.id(radio)).isSelected(); attempt++) {
            wait.until(ExpectedConditions.elementToBeClickable(label)).click();
        }
        assertThat(driver.findElement(By.id(radio)).isSelected()).as("chosen: %s", label).isTrue();
    }

    String messages() {
        return text(By.id(form + ":messages"));
    }

    /** The whole entry for a person with one active identity: he lands in the enterprise account center (ENT-1). */
    void logIn(String creditCode, TestPerson p) {
        open();
        passwordAndSmsSteps(creditCode, p);
        wait.until(ExpectedConditions.urlContains("/account/enterprise/info.xhtml"));
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
}
