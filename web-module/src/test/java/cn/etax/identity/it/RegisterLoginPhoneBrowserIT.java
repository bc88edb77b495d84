package cn.etax.identity.it;

import jakarta.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path a person clicks, in real headless Chromium (REG-1, LOGIN-1, RULE-2FA, PER-1, ENT-6): register on the
 * portal with an SMS code and a face check confirmed in the simulated tax app, log in with phone, password, slider
 * and SMS code, see the masked profile and change the phone. Codes are read from the simulated SMS outbox as the
 * person reads them from the phone. Debian's chromium and chromedriver (.ci/run installs them).
 */
@DisplayName("REG-1, LOGIN-1, ENT-6 in a real browser: register, log in by phone, change the phone")
class RegisterLoginPhoneBrowserIT extends BrowserTest {

    @Test
    @DisplayName("register with SMS and tax-app face check, log in by phone + slider + SMS, masked profile, change phone")
    void registerLoginAndChangePhone() {
        String name = "韩浏览";
        String idNumber = AccountFixtures.newIdNumber();
        String phone = AccountFixtures.newPhone();
        String newPhone = AccountFixtures.newPhone();
        String password = "Brow@2026tax";
        addCitizen(name, idNumber);

        register(name, idNumber, phone, password);
        logIn(phone, password);
        seeMaskedProfile(idNumber, phone);
        changePhone(phone, newPhone);
    }

    // ---- REG-1 ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("on a phone, an error answered to 下一步 is brought into view and gets the focus")
    void errorOutOfSightIsShown() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(App.uri("/register.xhtml").toString());
        browser.click(By.cssSelector("#register\\:agree .ui-chkbox-box"));
        browser.type(By.id("register:name"), "韩梅梅");
        browser.type(By.id("register:idNumber"), "110105194912310021");
        browser.click(By.id("register:checkIdentity"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register:messages"), "证件号码"));
        Object inView = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var r = document.querySelector('.ui-messages-error').getBoundingClientRect();"
                        + "return r.top >= 0 && r.bottom <= window.innerHeight;");
        assertThat(inView).as("the message is on screen").isEqualTo(true);
        Object focused = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.activeElement.classList.contains('ui-messages-error');");
        assertThat(focused).as("a screen reader reads it").isEqualTo(true);
    }

