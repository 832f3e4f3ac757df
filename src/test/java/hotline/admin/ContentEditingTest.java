package hotline.admin;

import hotline.content.ContentStore;
import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.Twiml;
import hotline.WebClient;
import hotline.audit.AuditLog;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing content through the admin pages, publishing it, and what the very next call hears. */
@ExtendWith(HotlineExtension.class)
class ContentEditingTest {
    private static final String LAPD = "+18772755273";
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;

    private HttpResponse<String> editLine(String id, Map<String, String> changes) {
        assertEquals(200, admin.get("/admin/lines/" + id).statusCode());
        return admin.submit("/admin/lines/" + id, changes);
    }

    private HttpResponse<String> publish(String note) {
        admin.get("/admin");
        return admin.submit("/admin/publish", Map.of("note", note));
    }

    /** Publishes, is refused, and follows the redirect back to the Publish page: the text of its error summary. */
    private String refusedPublish(String note) {
        HttpResponse<String> refused = publish(note);
        assertEquals(303, refused.statusCode(), "a redirect, so that reloading the page does not publish again");
        assertEquals(200, admin.follow(refused).statusCode());
        return admin.page().selectFirst(".error-summary").text();
    }

    /** Rolls back to a version through the page that asks first. */
    private HttpResponse<String> rollBack(long version, Map<String, String> answers) {
        assertEquals(200, admin.get("/admin/versions/" + version + "/rollback").statusCode());
        return admin.submit("/admin/versions/" + version + "/rollback", answers);
    }

    /** The LAPD is the tenth line of the directory: key 3 on its second page. */
    private List<String> dialedForTheLapd() {
        CallRecord call = hotline.call("1 5 8 3 answered");
        assertEveryAnswerValid(call);
        return call.dialed();
    }

