package hotline.admin;

import hotline.Slow;
import hotline.Axe;
import hotline.Browser;
import hotline.MovableClock;
import hotline.TestHotline;
import hotline.Zips;
import hotline.accounts.Role;
import hotline.catalog.CatalogSource;
import hotline.catalog.PromptFiles;
import hotline.catalog.TranslatorFile;
import hotline.content.ContentStore;
import hotline.web.KeptForms;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin in a real browser, at a desktop and on a 375-pixel phone, doing what once lost work: rolling back with a
 * draft, a long edit of prompts across the end of a session, every action that throws something away, importing one
 * language's file, and a form with a mistake. axe-core checks every page visited, at both widths.
 */
@Slow
class NeverLoseWorkBrowserTest {
    private static final String LAPD = "+18772755273";
    private TestHotline hotline;
    private WebDriver browser;
    private ContentStore store;

    private void start(Clock clock) {
        browser = Browser.start();
        hotline = TestHotline.startForBrowser(clock);
        hotline.addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
        store = new ContentStore(hotline.database, hotline.clock);
    }

    @AfterEach
    void stop() {
        Browser.close(browser, hotline);
    }

    /** Opens {@code path}, signing in on the way as a person would. */
    private void signInTo(String path) {
        browser.get(hotline.publicUrl + path);
        signIn();
        waitFor(path);
    }

    private void signIn() {
        Browser.signIn(browser, "maria", TestHotline.ADMIN_PASSWORD);
    }

