package hotline.dashboard;

import hotline.Slow;
import hotline.Axe;
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
@Slow
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
        Browser.close(browser, hotline);
    }

    @Test
    void everyChartDrawsWithoutErrorsTheRangeChangesAndACsvDownloads() throws Exception {
        browser.get(hotline.publicUrl + "/dashboard");
        Browser.signIn(browser, "sam", "purple monkey dishwasher");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/dashboard"));
        waitForCharts();
        assertEveryChartDrew();
        assertTrue(browser.findElements(By.cssSelector(".chart-loading")).isEmpty(), "no chart still says it is loading");
        Axe.assertAccessible(browser, "the dashboard");
        Browser.screenshot(browser, "dashboard.png");
        Browser.shot(browser, "dashboard.png");

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
        assertEquals("\uFEFFDay,Calls,Left empty: fewer than 5", lines.get(0), "a byte order mark, then the header");
        assertEquals(8, lines.size(), "a header and seven days");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
        assertTrue(errors.isEmpty(), "browser console: " + errors);
    }

    @Test
    void onAPhoneEveryChartFitsItsNamesAreWholeAndCallLengthsHaveTheirTrueWidths() {
        Browser.phone(browser);
        browser.get(hotline.publicUrl + "/dashboard?preset=90");
        Browser.signIn(browser, "sam", "purple monkey dishwasher");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("preset=90"));
        waitForCharts();
        assertEquals(List.of(), Axe.sideways(browser, "the dashboard on a phone"));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertEquals(Boolean.TRUE, page.executeScript("var c = document.querySelector('canvas[data-chart=calls_by_weekday_and_hour]');"
                + " return c.getBoundingClientRect().right <= c.parentElement.getBoundingClientRect().right + 0.5 && c.width <= 375;"),
                "the heat map fits the phone's width");
        assertTrue(browser.findElement(By.cssSelector("#calls_by_weekday_and_hour .legend")).isDisplayed(), "with its colour scale");
        assertEquals(Boolean.TRUE, page.executeScript("var chart = Chart.getChart(document.querySelector('canvas[data-chart=transfers_by_line]'));"
                + " return chart.scales.y.ticks.length === chart.data.labels.length"
                + " && chart.data.labels.every(function (l) { return Array.isArray(l) && l.every(function (line) { return line.length <= 30; }); });"),
                "every line's name is drawn, on as many lines as it needs, none cut off or skipped");
        assertEquals("linear", page.executeScript("return Chart.getChart(document.querySelector('canvas[data-chart=call_durations]'))"
                + ".options.scales.x.type;"), "call lengths on a time axis, each step as wide as it lasts");
        assertEquals("90 days", browser.findElement(By.cssSelector(".presets a[aria-current]")).getText());
        Browser.shot(browser, "dashboard-phone.png");
        page.executeScript("document.getElementById('calls_by_weekday_and_hour').scrollIntoView()");
        Browser.shot(browser, "dashboard-phone-heat-map.png");
        page.executeScript("document.getElementById('call_durations').scrollIntoView()");
        Browser.shot(browser, "dashboard-phone-call-lengths.png");
        Browser.desktop(browser);
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
