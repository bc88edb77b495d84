package cn.etax.identity.it;

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
        driver.get(App.uri("/").toString());
        click(By.id("personLogin"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "自然人业务登录"));
        type(By.id("login:account"), p.phone());
        type(By.id("login:password"), p.password());
        dragSliderOntoGap();
        click(By.id("login:submitPassword"));

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h2"), "身份验证"));
        click(By.id("login:factors:sendCode"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
                "验证码已发送至" + Fixtures.maskedPhone(p.phone())));
        type(By.id("login:factors:smsCode"), Sim.latestCode(p.phone()));
        click(By.id("login:factors:submitCode"));
        wait.until(ExpectedConditions.urlContains("/account/profile.xhtml"));
    }

    /** Drags the slider handle onto the gap and nudges it there, taking a person's time. */
    private void dragSliderOntoGap() {
        int gap = Integer.parseInt(driver.findElement(By.id("sliderGap")).getAttribute("data-gap"));
        WebElement track = driver.findElement(By.id("login:slider"));
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
        return Integer.parseInt(driver.findElement(By.id("login:sliderValue")).getAttribute("value"));
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
