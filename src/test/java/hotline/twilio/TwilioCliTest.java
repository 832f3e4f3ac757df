package hotline.twilio;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import hotline.TestTls;
import hotline.cli.HotlineCli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/hotline twilio connect|check} against a stand-in of Twilio's REST API: what connect would change and
 * then changes in one update, what check finds right and wrong, and each way it can fail, said so that someone knows
 * what to do. The network is never used.
 */
class TwilioCliTest {
    private static final String PUBLIC_URL = "https://hotline.example.org";
    private static final String NUMBER = "+13235550100";
    private static final String SID = "PN" + "0123456789abcdef".repeat(2);
    private static final String OTHER_NUMBER = "+13235550199";
    private static final String FALLBACK = "https://handler.twilio.com/twiml/EH" + "89abcdef01234567".repeat(2);

    private static Path dir;
    private static TestTls tls;
    private static TwilioStandIn twilio;

    private record Run(int exit, String output) {
    }

    @BeforeAll
    static void standIn() throws IOException {
        dir = Files.createTempDirectory("hotline-twilio-test");
        tls = TestTls.createIn(dir);
        twilio = new TwilioStandIn(tls);
    }

    @AfterAll
    static void stop() throws IOException {
        twilio.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void fresh() {
        twilio.reset();
        twilio.hotlineHealthy();
        twilio.add(NUMBER, SID);
        twilio.add(OTHER_NUMBER, "PN" + "fedcba9876543210".repeat(2));
    }

    private static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN,
                "HOTLINE_PUBLIC_URL", PUBLIC_URL, "TWILIO_API_BASE_URL", twilio.apiBase()));
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                env.remove(extra[i]);
            } else {
                env.put(extra[i], extra[i + 1]);
            }
        }
        return env;
    }

    /**
     * The command, with the hotline's public address answered by the stand-in's https port (as other tests reach a
     * hotline whose public URL is not its own address), through a client that trusts the test certificate only.
     */
    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HealthProbe probe = publicUrl -> HealthProbe.over(tls.client()).check(URI.create(twilio.httpsBase()));
        int exit = new TwilioCli(env, new PrintStream(bytes, true, StandardCharsets.UTF_8), probe).run(List.of(args));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains(TwilioStandIn.AUTH_TOKEN) || output.contains(TwilioStandIn.API_SECRET),
                "no secret is ever printed: " + output);
        return new Run(exit, output);
    }

    private static Run run(String... args) {
        return run(env(), args);
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        request.formParameters().forEach((name, value) -> form.put(name, value.firstValue()));
        return form;
    }

    private static void misconfigure() {
        twilio.set(SID, Map.of("voice_url", "http://old.example.org/ivr.xml", "voice_method", "GET",
                "voice_application_sid", "AP" + "00112233".repeat(4), "voice_caller_id_lookup", true));
    }

    @Test
    void connectShowsWhatItWouldChangeAndChangesNothing() {
        Run run = run("connect", "--number", NUMBER, "--fallback-url", FALLBACK);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(NUMBER + " (" + SID + ") on account " + TwilioStandIn.ACCOUNT_SID), run.output());
        assertTrue(run.output().contains("  change  voice URL (\"A call comes in\"): (none)  ->  " + PUBLIC_URL
                + "/voice/incoming"), run.output());
        assertTrue(run.output().contains("  keep    voice URL method: POST"), run.output());
        assertTrue(run.output().contains("  change  status callback URL (\"Call status changes\"): (none)  ->  " + PUBLIC_URL
                + "/voice/status"), run.output());
        assertTrue(run.output().contains("  change  fallback URL (\"Primary handler fails\"): (none)  ->  " + FALLBACK),
                run.output());
        assertTrue(run.output().contains("Nothing was changed. To make these 3 changes in one update, run the same "
                + "command with --apply."), run.output());
        assertTrue(twilio.updates().isEmpty(), "a dry run sends no update");
    }

    @Test
    void connectApplyMakesEveryChangeInOneUpdateAndCheckThenFindsAllWell() {
        misconfigure();
        Run run = run("connect", "--number", NUMBER, "--fallback-url", FALLBACK, "--apply");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Done, in one update: calls to " + NUMBER + " now come to " + PUBLIC_URL
                + "/voice/incoming, and to " + FALLBACK + " when this server cannot answer."), run.output());

        List<LoggedRequest> updates = twilio.updates();
        assertEquals(1, updates.size(), "one API call, so nothing is ever half applied");
        assertEquals(TwilioStandIn.ACCOUNT_PATH + "/IncomingPhoneNumbers/" + SID + ".json", updates.get(0).getUrl());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((TwilioStandIn.ACCOUNT_SID + ":" + TwilioStandIn.AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8)), updates.get(0).getHeader("Authorization"));
        assertEquals(Map.of("VoiceUrl", PUBLIC_URL + "/voice/incoming", "VoiceMethod", "POST",
                "StatusCallback", PUBLIC_URL + "/voice/status", "VoiceFallbackUrl", FALLBACK,
                "VoiceApplicationSid", "", "VoiceCallerIdLookup", "false"), form(updates.get(0)));

        Run check = run("check", "--number", NUMBER, "--fallback-url", FALLBACK);
        assertEquals(0, check.exit(), check.output());
        List<String> lines = check.output().lines().filter(line -> line.startsWith("  ")).toList();
        assertTrue(lines.size() >= 9, check.output());
        lines.forEach(line -> assertTrue(line.startsWith("  ok     "), line));
        assertTrue(check.output().contains("  ok     calls come to " + PUBLIC_URL + "/voice/incoming"), check.output());
        assertTrue(check.output().contains("/healthz answers: ok, callers hear content v3"), check.output());
        assertTrue(check.output().contains("All is well"), check.output());
    }

    @Test
    void anApiKeyWorksInPlaceOfTheAuthToken() {
        Run run = run(env("TWILIO_AUTH_TOKEN", null, "TWILIO_API_KEY", TwilioStandIn.API_KEY,
                "TWILIO_API_SECRET", TwilioStandIn.API_SECRET), "connect", "--number", NUMBER, "--fallback-url", FALLBACK, "--apply");
        assertEquals(0, run.exit(), run.output());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((TwilioStandIn.API_KEY + ":" + TwilioStandIn.API_SECRET)
                .getBytes(StandardCharsets.UTF_8)), twilio.updates().get(0).getHeader("Authorization"));
        assertEquals(PUBLIC_URL + "/voice/incoming", twilio.number(SID).get("voice_url"));
    }

    @Test
    void connectKeepsAFallbackTheNumberAlreadyHasAndChangesNothingWhenAllIsRight() {
        twilio.set(SID, Map.of("voice_fallback_url", FALLBACK));
        Run run = run("connect", "--number", NUMBER, "--apply");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("  keep    fallback URL (\"Primary handler fails\"): " + FALLBACK), run.output());
        assertFalse(form(twilio.updates().get(0)).containsKey("VoiceFallbackUrl"), "only what changes is sent");

        Run again = run("connect", "--number", NUMBER, "--apply");
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("Nothing to change: the number already sends its calls to this hotline."),
                again.output());
        assertEquals(1, twilio.updates().size());
    }

    @Test
    void connectRefusesToGoLiveWithoutAFallback() {
        Run run = run("connect", "--number", NUMBER, "--apply");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("Nothing was changed: the number has no fallback."), run.output());
        assertTrue(run.output().contains("paste the output of scripts/hotline fallback-twiml into a new TwiML Bin"), run.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void aFallbackOnThisServerOrWithoutHttpsIsRefused() {
        Run own = run("connect", "--number", NUMBER, "--fallback-url", PUBLIC_URL + "/voice/fallback", "--apply");
        assertEquals(2, own.exit(), own.output());
        assertTrue(own.output().contains("is on this hotline's own server (hotline.example.org), so it would fail whenever "
                + "the hotline does"), own.output());
        Run plain = run("connect", "--number", NUMBER, "--fallback-url", "http://handler.twilio.com/twiml/EH1", "--apply");
        assertEquals(2, plain.exit(), plain.output());
        assertTrue(plain.output().contains("is not an https address"), plain.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void aNumberOnASipTrunkIsNotTouched() {
        twilio.set(SID, Map.of("trunk_sid", "TK" + "0123456789abcdef".repeat(2)));
        Run run = run("connect", "--number", NUMBER, "--fallback-url", FALLBACK, "--apply");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("is on the SIP trunk TK"), run.output());
        assertTrue(twilio.updates().isEmpty());
        Run check = run("check", "--number", NUMBER);
        assertTrue(check.output().contains("  WRONG  the number is on the SIP trunk TK"), check.output());
    }

    @Test
    void connectDoesNotSendCallsWhereTheHotlineDoesNotAnswer() {
        twilio.hotlineAnswers(502, "<html>Bad Gateway</html>");
        Run dryRun = run("connect", "--number", NUMBER, "--fallback-url", FALLBACK);
        assertEquals(0, dryRun.exit(), dryRun.output());
        assertTrue(dryRun.output().contains("  WRONG   " + twilio.httpsBase() + "/healthz answers HTTP 502 instead of 200: "
                + "the proxy is up but the hotline behind it is not"), dryRun.output());
        Run apply = run("connect", "--number", NUMBER, "--fallback-url", FALLBACK, "--apply");
        assertEquals(1, apply.exit(), apply.output());
        assertTrue(apply.output().contains("Nothing was changed: calls would go to an address where the hotline does not "
                + "answer."), apply.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void connectNeedsAnHttpsPublicUrlThatTwilioCanReach() {
        Run http = run(env("HOTLINE_PUBLIC_URL", "http://hotline.example.org"), "connect", "--number", NUMBER,
                "--fallback-url", FALLBACK, "--apply");
        assertEquals(2, http.exit(), http.output());
        assertTrue(http.output().contains("HOTLINE_PUBLIC_URL http://hotline.example.org is not https"), http.output());
        Run loopback = run(env("HOTLINE_PUBLIC_URL", "https://127.0.0.1:8443"), "connect", "--number", NUMBER,
                "--fallback-url", FALLBACK);
        assertEquals(2, loopback.exit(), loopback.output());
        assertTrue(loopback.output().contains("is this machine, which Twilio cannot reach"), loopback.output());
        Run tunnel = run(env("HOTLINE_PUBLIC_URL", "http://abc.tunnel.example", "HOTLINE_ALLOW_HTTP", "1"), "connect",
                "--number", NUMBER, "--fallback-url", FALLBACK);
        assertEquals(0, tunnel.exit(), "a test tunnel, said so: " + tunnel.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void checkSaysLineByLineWhatIsWrongOnTheNumber() {
        misconfigure();
        Run run = run("check", "--number", NUMBER);
        assertEquals(1, run.exit(), run.output());
        for (String wrong : List.of(
                "  WRONG  calls go to http://old.example.org/ivr.xml, not to " + PUBLIC_URL + "/voice/incoming",
                "  WRONG  calls are sent with GET instead of POST",
                "  WRONG  the TwiML app AP00112233001122330011223300112233 handles this number's calls",
                "  WRONG  call status reports go nowhere (no URL is set), not to " + PUBLIC_URL + "/voice/status",
                "  WRONG  no fallback URL: when this server cannot answer, callers hear Twilio's error message",
                "  WRONG  caller name lookup (CNAM) is on")) {
            assertTrue(run.output().contains(wrong), wrong + "\n" + run.output());
        }
        assertTrue(run.output().contains("  ok     HOTLINE_PUBLIC_URL " + PUBLIC_URL + " is https"), run.output());
        assertTrue(run.output().contains("6 thing(s) wrong."), run.output());
        assertTrue(twilio.updates().isEmpty(), "check changes nothing");
    }

    @Test
    void checkFindsAFallbackOtherThanTheOneNamedAndAnHttpAddress() {
        twilio.set(SID, Map.of("voice_url", "http://hotline.example.org/voice/incoming", "status_callback",
                "http://hotline.example.org/voice/status", "voice_fallback_url", FALLBACK, "voice_fallback_method", "GET"));
        Run run = run(env("HOTLINE_PUBLIC_URL", "http://hotline.example.org", "HOTLINE_ALLOW_HTTP", "1"), "check",
                "--number", NUMBER, "--fallback-url", "https://handler.twilio.com/twiml/EHother");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("  WRONG  HOTLINE_PUBLIC_URL http://hotline.example.org is not https"), run.output());
        assertTrue(run.output().contains("  WRONG  fallback URL is " + FALLBACK + ", not https://handler.twilio.com/twiml/EHother"),
                run.output());
        assertTrue(run.output().contains("  WRONG  requests to the fallback are sent with GET instead of POST"), run.output());
        assertTrue(run.output().contains("  ok     calls come to http://hotline.example.org/voice/incoming"), run.output());
    }

    @Test
    void checkSaysWhenTheHotlineDoesNotAnswerAtItsPublicAddress() {
        twilio.set(SID, Map.of("voice_url", PUBLIC_URL + "/voice/incoming", "status_callback", PUBLIC_URL + "/voice/status",
                "voice_fallback_url", FALLBACK));
        twilio.hotlineAnswers(200, "<html>Welcome to nginx!</html>");
        Run run = run("check", "--number", NUMBER);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("/healthz answers, but not as the hotline does"), run.output());
        assertTrue(run.output().contains("1 thing(s) wrong."), run.output());
    }

    @Test
    void aNumberOfAnotherAccountIsNamedWithTheNumbersThisAccountHas() {
        Run run = run("check", "--number", "+12135550142");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("+12135550142 is not a number of Twilio account " + TwilioStandIn.ACCOUNT_SID
                + ". Its numbers are: " + NUMBER + ", " + OTHER_NUMBER + ". Check --number, and TWILIO_ACCOUNT_SID"),
                run.output());
        Run part = run("check", "--number", "+1323555010");
        assertEquals(2, part.exit(), "Twilio matches part of a number; only the exact number counts: " + part.output());
    }

    @Test
    void credentialsTwilioRefusesAreNamedWithWhatToCheck() {
        Run token = run(env("TWILIO_AUTH_TOKEN", "ffffffffffffffffffffffffffffffff"), "check", "--number", NUMBER);
        assertEquals(2, token.exit(), token.output());
        assertTrue(token.output().contains("Twilio refused the credentials (error 20003, HTTP 401): check TWILIO_ACCOUNT_SID "
                + "and TWILIO_AUTH_TOKEN"), token.output());
        Run key = run(env("TWILIO_AUTH_TOKEN", null, "TWILIO_API_KEY", TwilioStandIn.API_KEY, "TWILIO_API_SECRET", "wrong"),
                "connect", "--number", NUMBER, "--fallback-url", FALLBACK, "--apply");
        assertEquals(2, key.exit(), key.output());
        assertTrue(key.output().contains("check TWILIO_API_KEY and TWILIO_API_SECRET"), key.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void noNetworkIsSaidAsSuch() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run refused = run(env("TWILIO_API_BASE_URL", "http://127.0.0.1:" + closed), "check", "--number", NUMBER);
        assertEquals(2, refused.exit(), refused.output());
        assertTrue(refused.output().contains("Cannot reach Twilio's API: 127.0.0.1:" + closed + " refused the connection"),
                refused.output());
        Run unknown = run(env("TWILIO_API_BASE_URL", "http://twilio-stand-in.invalid"), "connect", "--number", NUMBER,
                "--fallback-url", FALLBACK, "--apply");
        assertEquals(2, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("Cannot reach Twilio's API: the name twilio-stand-in.invalid cannot be looked "
                + "up: this machine has no network or no DNS"), unknown.output());
    }

    @Test
    void missingCredentialsAndMistypedCommandsAreUsageErrors() {
        Run noSid = run(env("TWILIO_ACCOUNT_SID", null), "check", "--number", NUMBER);
        assertEquals(2, noSid.exit());
        assertTrue(noSid.output().startsWith("TWILIO_ACCOUNT_SID is not set"), noSid.output());
        Run noToken = run(env("TWILIO_AUTH_TOKEN", null), "check", "--number", NUMBER);
        assertEquals(2, noToken.exit());
        assertTrue(noToken.output().startsWith("No credentials: set TWILIO_AUTH_TOKEN"), noToken.output());
        Run keyAlone = run(env("TWILIO_API_KEY", TwilioStandIn.API_KEY), "check", "--number", NUMBER);
        assertEquals(2, keyAlone.exit());
        assertTrue(keyAlone.output().startsWith("TWILIO_API_KEY is set but TWILIO_API_SECRET is not"), keyAlone.output());
        Run noUrl = run(env("HOTLINE_PUBLIC_URL", null), "check", "--number", NUMBER);
        assertEquals(2, noUrl.exit());
        assertTrue(noUrl.output().startsWith("HOTLINE_PUBLIC_URL is not set"), noUrl.output());
        assertEquals(2, run("check").exit());
        assertEquals(2, run("check", "--number", "12").exit());
        assertEquals(2, run("check", "--number", NUMBER, "--apply").exit());
        assertEquals(2, run("disconnect", "--number", NUMBER).exit());
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.output().startsWith("Usage: scripts/hotline twilio connect"), help.output());
        assertTrue(twilio.updates().isEmpty());
    }

    @Test
    void aNumberTypedAsPeopleWriteItIsFound() {
        Run run = run("connect", "--number", "(323) 555-0100", "--fallback-url", FALLBACK);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("\n" + NUMBER + " (" + SID + ") on account"), run.output());
    }

    @Test
    void theHealthCheckSaysWhereToLook() throws IOException {
        twilio.hotlineAnswers(503, "");
        URI standIn = URI.create(twilio.httpsBase());
        assertEquals(new HealthProbe.Health(false, twilio.httpsBase() + "/healthz answers HTTP 503 instead of 200"),
                HealthProbe.over(tls.client()).check(standIn));
        HealthProbe.Health untrusted = HealthProbe.standard().check(standIn);
        assertFalse(untrusted.ok());
        assertTrue(untrusted.text().contains("its TLS certificate is not accepted"), untrusted.text());
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HealthProbe.Health refused = HealthProbe.standard().check(URI.create("https://127.0.0.1:" + closed));
        assertTrue(refused.text().endsWith("the connection was refused; is the hotline (and the proxy in front of it) running?"),
                refused.text());
    }

    @Test
    void scriptsHotlineTwilioRunsTheCommandWithItsExitCode() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        twilio.set(SID, Map.of("voice_method", "GET"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), HotlineCli.class.getName(), "twilio", "check", "--number", NUMBER));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.startsWith("TWILIO_"));
        builder.environment().putAll(env("HOTLINE_PUBLIC_URL", "https://127.0.0.1:" + closed));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.waitFor(), output);
        assertTrue(output.contains("  WRONG  calls are sent with GET instead of POST"), output);
        assertTrue(output.contains("  WRONG  HOTLINE_PUBLIC_URL https://127.0.0.1:" + closed + " is this machine"), output);
        assertTrue(output.contains("the connection was refused"), output);
        assertFalse(output.contains(TwilioStandIn.AUTH_TOKEN), output);
    }
}
