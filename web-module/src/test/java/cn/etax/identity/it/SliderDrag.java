package cn.etax.identity.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anti-automation slider as a careful person works it in Chromium: drags the PrimeFaces handle onto the gap the
 * page marks (data-gap, percent of the track) with the mouse, then nudges it with the arrow keys until it sits on the
 * gap. Landing exactly matters: the server accepts only answers from the gap to 4 to its right (see
 * HumanCheckService.verify). The server also refuses answers given within 300 ms of the challenge, so the drag takes
 * a person's time: the one place the browser tests wait a fixed time, on purpose.
 */
final class SliderDrag {

    private SliderDrag() {
    }

    /** The slider of the form {@code form} (slider.xhtml included in it). */
    static void ontoGap(WebDriver driver, String form) {
        int gap = Integer.parseInt(driver.findElement(By.id("sliderGap")).getAttribute("data-gap"));
        WebElement track = driver.findElement(By.id(form + ":slider"));
        WebElement handle = track.findElement(By.cssSelector(".ui-slider-handle"));
        int handleCenter = handle.getLocation().getX() + handle.getSize().getWidth() / 2;
        int target = track.getLocation().getX() + Math.round(track.getSize().getWidth() * gap / 100f);
        int distance = target - handleCenter;
        new Actions(driver).clickAndHold(handle)
                .moveByOffset(distance / 2, 0).pause(Duration.ofMillis(200))
                .moveByOffset(distance - distance / 2, 0).pause(Duration.ofMillis(200))
                .release().perform();
        for (int nudges = 0; nudges < 10 && value(driver, form) != gap; nudges++) {
            handle.sendKeys(value(driver, form) < gap ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
        }
        assertThat(value(driver, form)).as("slider value after the drag").isEqualTo(gap);
    }

    private static int value(WebDriver driver, String form) {
        return Integer.parseInt(driver.findElement(By.id(form + ":sliderValue")).getAttribute("value"));
    }
}
