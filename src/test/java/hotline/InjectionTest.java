package hotline;

import hotline.db.Database;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL injection and hostile text in every parameter of the admin console and the dashboard: every page is found by
 * following links from /admin and /dashboard, every query parameter and every field of every form gets each
 * payload. Nothing answers with a 5xx, and afterwards the database is whole, its accounts and content as they were.
 */
@Slow
class InjectionTest {
    private static final List<String> PAYLOADS = List.of("' OR '1'='1", "'; DROP TABLE call_event; --",
            "1 UNION SELECT password_hash FROM account", "<script>alert(1)</script>", "../../etc/passwd\u0000", "x".repeat(5_000));
    private TestHotline hotline;
    private WebClient admin;

    @BeforeEach
    void start() {
        hotline = TestHotline.start();
        admin = hotline.signedInAdmin();
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void everyParameterOfEveryPageTakesHostileTextWithoutHarm() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> pages = crawl(List.of("/admin", "/dashboard"));
        assertTrue(pages.size() >= 15, "found the console's pages: " + pages);
        int requests = 0;
        for (String page : pages) {
            for (String payload : PAYLOADS) {
                for (String hostile : withEachQueryParameter(page, payload)) {
                    requests++;
                    check(admin.get(hostile), "GET " + hostile, problems);
                }
            }
            admin.get(page);
            Document document = admin.page();
            for (Element form : document.select("form[method=post]")) {
                String action = form.attr("action");
                if (action.equals("/admin/logout")) {
                    continue;
                }
                for (String payload : PAYLOADS) {
                    admin.get(page);
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (Element field : form.select("input[name], textarea[name], select[name]")) {
                        if (!field.attr("name").equals("csrf") && !field.attr("type").equals("file")) {
                            fields.put(field.attr("name"), payload);
                        }
                    }
                    requests++;
                    check(admin.post(action, fields), "POST " + action + " from " + page, problems);
                }
            }
        }
        for (String payload : PAYLOADS) {
            WebClient stranger = hotline.browser();
            stranger.get("/admin/login");
            requests++;
            check(stranger.post("/admin/login", Map.of("name", payload, "password", payload)), "sign-in", problems);
            for (String path : List.of("/admin/versions/", "/admin/lines/", "/dashboard/csv/", "/audio/")) {
                requests++;
                check(admin.get(path + URLEncoder.encode(payload, StandardCharsets.UTF_8)), "path " + path, problems);
            }
        }
        assertEquals(List.of(), problems, "of " + requests + " requests to " + pages.size() + " pages");
        assertTheDatabaseIsWhole();
        assertEquals(303, hotline.browser().signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode(), "the account still signs in");
    }

    private static void check(HttpResponse<String> response, String what, List<String> problems) {
        if (response.statusCode() >= 500) {
            problems.add(what + ": " + response.statusCode());
        }
    }

    /** Every page of our own reachable from the start pages by links: one link for each path, with its query. */
    private Set<String> crawl(List<String> starts) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(starts);
        while (!next.isEmpty() && seen.size() < 60) {
            String page = next.poll();
            if (!paths.add(page.replaceAll("\\?.*", "").replaceAll("/[0-9]+$", "/N"))) {
                continue;
            }
            seen.add(page);
            HttpResponse<String> response = admin.get(page);
            if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            for (Element link : admin.page().select("a[href]")) {
                String href = link.attr("href");
                if ((href.startsWith("/admin") || href.startsWith("/dashboard")) && !href.startsWith("/admin/logout")) {
                    next.add(href.replaceAll("#.*", ""));
                }
            }
        }
        return seen;
    }

    /** The page once for each of its query parameters, with that one replaced by the payload; and with one added. */
    private static List<String> withEachQueryParameter(String page, String payload) {
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
        List<String> variants = new ArrayList<>();
        int query = page.indexOf('?');
        String path = query < 0 ? page : page.substring(0, query);
        List<String> pairs = query < 0 ? List.of() : List.of(page.substring(query + 1).split("&"));
        for (int i = 0; i < pairs.size(); i++) {
            List<String> changed = new ArrayList<>(pairs);
            changed.set(i, pairs.get(i).replaceAll("=.*", "") + "=" + encoded);
            variants.add(path + "?" + String.join("&", changed));
        }
        variants.add(path + "?" + (pairs.isEmpty() ? "" : String.join("&", pairs) + "&")
                + "lang=" + encoded + "&from=" + encoded + "&to=" + encoded + "&range=" + encoded + "&notice=" + encoded);
        return variants;
    }

    private void assertTheDatabaseIsWhole() throws Exception {
        try (Connection db = hotline.database.connect(); Statement sql = db.createStatement()) {
            if (hotline.database.engine() == Database.Engine.SQLITE) {
                try (ResultSet ok = sql.executeQuery("PRAGMA integrity_check")) {
                    ok.next();
                    assertEquals("ok", ok.getString(1));
                }
            }
            for (String table : List.of("call_event", "event_rollup", "account", "admin_session", "catalog_version", "audit_log")) {
                try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertTrue(rows.next(), table + " is still there");
                }
            }
            try (ResultSet accounts = sql.executeQuery("SELECT COUNT(*) FROM account")) {
                accounts.next();
                assertTrue(accounts.getInt(1) >= 1, "accounts are still there");
            }
        }
    }
}
