package hotline.admin;

import hotline.Slow;
import hotline.Axe;
import hotline.Browser;
import hotline.TestAudio;
import hotline.TestHotline;
import hotline.accounts.Role;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person in a real browser: changes a transfer number and publishes it; records a prompt and listens to it; axe-core
 * checks the pages on the way.
 */
@Slow
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
        Browser.close(browser, hotline);
    }

    /** Opens {@code path}, signing in on the way as a person would. */
    private void signInTo(String path) {
        browser.get(hotline.publicUrl + path);
        assertTrue(browser.getCurrentUrl().contains("/admin/login"), "sent to sign in first");
        Browser.signIn(browser, "maria", TestHotline.ADMIN_PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith(path));
    }

    @Test
    void signInChangeANumberPublishAndTheNextCallDialsIt() {
        signInTo("/admin/lines/lapd");

        WebElement number = browser.findElement(By.id("number"));
        assertEquals("(877) 275-5273", number.getAttribute("value"));
        number.clear();
        number.sendKeys("(323) 555-0142");
        Path shot = Browser.screenshot(browser, "admin-line-editor.png");
        browser.findElement(By.xpath("//button[normalize-space()='Save to the draft']")).click();
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().startsWith("Saved to the draft."));

        browser.findElement(By.linkText("Publish")).click();
        assertTrue(browser.getPageSource().contains("lapd › number"));
        assertTrue(browser.findElement(By.cssSelector("ol.changes")).getText().contains(
                "Line: the Los Angeles Police Department · Number"), "the change by the line's name");
        browser.findElement(By.id("note")).sendKeys("LAPD has a new number");
        Axe.assertAccessible(browser, "the Publish page with a change");
        Browser.screenshot(browser, "admin-publish.png");
        Browser.shot(browser, "console-publish.png");
        browser.findElement(By.xpath("//button[normalize-space()='Publish to callers']")).click();
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().startsWith("Published."));

        CallRecord call = hotline.call("1 5 8 3 answered");
        assertEquals(List.of("+13235550142"), call.dialed());
        assertTrue(Files.exists(shot));
    }

    @Test
    void recordAPieceAndTheBrowserCanPlayItBack() throws IOException {
        signInTo("/admin/recordings?lang=ko-KR");
        Path recording = Files.createTempFile("safety", ".wav");
        Files.write(recording, TestAudio.wav("안전"));
        String slot = "main_menu.safety#0.0";
        WebElement row = browser.findElement(By.id(slot));
        row.findElement(By.cssSelector("input[type=file]")).sendKeys(recording.toString());
        row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Upload')]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("notice=saved"));
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().startsWith("Saved to the draft."));
        Axe.assertAccessible(browser, "recordings in Korean");

        WebElement audio = browser.findElement(By.id(slot)).findElement(By.tagName("audio"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].load()", audio);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        Number seconds = (Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].duration", audio);
        assertEquals(0.25, seconds.doubleValue(), 0.01, "the page may play its recordings, and Chromium can decode them");
        Browser.screenshot(browser, "admin-recordings.png");
        Files.delete(recording);
    }
}
