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
        assertEquals(422, refused.statusCode());
        assertTrue(admin.page().selectFirst(".field-error").text()
                .startsWith("\"(877) 275-527\" is not a phone number that can be dialed."), refused.body());
        assertEquals("(877) 275-527", admin.page().selectFirst("#number").val(), "what was typed is still there");
        assertEquals("Mon-Fri 09:00-17:00", admin.page().selectFirst("#hours").val());
        assertEquals(List.of(LAPD), dialedForTheLapd());
    }

    @Test
    void aFailoverCycleIsRefusedAtPublishNamingTheFieldAndTheLiveVersionStays() {
        assertEquals(303, editLine("da_victim_services", Map.of("failover", "da_htvap_central")).statusCode());
        HttpResponse<String> refused = publish("make a loop");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Nothing was published"), refused.body());
        assertTrue(refused.body().contains("lines.yaml: lines[2] (da_htvap_central).failover: failover cycle: "
                + "da_htvap_central -&gt; da_victim_services -&gt; da_htvap_central"), refused.body());
        assertEquals("v1", hotline.catalog.get().version());
        assertEquals(1, new ContentStore(hotline.database, hotline.clock).versions().size());
    }

    @Test
    void aMissingPromptIsRefusedAtPublishNamingTheFileAndKey() {
        admin.get("/admin/prompts?lang=es-US");
        assertEquals(303, admin.submit("/admin/prompts", Map.of("transfer.busy", "")).statusCode());
        HttpResponse<String> refused = publish("oops");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("es-US.yaml: transfer.busy: missing"), refused.body());
        CallRecord call = hotline.call("2 5 5 busy");
        assertTrue(call.spokenText().contains("Esa línea está ocupada."), "callers still hear the published text");
    }

    @Test
    void rollbackPublishesAnEarlierVersionAgain() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        publish("new LAPD number");
        assertEquals(List.of("+13235550142"), dialedForTheLapd());

        admin.get("/admin/versions");
        HttpResponse<String> rolledBack = admin.submit("/admin/versions/1/rollback", Map.of("note", "the old number works again"));
        assertEquals(303, rolledBack.statusCode());

        assertEquals(List.of(LAPD), dialedForTheLapd());
        assertEquals("v3", hotline.catalog.get().version());
        HttpResponse<String> versions = admin.get("/admin/versions");
        assertTrue(versions.body().contains("Rollback to v1: the old number works again"));
        HttpResponse<String> diff = admin.get("/admin/versions/diff?from=2&to=3");
        assertTrue(diff.body().contains("lapd › number") && diff.body().contains("+13235550142") && diff.body().contains(LAPD),
                diff.body());
    }

    @Test
    void theAuditLogRecordsSignInsPublishesRollbacksAndAccountChanges() {
        editLine("lapd", Map.of("number", "(323) 555-0142"));
        publish("new LAPD number");
        admin.get("/admin/versions");
        admin.submit("/admin/versions/1/rollback", Map.of("note", ""));
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
        assertTrue(transfer.body().contains("Connects the caller to the Los Angeles Police Department (+13235550142)"), transfer.body());
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
    void aLineInUseCannotBeDeleted() {
        admin.get("/admin/lines/cast");
        HttpResponse<String> refused = admin.submit("/admin/lines/cast/delete", Map.of());
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("the failover of da_victim_services"), refused.body());
    }
}