    @Test
    void aChangedNumberIsDialedOnTheVeryNextCallWithoutARestart() {
        assertEquals(List.of(LAPD), dialedForTheLapd());
        HttpResponse<String> saved = editLine("lapd", Map.of("number", "(323) 555-0142"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(List.of(LAPD), dialedForTheLapd(), "a draft is not live");

        assertEquals(303, publish("LAPD has a new number").statusCode());

        assertEquals(List.of("+13235550142"), dialedForTheLapd());
        assertEquals("v2", hotline.catalog.get().version());
        HttpResponse<String> home = admin.get("/admin");
        assertTrue(home.body().contains("Callers hear v2"), home.body());
    }

    @Test
    void aBadNumberIsRefusedOnItsFormWithEverythingTypedKept() {
        HttpResponse<String> refused = editLine("lapd", Map.of("number", "(877) 275-527", "hours", "Mon-Fri 09:00-17:00"));
        assertEquals(303, refused.statusCode(), "a redirect to the form: reloading it sends nothing again");
        assertTrue(refused.headers().firstValue("Location").orElseThrow().startsWith("/admin/lines/lapd?typed="));
        admin.follow(refused);
        String error = "\"(877) 275-527\" is not a phone number that can be dialed: check that no digit is missing";
        assertTrue(admin.page().selectFirst(".error-summary a[href=#number]").text().startsWith(error), admin.page().text());
        assertTrue(admin.page().selectFirst("#number-error").text().startsWith("Error: " + error));
        assertEquals("true", admin.page().selectFirst("#number").attr("aria-invalid"));
        assertEquals("number-hint number-error", admin.page().selectFirst("#number").attr("aria-describedby"));
        assertTrue(admin.page().title().startsWith("Error: "));
        assertEquals("(877) 275-527", admin.page().selectFirst("#number").val(), "what was typed is still there");
        assertEquals("Mon-Fri 09:00-17:00", admin.page().selectFirst("#hours").val());
        assertEquals(List.of(LAPD), dialedForTheLapd());
    }

    @Test
    void aFailoverCycleIsRefusedAtPublishNamingTheFieldAndTheLiveVersionStays() {
        HttpResponse<String> saved = editLine("da_victim_services", Map.of("failover", "da_htvap_central"));
        assertEquals(303, saved.statusCode());
        admin.follow(saved);
        assertTrue(admin.page().select(".notice").isEmpty(), "no green \"Saved\" beside the problem it made");
        assertEquals("Saved to the draft. Callers hear it once it is published. But the draft has problems, listed below, to fix"
                + " before it can be published.", admin.page().selectFirst("main .warning[role=status]").text());
        String refused = refusedPublish("make a loop");
        assertTrue(refused.contains("Nothing was published: the draft has the problems below. Callers still hear v1."), refused);
        assertTrue(refused.contains("Line: the District Attorney's Human Trafficking Victim Assistance Program, Central office"
                + " · when busy, unanswered or closed, go on to: the lines to go on to lead round in a circle (the District"
                + " Attorney's Human Trafficking Victim Assistance Program, Central office → the District Attorney's Bureau of"
                + " Victim Services → the District Attorney's Human Trafficking Victim Assistance Program, Central office)"), refused);
        assertEquals("v1", hotline.catalog.get().version());
        assertEquals(1, new ContentStore(hotline.database, hotline.clock).versions().size());
    }

    @Test
    void aMissingPromptIsRefusedAtPublishNamingTheFileAndKey() {
        admin.get("/admin/prompts?lang=es-US");
        assertEquals(303, admin.submit("/admin/prompts", Map.of("transfer.busy", "")).statusCode());
        String refused = refusedPublish("oops");
        assertTrue(refused.contains("Prompts in Spanish · Transfers: The line is busy (transfer.busy): missing"), refused);
        CallRecord call = hotline.call("2 5 5 busy");
        assertTrue(call.spokenText().contains("Esa línea está ocupada."), "callers still hear the published text");
    }

    @Test
    void rollbackPublishesAnEarlierVersionAgain() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        publish("new LAPD number");
        assertEquals(List.of("+13235550142"), dialedForTheLapd());

        HttpResponse<String> rolledBack = rollBack(1, Map.of("note", "the old number works again"));
        assertEquals(303, rolledBack.statusCode());

        assertEquals(List.of(LAPD), dialedForTheLapd());
        assertEquals("v3", hotline.catalog.get().version());
        HttpResponse<String> versions = admin.get("/admin/versions");
        assertTrue(versions.body().contains("Rollback to v1: the old number works again"));
        admin.get("/admin/versions/diff?from=2&to=3");
        String diff = admin.page().text();
        assertTrue(diff.contains("Line: the Los Angeles Police Department · Number lines.yaml › lapd › number v2 (323) 555-0142"
                + " v3 (877) 275-5273"), diff);
    }

    @Test
    void aRollbackWithADraftMustBeToldWhatBecomesOfItAndCanReplaceIt() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        publish("new LAPD number");
        editLine("cast", Map.of("number", "(213) 555-0100"));

        HttpResponse<String> unanswered = rollBack(1, Map.of("note", "back"));
        assertEquals(303, unanswered.statusCode());
        admin.follow(unanswered);
        assertEquals("Choose whether to keep the draft's changes or replace them",
                admin.page().selectFirst(".error-summary a[href=#draft-keep]").text());
        assertEquals("back", admin.page().selectFirst("#note").val(), "the note typed is kept");
        assertEquals("v2", hotline.catalog.get().version(), "nothing was rolled back");

        assertEquals(303, admin.submit("/admin/versions/1/rollback", Map.of("draft", "replace")).statusCode());
        assertEquals("v3", hotline.catalog.get().version());
        assertEquals(List.of(), ContentDiff.between(new ContentStore(hotline.database, hotline.clock).content(3).orElseThrow(),
                new ContentStore(hotline.database, hotline.clock).draft().content()), "the draft is v1 again, its change replaced");
    }

