package hotline;

import hotline.accounts.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page of the console and the dashboard, as an admin sees it, through axe-core at a desktop's width and a
 * 375-pixel phone's: no violation, and no page that scrolls sideways on the phone. The flows that change things are
 * walked, with the same checks, in the other browser tests.
 */
@Slow
class EveryPageBrowserTest {
    private static final List<String> PAGES = List.of("/admin/login", "/admin", "/admin/prompts", "/admin/prompts?lang=es-US",
            "/admin/prompts?lang=hy-AM", "/admin/lines", "/admin/lines/lapd", "/admin/lines/new", "/admin/lines/cast/delete",
            "/admin/lines/lapd/delete", "/admin/languages", "/admin/recordings?lang=ko-KR", "/admin/preview",
            "/admin/preview?lang=es-US", "/admin/versions", "/admin/files", "/admin/accounts", "/admin/accounts/sam/reset",
            "/admin/audit", "/admin/password", "/dashboard");
    private TestHotline hotline;
    private WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
        hotline = TestHotline.startForBrowser(Clock.systemUTC());
        hotline.addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
        hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
    }

    @AfterEach
    void stop() {
        Browser.close(browser, hotline);
    }

    @Test
    void everyPageIsAccessibleAtADesktopsWidthAndAPhones() {
        browser.get(hotline.publicUrl + "/admin/login");
        List<String> problems = new ArrayList<>(check("/admin/login"));
        Browser.signIn(browser, "maria", TestHotline.ADMIN_PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/admin"));
        for (String page : PAGES.subList(1, PAGES.size())) {
            browser.get(hotline.publicUrl + page);
            if (page.equals("/dashboard")) {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                        "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-charts-drawn")));
            }
            problems.addAll(check(page));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private List<String> check(String page) {
        List<String> problems = new ArrayList<>(Axe.violations(browser, page + " (desktop)"));
        Browser.phone(browser);
        problems.addAll(Axe.violations(browser, page + " (375 px)"));
        problems.addAll(Axe.sideways(browser, page + " (375 px)"));
        Browser.desktop(browser);
        return problems;
    }
}