    private void waitFor(String pathAndQuery) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains(pathAndQuery));
    }

    /** The page as shown, through axe-core at both widths. */
    private void accessible(String name) {
        Axe.assertAccessible(browser, name);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void clickButton(String text) {
        click(browser.findElement(By.tagName("main")).findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\"")));
    }

    /** Waits for the error summary to take focus, as it does once the page has loaded. */
    private void summaryFocused() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "focus is on " + focused() + " of " + browser.getCurrentUrl())
                .until(driver -> focused().contains("error-summary"));
    }

    private void clickLink(String text) {
        click(browser.findElement(By.tagName("main")).findElement(By.linkText(text)));
    }

    private String notice() {
        return browser.findElement(By.cssSelector("main [role=status]")).getText();
    }

    private String focused() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className;");
    }

    /** Types into a form's field and saves it, waiting for the page the save leads to. */
    private void editAndSave(String path, String field, String text, String button) {
        browser.get(hotline.publicUrl + path);
        String form = browser.getCurrentUrl();
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
        clickButton(button);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().equals(form));
    }

    private void publish(String note) {
        browser.get(hotline.publicUrl + "/admin");
        browser.findElement(By.id("note")).sendKeys(note);
        clickButton("Publish to callers");
        assertTrue(notice().startsWith("Published."));
    }

    @Test
    void aRollbackWithADraftAsksFirstSaysWhatTheDraftHasAndKeepsIt() {
        start(Clock.systemUTC());
        signInTo("/admin/lines/lapd");
        editAndSave("/admin/lines/lapd", "number", "(323) 555-0142", "Save to the draft");
        publish("LAPD has a new number");
        editAndSave("/admin/prompts?lang=es-US", "f-transfer.busy", "La línea está ocupada.", "Save Spanish to the draft");

        browser.get(hotline.publicUrl + "/admin/versions");
        accessible("versions");
        clickLink("Roll back to v1…");
        waitFor("/admin/versions/1/rollback");
        String question = browser.findElement(By.tagName("main")).getText();
        assertTrue(question.contains("Callers hear v2 now. If you roll back, they hear v1 again from their next call."), question);
        assertTrue(question.contains("The draft has 1 change that is not published. What should happen to it?"), question);
        assertEquals("v2", hotline.catalog.get().version(), "asking publishes nothing");
        accessible("the rollback question");
        Browser.shot(browser, "console-rollback.png");

        clickButton("Roll back to v1");
        waitFor("typed=");
        summaryFocused();
        assertEquals("Choose whether to keep the draft's changes or replace them",
                browser.findElement(By.cssSelector(".error-summary a[href='#draft-keep']")).getText());
        accessible("the rollback question, with its mistake");

        click(browser.findElement(By.cssSelector("label[for=draft-keep]")));
        browser.findElement(By.id("note")).sendKeys("the new number does not answer");
        clickButton("Roll back to v1");
        waitFor("notice=rolled_back_draft_kept");
        assertEquals("v3", hotline.catalog.get().version());
        assertEquals(List.of(LAPD), hotline.call("1 5 8 3 answered").dialed(), "callers hear v1's number again");
        CatalogSource draft = store.draft().content();
        assertEquals("La línea está ocupada.", draft.prompts().get("es-US").get("transfer.busy"), "the draft's change is kept");
        assertEquals(LAPD, draft.lines().lines().get(9).number(), "on top of v1");

        browser.get(hotline.publicUrl + "/admin");
        List<WebElement> changes = browser.findElements(By.cssSelector("ol.changes > li h3"));
        assertEquals(List.of("Prompts in Spanish · Transfers: The line is busy"), changes.stream().map(WebElement::getText).toList());
        accessible("the Publish page with one change");
    }

    @Test
    void aLongEditOfPromptsSurvivesTheEndOfTheSession() {
        MovableClock clock = new MovableClock(Instant.now());
        start(clock);
        signInTo("/admin/prompts?lang=es-US");
        accessible("prompts in Spanish");
        String added = "Cuarto párrafo añadido para probar que nada se pierde. ".repeat(6).strip();
        WebElement facts = browser.findElement(By.id("f-topics.facts"));
        click(facts);
        facts.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER, added);
        assertTrue(number("return arguments[0].scrollHeight - arguments[0].clientHeight", facts) <= 2,
                "the text area grew to show all its text, with no scroll bar of its own");
        WebElement save = browser.findElement(By.xpath("//div[@class='save-bar']/button"));
        assertTrue(number("var r = arguments[0].getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0 ? 1 : 0", save) == 1,
                "the save button is in view in the middle of the page");
        assertEquals("You have changes that are not saved yet.", browser.findElement(By.cssSelector("[data-unsaved-status]")).getText());
        Browser.shot(browser, "console-prompts.png");

        // Switching to another language's tab, or closing the page, now asks first: the page cancels "beforeunload",
        // which makes the browser ask. (Chromium shows that question only after a real gesture, which a test cannot be
        // sure to have made, so the test asks the page itself.)
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                "var leaving = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(leaving); return leaving.defaultPrevented;"),
                "leaving the page with changes not saved asks first");

        // Some minutes before the session ends, the page says so and offers to stay signed in.
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-session-warn-at', '0')");
        WebElement warning = browser.findElement(By.id("session-warning"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> warning.isDisplayed());
        assertTrue(warning.getText().startsWith("You will be signed out in about"), warning.getText());
        accessible("prompts with the warning before the session ends");
        clock.advance(Duration.ofMinutes(26));
        browser.findElement(By.id("stay-signed-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !warning.isDisplayed());
        clock.advance(Duration.ofMinutes(10));
        assertEquals("200", ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch('/admin', {redirect: 'manual', credentials: 'same-origin'})"
                + ".then(function (r) { done(r.type === 'opaqueredirect' ? 'sent to sign in' : String(r.status)); });"),
                "36 minutes after the page was opened, 10 after \"stay signed in\", the session is alive");
        clock.advance(Duration.ofMinutes(31)); // now it ends for real
        click(save);
        waitFor("/admin/login");
        assertTrue(notice().startsWith("Your session ended before that was saved. Nothing is lost"), notice());
        accessible("sign in, with what was sent kept");
        signIn();
        waitFor("/admin/kept/");
        String kept = browser.findElement(By.tagName("main")).getText();
        assertTrue(kept.contains("You sent this to Prompts in Spanish"), kept);
        assertTrue(kept.contains("1 text differs from the draft") && kept.contains("Topics: Facts about human trafficking"), kept);
        accessible("what was kept");
        Browser.shot(browser, "console-kept.png");

        clickLink("Open it filled in, to check first");
        waitFor("typed=");
        assertTrue(browser.findElement(By.id("f-topics.facts")).getAttribute("value").endsWith(added), "filled in as it was sent");
        assertTrue(browser.findElement(By.cssSelector("main .kept")).getText().startsWith("These are the texts you sent"));
        clickButton("Save Spanish to the draft");
        waitFor("notice=saved");
        Object facts2 = store.draft().content().prompts().get("es-US").get("topics.facts");
        assertTrue(String.valueOf(facts2).contains(added), String.valueOf(facts2));
        long account = new hotline.accounts.Accounts(hotline.database, new hotline.accounts.PasswordHasher(), clock)
                .byName("maria").orElseThrow().id();
        assertEquals(List.of(), new KeptForms(hotline.database, clock).waiting(account, KeptForms.Purpose.SESSION_ENDED),
                "once saved, the kept copy is gone");
    }

    private double number(String script, WebElement element) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script, element)).doubleValue();
    }

    @Test
    void everyActionThatThrowsSomethingAwayAsksFirstAndOneChangeCanBeReverted() throws IOException {
        start(Clock.systemUTC());
        hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
        signInTo("/admin/lines/lapd");

        clickLink("Delete this line from the draft…");
        waitFor("/admin/lines/lapd/delete");
        String question = browser.findElement(By.tagName("main")).getText();
        assertTrue(question.startsWith("Delete the Los Angeles Police Department?"), question);
        assertTrue(question.contains("(877) 275-5273") && question.contains("Name in Spanish"), question);
        accessible("deleting a line");
        clickButton("Delete the Los Angeles Police Department");
        waitFor("notice=line_deleted");

        browser.get(hotline.publicUrl + "/admin");
        click(browser.findElement(By.xpath("//ol[@class='changes']/li[contains(., 'Line: the Los Angeles Police Department · Deleted')]//a")));
        waitFor("/admin/draft/revert");
        accessible("reverting one change");
        clickButton("Revert this change");
        waitFor("notice=reverted");
        assertEquals("lapd", store.draft().content().lines().lines().get(9).id(), "back, in its place");
        assertTrue(browser.findElements(By.cssSelector("ol.changes")).isEmpty(), "nothing left to publish");

        editAndSave("/admin/lines/lapd", "number", "(323) 555-0142", "Save to the draft");
        editAndSave("/admin/prompts?lang=es-US", "f-transfer.busy", "La línea está ocupada.", "Save Spanish to the draft");
        browser.get(hotline.publicUrl + "/admin");
        clickLink("Discard the draft's changes…");
        String discard = browser.findElement(By.tagName("main")).getText();
        assertTrue(discard.startsWith("Discard the draft's 2 changes?"), discard);
        assertTrue(discard.contains("Line: the Los Angeles Police Department · Number") && discard.contains("(323) 555-0142"), discard);
        accessible("discarding the draft");
        clickButton("Discard 2 changes");
        waitFor("notice=discarded");
        assertEquals(LAPD, store.draft().content().lines().lines().get(9).number());

        browser.get(hotline.publicUrl + "/admin/accounts");
        click(browser.findElement(By.cssSelector("main a[href='/admin/accounts/sam/reset']")));
        waitFor("/admin/accounts/sam/reset");
        accessible("resetting a password");
        clickButton("Reset the password");
        waitFor("notice=password_reset");
        assertTrue(browser.findElement(By.cssSelector("main div.notice code")).getText().matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"));
        accessible("a one-time password, shown once");

        Map<String, String> files = new LinkedHashMap<>(PromptFiles.render(store.draft().content()));
        files.put("lines.yaml", files.get("lines.yaml").replace("+18772755273", "+13235550142"));
        Path zip = Files.createTempFile("prompts", ".zip");
        Files.write(zip, Zips.zip(files));
        browser.get(hotline.publicUrl + "/admin/files");
        accessible("files");
        browser.findElement(By.id("files")).sendKeys(zip.toString());
        clickButton("Check the files");
        waitFor("/admin/files/import/");
        String importing = browser.findElement(By.tagName("main")).getText();
        assertTrue(importing.contains("replaces the whole draft: 1 part of the draft would change"), importing);
        assertEquals(LAPD, store.draft().content().lines().lines().get(9).number(), "nothing imported yet");
        accessible("importing the whole draft");
        clickButton("Import, replacing the draft");
        waitFor("notice=imported");
        assertEquals("+13235550142", store.draft().content().lines().lines().get(9).number());
        Files.delete(zip);
    }

    @Test
    void aTranslatorsFileIsImportedAloneAndABrokenOneIsExplainedWithItsLine() throws IOException {
        start(Clock.systemUTC());
        signInTo("/admin/files");
        String spanish = TranslatorFile.render(store.draft().content(), "es-US");
        Path file = Files.createTempDirectory("translator").resolve("es-US.yaml");
        Files.writeString(file, spanish.replace("busy: \"Esa línea está ocupada.\"", "busy: \"La línea está ocupada.\""),
                StandardCharsets.UTF_8);
        browser.findElement(By.id("files")).sendKeys(file.toString());
        clickButton("Check the files");
        waitFor("/admin/files/import/");
        String question = browser.findElement(By.tagName("main")).getText();
        assertTrue(question.contains("Importing es-US.yaml replaces the texts of Spanish in the draft, and nothing else"), question);
        accessible("importing a translator's file");
        Browser.shot(browser, "console-import.png");
        clickButton("Import, replacing these texts");
        waitFor("notice=imported");
        assertTrue(browser.findElement(By.cssSelector("ol.changes")).getText().contains("Prompts in Spanish · Transfers: The line is busy"));

        Files.writeString(file, spanish.replace("busy: \"Esa línea está ocupada.\"", "busy: \"Esa línea está ocupada."),
                StandardCharsets.UTF_8);
        browser.get(hotline.publicUrl + "/admin/files");
        browser.findElement(By.id("files")).sendKeys(file.toString());
        clickButton("Check the files");
        waitFor("typed=");
        summaryFocused();
        String why = browser.findElement(By.cssSelector(".error-summary")).getText();
        assertTrue(why.contains("cannot be read: on line") && why.contains("a text in quotation marks is not closed"), why);
        accessible("a translator's file that cannot be read");
        Files.delete(file);
    }

    @Test
    void aMistakeIsSummarisedLinkedToItsFieldAndAReloadSendsNothingAgain() {
        start(Clock.systemUTC());
        signInTo("/admin/lines/lapd");
        editAndSave("/admin/lines/lapd", "number", "(877) 275-527", "Save to the draft");
        waitFor("typed=");
        summaryFocused();
        Browser.shot(browser, "console-error.png");
        assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
        click(browser.findElement(By.cssSelector(".error-summary a[href='#number']")));
        assertEquals("input#number.", focused(), "the link puts the cursor in the field");
        accessible("a line with a mistake");
        browser.navigate().refresh();
        assertFalse(ExpectedConditions.alertIsPresent().apply(browser) != null, "no \"send the form again?\"");
        assertEquals("(877) 275-527", browser.findElement(By.id("number")).getAttribute("value"), "what was typed is still there");

        editAndSave("/admin/lines/lapd", "number", "1-800-HOTLINE", "Save to the draft");
        waitFor("converted=lapd");
        assertTrue(browser.findElement(By.cssSelector("main .warning")).getText().contains("was typed with letters; it will be"
                + " dialed as (800) 468-5463"), browser.findElement(By.cssSelector("main .warning")).getText());
    }

    @Test
    void theKeyboardSkipsToTheContentAndEveryControlShowsItsFocus() {
        start(Clock.systemUTC());
        signInTo("/admin");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("a.skip-link", focused(), "the first thing a keyboard reaches");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertEquals("main#main.", focused());
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement control = browser.switchTo().activeElement();
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0]).outlineStyle + ' ' + getComputedStyle(arguments[0]).outlineWidth", control);
        assertEquals("solid 3px", outline, "a visible focus ring on " + control.getTagName());
        assertEquals("page", browser.findElement(By.linkText("Publish")).getAttribute("aria-current"));
    }
}
