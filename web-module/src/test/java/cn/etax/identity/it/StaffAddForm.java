package cn.etax.identity.it;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The enterprise account center's 添加办税人员 form (ENT-2), the parts several browser tests drive. */
final class StaffAddForm {

    private StaffAddForm() {
    }

    /**
     * Picks a permission template from the drop-down as a person does: open it, click the item. A click that lands
     * while the panel is still sliding open is lost, so the menu's label is checked and the pick repeated until it
     * shows.
     */
    static void chooseTemplate(WebDriver driver, WebDriverWait wait, String label) {
        By menuLabel = By.id("staffAdd:template_label");
        wait.until(d -> {
            if (label.equals(d.findElement(menuLabel).getText().strip())) {
                return true;
            }
            WebElement panel = d.findElement(By.id("staffAdd:template_panel"));
            if (!panel.isDisplayed()) {
                d.findElement(By.id("staffAdd:template")).click();
                return false;
            }
            WebElement item = panel.findElement(By.cssSelector("li[data-label='" + label + "']"));
            if (item.isDisplayed()) {
                item.click();
            }
            return false;
        });
    }
}
