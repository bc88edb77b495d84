package cn.etax.identity.it;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated tax app (§11, /sim/app.xhtml) in a second browser window, as the person's phone. */
final class MobileAppWindow {

    private MobileAppWindow() {
    }

    /** Scans the QR token, checks what the phone says it is for, passes the face check and returns to the portal. */
    static void passFaceCheck(WebDriver driver, WebDriverWait wait, String qrToken, String purpose) {
        String portal = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(App.uri("/sim/app.xhtml").toString());
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app:qrToken")));
        token.clear();
        token.sendKeys(qrToken);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("app:scan"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("scanPurpose"), purpose));
        assertThat(driver.findElement(By.id("scanApp")).getText().strip()).isEqualTo("税务App扫码（刷脸）");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("app:facePass"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("result"), "认证成功，请返回电脑端继续操作"));
        driver.close();
        driver.switchTo().window(portal);
    }
}
