package cn.etax.identity.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The natural-person entry (LOGIN-1) as a person clicks it in Chromium: portal → 自然人业务登录 → phone, password,
 * slider → SMS code → the personal account center. Shared by the browser tests that start from a personal login.
 */
final class PersonEntryPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    PersonEntryPage(WebDriver driver, WebDriverWait wait) {
        this.driver = driver;
        this.wait = wait;
    }

    void logInBySms(TestPerson p) {
        logInBySms(p, () -> {
        });
    }

    /** As {@link #logInBySms(TestPerson)}; {@code atSecondStep} runs when the second factor's step shows. */
    void logInBySms(TestPerson p, Runnable atSecondStep) {
        driver.get(App.uri("/").toString());
        click(By.id("personLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "自然人业务登录"));
        type(By.id("login:account"), p.phone());
        type(By.id("login:password"), p.password());
        WebElement handle = driver.findElement(By.cssSelector("#login .slider-track .ui-slider-handle"));
        wait.until(ExpectedConditions.attributeToBe(handle, "role", "slider"));
        assertThat(handle.getAttribute("aria-label")).as("named for a screen reader").isEqualTo("请按住滑块，拖动到红色缺口处");
        SliderDrag.ontoGap(driver, "login");
        click(By.id("login:submitPassword"));

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "身份验证"));
        atSecondStep.run();
        click(By.id("login:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                "验证码已发送至" + Fixtures.maskedPhone(p.phone())));
        // Enter in the code field logs in, as 登录 does (not 获取验证码, the step's first button)
        type(By.id("login:factors:smsCode"), Sim.latestCode(p.phone()) + Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(value);
    }
}
