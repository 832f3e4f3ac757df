package hotline.deploy;

import hotline.Slow;
import hotline.TestHotline;
import hotline.TestTls;
import hotline.Twiml;
import hotline.simulator.SimulatedCall;
import hotline.simulator.TwilioSigner;
import hotline.voice.VoiceRoutes;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reverse proxy of deploy/nginx-hotline.conf, run for real: nginx with TLS (a certificate made for the test, which
 * the client trusts and nothing else) in front of a test hotline whose public URL is nginx's address. Webhooks signed
 * as Twilio signs them are answered through it; a hotline whose public URL is not that address refuses them with 403.
 * Without nginx the test is skipped, saying so, unless HOTLINE_REQUIRE_NGINX=1 (set by .ci/run) makes it fail.
 */
@Slow
class NginxProxyTest {
    private static final String SKIPPED = "nginx is not installed (Debian: apt-get install nginx): the test of "
            + "deploy/nginx-hotline.conf is skipped; HOTLINE_REQUIRE_NGINX=1 makes it fail instead";
    private static Path binary;
    private static Path dir;
    private static TestTls tls;
    private static HttpClient https;
    private static TestHotline hotline;
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> found = Nginx.binary();
        if (found.isEmpty()) {
            if ("1".equals(System.getenv("HOTLINE_REQUIRE_NGINX"))) {
                fail("nginx is not installed, and HOTLINE_REQUIRE_NGINX=1 says the test of deploy/nginx-hotline.conf must "
                        + "run: install it (Debian: apt-get install nginx; .ci/run does)");
            }
            System.err.println(SKIPPED);
            return;
        }
        binary = found.get();
        dir = Files.createTempDirectory("hotline-nginx-test");
        tls = TestTls.createIn(dir);
        https = HttpClient.newBuilder().sslContext(tls.trusting()).followRedirects(HttpClient.Redirect.NEVER).build();
        int httpsPort = Nginx.freePort();
        hotline = TestHotline.startBehind("https://127.0.0.1:" + httpsPort);
        nginx = Nginx.start(binary, dir.resolve("nginx"), tls, httpsPort, Nginx.freePort(), hotline.app.port());
    }

    /** Each test is reported skipped, with the reason, where nginx is missing. */
    @BeforeEach
    void needsNginx() {
        Assumptions.assumeTrue(binary != null, SKIPPED);
    }

    @AfterAll
    static void stop() throws IOException {
        if (nginx != null) {
            nginx.close();
        }
        if (hotline != null) {
            hotline.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return https.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A webhook as Twilio sends it to {@code publicUrl}: signed over that URL, posted to {@code server}. */
    private static HttpResponse<String> webhook(String server, String publicUrl, String pathAndQuery, Map<String, String> params)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TestHotline.TOKEN, publicUrl + pathAndQuery, params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.formBody(params))).build());
    }

    private static Map<String, String> call(String digits) {
        Map<String, String> params = new java.util.HashMap<>(SimulatedCall.twilioParams("CA" + "4".repeat(32),
                "+15555550100", TestHotline.HOTLINE_NUMBER));
        if (digits != null) {
            params.put("Digits", digits);
        }
        return params;
    }

    @Test
    void twilioSignedWebhooksAreAnsweredThroughTheProxyOverTls() throws Exception {
        HttpResponse<String> incoming = webhook(nginx.httpsBase(), hotline.publicUrl, VoiceRoutes.INCOMING, call(null));
        assertEquals(200, incoming.statusCode(), incoming.body());
        assertTrue(incoming.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        String next = Twiml.of(incoming.body()).string("//Gather/@action");
        assertTrue(next.startsWith(hotline.publicUrl + VoiceRoutes.LANGUAGE + "?"), "the next step is at the public URL: " + next);

        String language = hotline.catalog.get().languages().get(0).key();
        HttpResponse<String> chosen = webhook(nginx.httpsBase(), hotline.publicUrl, next.substring(hotline.publicUrl.length()),
                call(language));
        assertEquals(200, chosen.statusCode(), "the query (the call's state) reaches the hotline as Twilio signed it");
        assertTrue(Twiml.of(chosen.body()).string("//Gather/@action").startsWith(hotline.publicUrl + VoiceRoutes.MENU + "?"));

        // nginx writes a request's log line once its answer is sent: it may come a moment after the answer does.
        Awaitility.await("the language step in nginx's access log").atMost(Duration.ofSeconds(10))
                .until(() -> nginx.accessLog().stream().anyMatch(line -> line.contains("POST " + VoiceRoutes.LANGUAGE + " 200")));
        List<String> log = nginx.accessLog();
        assertTrue(log.stream().noneMatch(line -> line.contains("?") || line.contains("5555550100")),
                "no query and nothing of the caller in the proxy's log: " + log);
    }

    @Test
    void aHotlineWhosePublicUrlIsNotTheProxysAddressRefusesTwilioWith403() throws Exception {
        try (TestHotline misconfigured = TestHotline.startBehind("https://hotline.example.org");
             Nginx proxy = Nginx.start(binary, dir.resolve("wrong-url"), tls, misconfigured.app.port())) {
            HttpResponse<String> refused = webhook(proxy.httpsBase(), proxy.httpsBase(), VoiceRoutes.INCOMING, call(null));
            assertEquals(403, refused.statusCode());
            assertEquals("Forbidden: X-Twilio-Signature does not match", refused.body(), "the hotline's refusal, not nginx's");
        }
    }

    @Test
    void metricsAreNotServedThroughTheProxyWithoutTheirToken() throws Exception {
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(nginx.httpsBase() + "/metrics")).build()).statusCode(),
                "the proxy says where the request came from");
        HttpResponse<String> withToken = send(HttpRequest.newBuilder(URI.create(nginx.httpsBase() + "/metrics"))
                .header("Authorization", "Bearer " + TestHotline.METRICS_TOKEN).build());
        assertEquals(200, withToken.statusCode(), "Prometheus, with the token, is served through the proxy");
    }

    @Test
    void plainHttpIsSentToHttps() throws Exception {
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nginx.httpPort + "/admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(301, redirect.statusCode());
        assertEquals("https://127.0.0.1/admin", redirect.headers().firstValue("Location").orElse(""));
        HttpResponse<String> admin = send(HttpRequest.newBuilder(URI.create(nginx.httpsBase() + "/admin/login")).build());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void uploadsAsLargeAsTheHotlineTakesGetThroughAndLargerOnesDoNot() throws Exception {
        HttpResponse<String> recording = send(HttpRequest.newBuilder(URI.create(nginx.httpsBase() + "/admin/recordings"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024])).build());
        // nginx let 6 MB through to the hotline, which refuses it at once (no session) without reading it all: its 403,
        // or, when the hotline closes the connection on the unread rest, nginx's 502. Never nginx's own 413.
        assertTrue(recording.statusCode() == 403 || recording.statusCode() == 502, "got " + recording.statusCode());
        HttpResponse<String> huge = send(HttpRequest.newBuilder(URI.create(nginx.httpsBase() + "/admin/recordings"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build());
        assertEquals(413, huge.statusCode());
    }

    @Test
    void whenTheHotlineIsDownTheProxyFailsAtOnceSoTwilioTurnsToTheFallback() throws Exception {
        try (Nginx proxy = Nginx.start(binary, dir.resolve("down"), tls, Nginx.freePort())) {
            long started = System.nanoTime();
            HttpResponse<String> down = webhook(proxy.httpsBase(), proxy.httpsBase(), VoiceRoutes.INCOMING, call(null));
            assertEquals(502, down.statusCode());
            assertTrue(System.nanoTime() - started < 3_000_000_000L, "well within Twilio's 15 s");
        }
    }
}