    @Test
    void discardingTheDraftAsksFirstListingWhatWouldBeLost() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        assertEquals(200, admin.get("/admin/draft/discard").statusCode());
        assertTrue(admin.page().text().contains("Discard the draft's 1 change?"), admin.page().text());
        assertTrue(admin.page().text().contains("Line: the Los Angeles Police Department · Number (323) 555-0142"), admin.page().text());
        assertEquals("+13235550142", new ContentStore(hotline.database, hotline.clock).draft().content().lines().lines().get(9).number(),
                "asking changes nothing");
        assertEquals(303, admin.submit("/admin/draft/discard", Map.of()).statusCode());
        assertEquals(LAPD, new ContentStore(hotline.database, hotline.clock).draft().content().lines().lines().get(9).number());
    }

    @Test
    void theAuditLogRecordsSignInsPublishesRollbacksAndAccountChanges() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        publish("new LAPD number");
        rollBack(1, Map.of("note", ""));
        admin.get("/admin/accounts");
        admin.submit("/admin/accounts", Map.of("name", "olivia", "role", "staff"));

        List<String> actions = new AuditLog(hotline.database, hotline.clock).latest(20).stream()
                .map(e -> e.actor() + " " + e.action() + " " + e.detail()).toList();
        assertTrue(actions.contains("maria account_created olivia as staff"), actions.toString());
        assertTrue(actions.contains("maria rollback v3: Rollback to v1"), actions.toString());
        assertTrue(actions.contains("maria publish v2: new LAPD number"), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("maria login from ")), actions.toString());
        assertTrue(actions.contains("system publish v1: First version, from the prompt files in prompts"), actions.toString());
        HttpResponse<String> page = admin.get("/admin/audit");
        assertTrue(page.body().contains("account_created") && page.body().contains("rollback"));
    }

    @Test
    void markupInAPromptIsEscapedInPagesAndCorrectXmlInTwiml() {
        String typed = "Si está en peligro <script>alert(\"x\")</script> & llame al 9 1 1.";
        admin.get("/admin/prompts?lang=es-US");
        assertEquals(303, admin.submit("/admin/prompts", Map.of("main_menu.safety", typed)).statusCode());

        HttpResponse<String> editor = admin.get("/admin/prompts?lang=es-US");
        assertFalse(editor.body().contains("<script>alert"), "never raw in a page");
        assertTrue(editor.body().contains("&lt;script&gt;"));
        assertEquals(typed, admin.page().selectFirst("textarea[name=main_menu.safety]").val());
        HttpResponse<String> overview = admin.get("/admin");
        assertFalse(overview.body().contains("<script>alert"));

        assertEquals(303, publish("testing escaping").statusCode());
        CallRecord call = hotline.call("2");
        String xml = call.exchanges().get(1).body();
        assertTrue(xml.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; llame"), xml);
        assertEquals(typed, Twiml.of(xml).strings("//Say").get(0));
    }

    @Test
    void previewWalksTheDraftBeforeItIsPublished() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        HttpResponse<String> start = admin.get("/admin/preview?lang=en-US");
        assertEquals(200, start.statusCode());
        assertTrue(start.body().contains("If you are in immediate danger"));
        String linesKey = admin.page().select(".choice").stream().filter(c -> c.text().startsWith("Press 5"))
                .findFirst().orElseThrow().selectFirst("a").attr("href");
        HttpResponse<String> lines = admin.get(linesKey);
        assertTrue(lines.body().contains("Here are the lines you can call."));
        String morePage = admin.page().select(".choice").stream().filter(c -> c.text().startsWith("Press 8"))
                .findFirst().orElseThrow().selectFirst("a").attr("href");
        admin.get(morePage);
        assertTrue(admin.page().select(".choice").stream().anyMatch(c -> c.text().equals("Press 3 transfers to the Los Angeles Police Department")),
                admin.page().select(".choice").text());
        String lapdKey = admin.page().select(".choice").stream().filter(c -> c.text().startsWith("Press 3"))
                .findFirst().orElseThrow().selectFirst("a").attr("href");
        HttpResponse<String> transfer = admin.get(lapdKey);
        assertTrue(transfer.body().contains("Connects the caller to the Los Angeles Police Department ((323) 555-0142)"), transfer.body());
        assertEquals(List.of(LAPD), dialedForTheLapd(), "previewing publishes nothing");
    }

    @Test
    void aNewLineIsAddedAndOrderedAndTheDirectoryStaysConsistent() {
        admin.get("/admin/lines/new");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("id", "la_shelter", "kind", "victim_services",
                "number", "213-555-0177", "failover", "nhtrc"));
        for (String language : List.of("en-US", "es-US", "zh-CN", "yue-HK", "fil-PH", "ko-KR", "vi-VN")) {
            fields.put("name_" + language, language.equals("en-US") ? "the L.A. shelter line" : "L.A. shelter (" + language + ")");
        }
        HttpResponse<String> added = admin.submit("/admin/lines/new", fields);
        assertEquals(303, added.statusCode(), added.body());
        admin.get("/admin/lines");
        for (int i = 0; i < 13; i++) {
            admin.submit("/admin/lines/la_shelter/move", Map.of("direction", "up"));
            admin.get("/admin/lines");
        }
        publish("a shelter line, first in the directory");
        CallRecord call = hotline.call("1 5 1 answered");
        assertEquals(List.of("+12135550177"), call.dialed());
        assertTrue(call.spokenText().contains("For the L.A. shelter line, press 1."));
    }

    @Test
    void aLineInUseCannotBeDeletedAndThePageSaysWhereItIsUsedByName() {
        admin.get("/admin/lines/cast");
        HttpResponse<String> question = admin.get("/admin/lines/cast/delete");
        assertEquals(200, question.statusCode());
        assertTrue(admin.page().text().contains("where the District Attorney's Bureau of Victim Services fails over to"),
                admin.page().text());
        assertTrue(admin.page().select("form[action=/admin/lines/cast/delete]").isEmpty(), "nothing to confirm");
        admin.get("/admin/lines/cast");
        HttpResponse<String> anyway = admin.postExactly("/admin/lines/cast/delete", Map.of("csrf", csrf()));
        assertEquals(303, anyway.statusCode());
        assertTrue(new ContentStore(hotline.database, hotline.clock).draft().content().lines().lines().stream()
                .anyMatch(l -> l.id().equals("cast")), "still there");
    }

    private String csrf() {
        return admin.page().selectFirst("input[name=csrf]").val();
    }
}
