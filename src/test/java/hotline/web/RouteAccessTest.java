package hotline.web;

import hotline.TestHotline;
import hotline.WebClient;
import hotline.accounts.Role;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access is decided per route and denied by default: every route of the app declares who may use it, and a route
 * that declares no one is refused to everyone, instead of being public because of where its path happens to be.
 */
class RouteAccessTest {
    private static TestHotline hotline;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        hotline = TestHotline.start();
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static WebClient admin;

    /** One admin for the whole class: the test hotline makes the same account each time it is asked. */
    private static synchronized WebClient admin() {
        if (admin == null) {
            admin = hotline.signedInAdmin();
        }
        return admin;
    }

    private static List<Endpoint> endpoints() {
        return hotline.app.unsafe.internalRouter.allHttpHandlers().stream().map((ParsedEndpoint e) -> e.endpoint)
                .filter(e -> e.method.isHttpMethod()).toList();
    }

    private static Set<?> rolesOf(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }

    @Test
    void everyRouteDeclaresExactlyOneAccess() {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() > 40, "the whole app: " + endpoints.size());
        for (Endpoint endpoint : endpoints) {
            Set<?> roles = rolesOf(endpoint);
            assertEquals(1, roles.size(), endpoint.method + " " + endpoint.path + " declares " + roles);
            assertTrue(roles.iterator().next() instanceof Access, endpoint.method + " " + endpoint.path);
        }
    }

    @Test
    void aRouteThatDeclaresNoAccessIsRefusedToEveryone() throws Exception {
        try (TestHotline another = TestHotline.start()) {
            // As if someone added a page and forgot to say who may see it.
            another.app.unsafe.internalRouter.addHttpEndpoint(new Endpoint(HandlerType.GET, "/forgotten-page",
                    ctx -> ctx.result("secret")));
            HttpResponse<String> response = another.get("/forgotten-page");
            assertEquals(403, response.statusCode());
            assertFalse(response.body().contains("secret"));
        }
    }

    @Test
    void eachPageBehindASignInSendsAnonymousVisitorsToSignIn() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            Object access = rolesOf(endpoint).iterator().next();
            boolean signedIn = access == Access.ADMIN || access == Access.STAFF || access == Access.SIGNED_IN;
            if (!signedIn || endpoint.method != HandlerType.GET) {
                continue;
            }
            HttpResponse<String> response = get(endpoint.path.replace("{id}", "nhtrc").replace("{file}", "x")
                    .replace("{chart}", "calls_per_day").replace("{code}", "en-US").replace("{name}", "maria"), Map.of());
            assertEquals(303, response.statusCode(), endpoint.path);
            assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/admin/login?next="), endpoint.path);
        }
    }

    @Test
    void webhooksAndMetricsRefuseWhoeverIsNotTwilioOrTheMonitoring() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            Object access = rolesOf(endpoint).iterator().next();
            if (access == Access.TWILIO) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hotline.serverUrl() + endpoint.path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA1")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, response.statusCode(), endpoint.path + " without Twilio's signature");
            }
            if (access == Access.MONITORING) {
                assertEquals(403, get(endpoint.path, Map.of()).statusCode(), endpoint.path);
                assertEquals(200, get(endpoint.path, Map.of("Authorization", "Bearer " + TestHotline.METRICS_TOKEN)).statusCode());
            }
        }
    }

    @Test
    void styleSheetsScriptsAndChartJsArePublicAndServedWithTheirType() throws Exception {
        // Static files are no route of ours: they pass the same rule, so they declare their access too.
        HttpResponse<String> css = get("/static/hotline.css", Map.of());
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        HttpResponse<String> script = get("/static/dashboard.js", Map.of());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        HttpResponse<String> chartJs = get(chartJsPath(), Map.of());
        assertEquals(200, chartJs.statusCode());
        assertEquals(404, get("/static/no-such-file.css", Map.of()).statusCode());
    }

    private static String chartJsPath() {
        // The dashboard names the Chart.js it loads; the path carries the WebJar's version.
        String page = admin().get("/dashboard").body();
        int start = page.indexOf("/webjars/");
        assertTrue(start >= 0, "the dashboard loads Chart.js from its WebJar");
        return page.substring(start, page.indexOf('"', start));
    }

    @Test
    void theServersBareAddressLeadsToSignInThenToWhatThePersonMayUse() throws Exception {
        HttpResponse<String> anonymous = get("/", Map.of());
        assertEquals(303, anonymous.statusCode());
        assertEquals("/admin/login?next=%2F", anonymous.headers().firstValue("Location").orElseThrow());
        assertEquals("/admin", admin().get("/").headers().firstValue("Location").orElseThrow());
    }

    @Test
    void staffSeeDashboardsButNoAdminPage() {
        hotline.addAccount("olivia", Role.STAFF, TestHotline.ADMIN_PASSWORD);
        var staff = hotline.browser();
        assertEquals(303, staff.signIn("olivia", TestHotline.ADMIN_PASSWORD).statusCode());
        assertEquals(200, staff.get("/dashboard").statusCode());
        assertEquals(403, staff.get("/admin/lines").statusCode());
        assertEquals(403, staff.get("/admin/accounts").statusCode());
        assertEquals("/dashboard", staff.get("/").headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hotline.serverUrl() + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