    private void register(String name, String idNumber, String phone, String password) {
        driver.get(App.uri("/").toString());
        browser.click(By.linkText("用户注册"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#register h2"), "用户注册"));

        browser.click(By.cssSelector("#register\\:agree .ui-chkbox-box"));
        browser.type(By.id("register:name"), name);
        browser.type(By.id("register:idNumber"), idNumber);
        browser.click(By.id("register:checkIdentity"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register:detailsStep"), "身份信息校验通过"));
        assertThat(browser.text(By.id("derivedName"))).isEqualTo("韩**");
        browser.type(By.id("register:password"), password);
        browser.type(By.id("register:password2"), password);
        browser.type(By.id("register:phone"), phone);
        browser.click(By.id("register:sendCode"));
        // RULE-MASK: the confirmation names the number masked, like the login page does
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register:messages"),
                "验证码已发送至" + masked(phone) + "，5分钟内有效"));
        // a wrong code is told at this step, before the face check
        String code = Sim.latestCode(phone);
        browser.type(By.id("register:smsCode"), code.equals("000000") ? "111111" : "000000");
        browser.click(By.id("register:submitDetails"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register:messages"), "短信验证码错误"));
        assertThat(driver.findElements(By.id("register:faceTaxApp"))).isEmpty();
        browser.type(By.id("register:password"), password);
        browser.type(By.id("register:password2"), password);
        browser.type(By.id("register:smsCode"), code);
        browser.click(By.id("register:submitDetails"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register:faceTaxApp")));
        browser.click(By.id("register:faceTaxApp"));
        String qrToken = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qrToken"))).getText().strip();
        assertThat(browser.text(By.id("faceScanned"))).isEqualTo("请使用手机App扫描二维码…");
        confirmFaceInSimulatedApp(qrToken, "用户注册");
        // the page learns of the confirmation through its 2-second poll
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#register\\:facePassed strong"),
                "人脸识别验证成功，请点击“完成注册”"));
        browser.click(By.id("register:complete"));

        wait.until(ExpectedConditions.textToBe(By.id("doneTitle"), "注册完成"));
        assertThat(browser.text(By.id("doneText"))).startsWith("您已成功注册电子税务局自然人用户，实名认证等级为四级。");
    }

    /** The tax app in a second window: scan the code shown on the page, check the request, pass the face check. */
    private void confirmFaceInSimulatedApp(String qrToken, String purpose) {
        String portal = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(App.uri("/sim/app.xhtml").toString());
        browser.type(By.id("app:qrToken"), qrToken);
        browser.click(By.id("app:scan"));
        wait.until(ExpectedConditions.textToBe(By.id("scanPurpose"), purpose));
        assertThat(browser.text(By.id("scanApp"))).isEqualTo("税务App扫码（刷脸）");
        browser.click(By.id("app:facePass"));
        wait.until(ExpectedConditions.textToBe(By.id("result"), "认证成功，请返回电脑端继续操作"));
        driver.close();
        driver.switchTo().window(portal);
    }

    // ---- LOGIN-1 ------------------------------------------------------------------------------------------------

    private void logIn(String phone, String password) {
        if (!driver.findElements(By.id("headerForm:logout")).isEmpty()) {
            browser.click(By.id("headerForm:logout"));
        }
        browser.click(By.id("register:goLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "自然人业务登录"));
        browser.type(By.id("login:account"), phone);
        browser.type(By.id("login:password"), password);
        SliderDrag.ontoGap(driver, "login");
        browser.click(By.id("login:submitPassword"));

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "身份验证"));
        assertThat(browser.text(By.id("login:factors:phoneMasked"))).isEqualTo(masked(phone));
        browser.click(By.id("login:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                "验证码已发送至" + masked(phone)));
        browser.type(By.id("login:factors:smsCode"), Sim.latestCode(phone));
        browser.click(By.id("login:factors:submitCode"));
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
    }

    // ---- PER-1, ENT-6 ----------------------------------------------------------------------------------------

    private void seeMaskedProfile(String idNumber, String phone) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile:idNumber")));
        assertThat(browser.text(By.id("profile:name"))).isEqualTo("韩**");
        assertThat(browser.text(By.id("profile:idNumber")))
                .isEqualTo(idNumber.substring(0, 3) + "*".repeat(13) + idNumber.substring(16));
        assertThat(browser.text(By.cssSelector(".phone-line"))).contains(masked(phone), "默认");
        assertThat(driver.getPageSource()).as("nothing in clear in the page").doesNotContain(idNumber, phone);
    }

    private void changePhone(String phone, String newPhone) {
        browser.click(By.linkText("手机号码修改"));
        wait.until(ExpectedConditions.textToBe(By.id("phones:list:0:number"), masked(phone)));
        browser.click(By.id("phones:list:0:modify"));

        wait.until(ExpectedConditions.textToBe(By.id("dialogTitle"), "修改手机号码"));
        assertThat(browser.text(By.id("phoneDialogForm:currentPhone"))).isEqualTo(masked(phone));
        browser.click(By.id("phoneDialogForm:sendCurrent"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phoneDialogForm:dialogMessages"),
                "验证码已发送至" + masked(phone)));
        // a wrong code to the current phone is told at once, before the new number is asked for
        String currentCode = Sim.latestCode(phone);
        browser.type(By.id("phoneDialogForm:currentCode"), currentCode.equals("000000") ? "111111" : "000000");
        browser.click(By.id("phoneDialogForm:next"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phoneDialogForm:dialogMessages"),
                "短信验证码错误"));
        assertThat(driver.findElements(By.id("phoneDialogForm:newPhone"))).isEmpty();
        browser.type(By.id("phoneDialogForm:currentCode"), currentCode);
        browser.click(By.id("phoneDialogForm:next"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phoneDialogForm:newPhone")));
        browser.type(By.id("phoneDialogForm:newPhone"), newPhone);
        browser.click(By.id("phoneDialogForm:sendNew"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phoneDialogForm:dialogMessages"),
                "验证码已发送至新手机号码"));
        // a wrong code from the new number asks for that one again only
        String newCode = Sim.latestCode(newPhone);
        browser.type(By.id("phoneDialogForm:newCode"), newCode.equals("000000") ? "111111" : "000000");
        browser.click(By.id("phoneDialogForm:confirmTwo"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phoneDialogForm:dialogMessages"),
                "短信验证码错误"));
        browser.type(By.id("phoneDialogForm:newCode"), newCode);
        browser.click(By.id("phoneDialogForm:confirmTwo"));

        wait.until(ExpectedConditions.textToBe(By.id("phones:list:0:number"), masked(newPhone)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("phoneDialog")));
        assertThat(driver.findElement(By.id("phones:list")).getText()).contains(masked(newPhone), "默认")
                .doesNotContain(masked(phone));
        assertThat(driver.getPageSource()).contains("修改成功");
    }

    // ----

    private static void addCitizen(String name, String idNumber) {
        Reply r = Api.browser().post("/api/sim/citizens", Json.createObjectBuilder().add("name", name)
                .add("idType", "RESIDENT_ID_CARD").add("idNumber", idNumber).add("nationality", "CHN").build());
        assertThat(r.status()).as("add citizen to the simulated registry: %s", r).isIn(200, 204);
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
