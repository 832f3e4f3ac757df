package hotline.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.OutputStreamAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second line of defense: whatever is logged, nothing shaped like a phone number reaches the output. */
class PhoneNumberMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "caller +15555550100 hung up       | caller [number removed] hung up",
            "call (555) 555-0100 now           | call [number removed] now",
            "555.555.0100                      | [number removed]",
            "555 555 0100, or 555-0100         | '[number removed], or [number removed]'",
            "tel:+44 20 7946 0958              | tel:[number removed]",
            "From=%2B15555550100&To=x          | From=[number removed]&To=x",
            "5555550100                        | [number removed]"})
    void phoneShapedTextIsRemoved(String line, String masked) {
        assertEquals(masked, PhoneNumberMask.mask(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-29 15:23:17.146 INFO started",
            "Published v12 at 2026-11-29T15:23:17Z",
            "CallSid CA0123456789abcdef0123456789abcd",
            "recording 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.wav",
            "port 8080, 250 ms, 64 MB, 111950 events/s"})
    void datesIdsAndSmallFiguresStay(String line) {
        assertEquals(line, PhoneNumberMask.mask(line));
    }

    @Test
    void theConfiguredTextAndJsonLogsMaskMessagesAndStackTraces() throws Exception {
        Logger logger = new LoggerContext().getLogger("hotline.voice.Transfers");
        LoggingEvent event = new LoggingEvent(getClass().getName(), logger, Level.ERROR, "transfer to {} failed",
                new IllegalStateException("no answer from +15555550123"), new Object[]{"+15555550100"});

        String text = encode("text", event);
        assertTrue(text.matches("(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ERROR \\[[^]]+] hotline\\.voice\\.Transfers - .*"),
                "time, level, thread and logger as before: " + text);
        assertTrue(text.contains("transfer to [number removed] failed"), text);
        assertTrue(text.contains("no answer from [number removed]"), "the stack trace too: " + text);

        String json = encode("json", event);
        JsonNode line = new ObjectMapper().readTree(json);
        assertEquals("transfer to [number removed] failed", line.get("message").asText());
        assertTrue(line.get("error").asText().contains("no answer from [number removed]"));
        assertEquals("ERROR", line.get("level").asText());
        assertFalse(json.contains("5555550"), json);
    }

    /** Encodes as logback.xml does with that HOTLINE_LOG_FORMAT, without printing. */
    private static String encode(String format, LoggingEvent event) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.putProperty("HOTLINE_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(PhoneNumberMaskTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender("console");
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
