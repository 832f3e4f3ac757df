package hotline.dashboard;

import hotline.Browser;
import hotline.TestHotline;
import hotline.accounts.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff open the dashboard in a real browser over demo data: every chart draws, nothing errs, ranges change, CSV downloads. */
class DashboardBrowserTest {
    private TestHotline hotline;
    private WebDriver browser;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        downloads = Files.createTempDirectory("hotline-downloads");
        browser = Browser.start(downloads);
        hotline = TestHotline.startForBrowser(Clock.systemUTC());
        hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
        assertEquals(0, DemoData.seed(hotline.database, hotline.catalog.get(), hotline.clock, 60, 80, false));
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
    void everyChartDrawsWithoutErrorsTheRangeChangesAndACsvDownloads() throws Exception {
        browser.get(hotline.publicUrl + "/dashboard");
        browser.findElement(By.id("name")).sendKeys("sam");
        browser.findElement(By.id("password")).sendKeys("purple monkey dishwasher");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/dashboard"));
        waitForCharts();
        assertEveryChartDrew();
        Browser.screenshot(browser, "dashboard.png");

        browser.findElement(By.linkText("7 days")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("preset=7"));
        waitForCharts();
        LocalDate today = LocalDate.now(hotline.catalog.get().timeZone());
        assertEquals(today.minusDays(6).toString(), browser.findElement(By.id("from")).getAttribute("value"));
        assertEveryChartDrew();

        WebElement csv = browser.findElement(By.cssSelector("#calls_per_day a[download]"));
        csv.click();
        Path file = waitForDownload();
        List<String> lines = Files.readAllLines(file);
        assertEquals("Day,Calls", lines.get(0));
        assertEquals(8, lines.size(), "a header and seven days");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
        assertTrue(errors.isEmpty(), "browser console: " + errors);
    }

    private void waitForCharts() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-charts-drawn")));
        } catch (RuntimeException e) {
            throw new AssertionError("charts not drawn; browser console: " + browser.manage().logs().get(LogType.BROWSER).getAll()
                    + "\n" + browser.getPageSource().substring(0, Math.min(3000, browser.getPageSource().length())), e);
        }
    }

    /** Every chart's canvas has a size and something drawn on it. */
    private void assertEveryChartDrew() {
        List<WebElement> canvases = browser.findElements(By.cssSelector("canvas[data-chart]"));
        assertEquals(7, canvases.size());
        for (WebElement canvas : canvases) {
            Object painted = ((JavascriptExecutor) browser).executeScript(
                    "var c = arguments[0]; if (!c.width || !c.height) { return 0; }"
                            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                            + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", canvas);
            assertTrue(((Number) painted).longValue() > 500, canvas.getAttribute("data-chart") + " drew " + painted + " pixels");
        }
    }

    private Path waitForDownload() {
        return Awaitility.await("a CSV downloaded into " + downloads).atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst();
            }
        }, java.util.Optional::isPresent).orElseThrow();
    }
}
