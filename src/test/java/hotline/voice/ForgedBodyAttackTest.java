package hotline.voice;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import hotline.RawHttp;
import hotline.TestHotline;
import hotline.simulator.TwilioSigner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks whose body cannot be read (a charset that does not exist, a content type cut short, a body shorter
 * than it said) are refused with a 4xx and one short log line: never the safety net's transfer, which is for
 * requests Twilio signed, never a 5xx, never a stack trace in the log.
 */
class ForgedBodyAttackTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> CALL = Map.of("CallSid", "CA" + "5".repeat(32), "To", TestHotline.HOTLINE_NUMBER);
    private static TestHotline hotline;
    private ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        hotline = TestHotline.start();
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @BeforeEach
    void listen() {
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"charset=bogus", "charset=\"utf-8", "charset=", "charset=\"\"", "charset=utf-8; charset=x-bogus"})
    void aForgedWebhookWithACharsetThatCannotBeReadIsRefused(String parameter) {
        byte[] body = TwilioSigner.formBody(CALL).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(hotline.app.port(), head("application/x-www-form-urlencoded; " + parameter,
                body.length, "forged0signature0000000000="), body, PATIENCE);
        assertRefusedQuietly(answer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"charset=bogus", "charset=\"utf-8"})
    void evenASignedWebhookWithACharsetThatCannotBeReadIsRefused(String parameter) {
        byte[] body = TwilioSigner.formBody(CALL).getBytes(StandardCharsets.UTF_8);
        String signature = TwilioSigner.sign(TestHotline.TOKEN, TestHotline.PUBLIC_URL + "/voice/incoming", CALL);
        RawHttp.Answer answer = RawHttp.send(hotline.app.port(), head("application/x-www-form-urlencoded; " + parameter,
                body.length, signature), body, PATIENCE);
        assertRefusedQuietly(answer);
    }

    @ParameterizedTest(name = "signed: {0}")
    @ValueSource(booleans = {false, true})
    void aBodyCutShortIsRefused(boolean signed) {
        byte[] body = TwilioSigner.formBody(CALL).getBytes(StandardCharsets.UTF_8);
        String signature = signed ? TwilioSigner.sign(TestHotline.TOKEN, TestHotline.PUBLIC_URL + "/voice/incoming", CALL)
                : "forged0signature0000000000=";
        byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
        RawHttp.Answer answer = RawHttp.send(hotline.app.port(), head("application/x-www-form-urlencoded", body.length, signature),
                half, PATIENCE);
        assertTrue(answer.status() == 0 || answer.status() >= 400 && answer.status() < 500,
                "a 4xx, or the connection closed: " + answer.text());
        assertNoSafetyNet(answer);
        assertLoggedQuietly();
    }

    private static String head(String contentType, int length, String signature) {
        return "POST /voice/incoming HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + length + "\r\nX-Twilio-Signature: " + signature + "\r\nConnection: close\r\n\r\n";
    }

    private void assertRefusedQuietly(RawHttp.Answer answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, "a 4xx: " + answer.text());
        assertNoSafetyNet(answer);
        assertLoggedQuietly();
    }

    private static void assertNoSafetyNet(RawHttp.Answer answer) {
        assertFalse(answer.text().contains("<Dial"), "no transfer for a request nobody signed: " + answer.text());
    }

    /** One short line, at most, and no stack trace: a flood of these must not flood the log. */
    private void assertLoggedQuietly() {
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertTrue(warnings.size() <= 1, "at most one line: " + warnings);
        for (ILoggingEvent event : warnings) {
            assertEquals(null, event.getThrowableProxy(), "no stack trace: " + event.getFormattedMessage());
            assertTrue(event.getFormattedMessage().length() < 300, "short: " + event.getFormattedMessage());
        }
    }
}
