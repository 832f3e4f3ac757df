package hotline.admin;

import hotline.Browser;
import hotline.TestHotline;
import hotline.accounts.Role;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person in a real browser changes a transfer number and publishes it; the next call dials it. */
class AdminBrowserTest {
    private TestHotline hotline;
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
        hotline = TestHotline.startForBrowser(java.time.Clock.systemUTC());
        hotline.addAccount("maria", Role.ADMIN, "correct horse battery staple");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void signInChangeANumberPublishAndTheNextCallDialsIt() {
        browser.get(hotline.publicUrl + "/admin/lines/lapd");
        assertTrue(browser.getCurrentUrl().contains("/admin/login"), "sent to sign in first");
        browser.findElement(By.id("name")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/admin/lines/lapd"));

        WebElement number = browser.findElement(By.id("number"));
        assertEquals("(877) 275-5273", number.getAttribute("value"));
        number.clear();
        number.sendKeys("(323) 555-0142");
        Path shot = Browser.screenshot(browser, "admin-line-editor.png");
        browser.findElement(By.xpath("//button[normalize-space()='Save to the draft']")).click();
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().startsWith("Saved to the draft."));

        browser.findElement(By.linkText("Publish")).click();
        assertTrue(browser.getPageSource().contains("lapd › number"));
        browser.findElement(By.id("note")).sendKeys("LAPD has a new number");
        Browser.screenshot(browser, "admin-publish.png");
        browser.findElement(By.xpath("//button[normalize-space()='Publish to callers']")).click();
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().startsWith("Published."));

        CallRecord call = hotline.call("1 5 4 answered");
        assertEquals(List.of("+13235550142"), call.dialed());
        assertTrue(Files.exists(shot));
    }
}
