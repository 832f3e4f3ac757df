package hotline;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deque's axe-core, run inside the browser on the page it shows, at a desktop's width and at a 375-pixel phone's: every
 * rule axe runs by default (WCAG 2 A and AA, and its best practices, such as heading order and scrollable regions that
 * a keyboard can reach), and no sideways scrolling of the page itself on the phone. A violation fails the test, naming
 * the rule, the elements and what axe says to do, so that an accessibility regression fails the build.
 */
public final class Axe {
    private Axe() {
    }

    /** The page as shown, at both widths; the browser is left at the desktop's. */
    public static void assertAccessible(WebDriver browser, String page) {
        Browser.desktop(browser);
        List<String> problems = new ArrayList<>(violations(browser, page + " (desktop)"));
        Browser.phone(browser);
        problems.addAll(violations(browser, page + " (375 px)"));
        problems.addAll(sideways(browser, page + " (375 px)"));
        Browser.desktop(browser);
        assertEquals(List.of(), problems, "axe-core and the phone's width on " + page);
    }

    /** axe-core's violations on the page at the width the browser has now. */
    public static List<String> violations(WebDriver browser, String page) {
        Results results = new AxeBuilder().analyze(browser);
        List<String> problems = new ArrayList<>();
        if (results.isErrored()) {
            problems.add(page + ": axe-core could not run: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            StringBuilder where = new StringBuilder();
            for (CheckedNode node : rule.getNodes()) {
                where.append("\n      ").append(node.getTarget()).append(" ").append(shortened(node.getHtml()));
            }
            problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + where);
        }
        return problems;
    }

    /** Whether the page itself is wider than the screen (a table scrolling in its own container is fine), and what sticks out. */
    public static List<String> sideways(WebDriver browser, String page) {
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                var root = document.documentElement;
                if (root.scrollWidth <= root.clientWidth) { return []; }
                var found = [];
                document.querySelectorAll('body *').forEach(function (element) {
                  var box = element.getBoundingClientRect();
                  if (box.right > root.clientWidth + 1) {
                    found.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                      + (element.className && element.className.baseVal === undefined ? '.' + element.className : '')
                      + ' ends at ' + Math.round(box.right) + ' px');
                  }
                });
                return ['the page is ' + root.scrollWidth + ' px wide on a ' + root.clientWidth + ' px screen'].concat(found.slice(0, 5));
                """);
        return wide.stream().map(w -> page + ": " + w).toList();
    }

    private static String shortened(String html) {
        return html.length() > 160 ? html.substring(0, 160) + "…" : html;
    }
}
