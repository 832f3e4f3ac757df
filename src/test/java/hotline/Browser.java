package hotline;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium, driven by its own chromedriver: no download, no network. Where Chromium is not
 * installed the browser tests are skipped, unless {@code HOTLINE_REQUIRE_BROWSER=1} (as in CI), where they fail.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static WebDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} and keeps its console for the test to read. */
    public static WebDriver start(Path downloads) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("HOTLINE_REQUIRE_BROWSER"))) {
            throw new AssertionError("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed; browser tests skipped");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1280,1000",
                    "--user-data-dir=" + Files.createTempDirectory("hotline-chromium"));
            if (downloads != null) {
                options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills in the sign-in form the browser shows, and sends it. */
    public static void signIn(WebDriver driver, String name, String password) {
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** After a test: quits the browser and stops the hotline, whichever of them was started. */
    public static void close(WebDriver driver, TestHotline hotline) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (hotline != null) {
                hotline.close();
            }
        }
    }

    /** A 375-pixel phone: the page laid out as on a phone's screen (its viewport, its touch, its pixel ratio of 1). */
    public static void phone(WebDriver driver) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 375,
                "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size, a desktop's. */
    public static void desktop(WebDriver driver) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /**
     * What the screen shows now, saved under {@code target/} and, when the system property {@code hotline.screenshots}
     * names a folder (docs/screenshots for the README), there too.
     */
    public static Path shot(WebDriver driver, String name) {
        Path shot = viewport(driver, name);
        String docs = System.getProperty("hotline.screenshots");
        if (docs != null && !docs.isBlank()) {
            try {
                Path target = Path.of(docs, name);
                Files.createDirectories(target.getParent());
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shot;
    }

    /** Saves the whole page, top to bottom, under {@code target/}, for people to look at. */
    public static Path screenshot(WebDriver driver, String name) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                Math.min(12_000, ((Number) height).intValue() + 120)));
        try {
            return viewport(driver, name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static Path viewport(WebDriver driver, String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Path target = Path.of("target", name);
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
