package hotline.operations;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Every log line the hotline writes, in one of two formats chosen by {@code HOTLINE_LOG_FORMAT}: "text", for
 * people (the default), or "json", one object a line for log collectors. Either way the message and any stack
 * trace pass through {@link PhoneNumberMask}; the time, level, thread and logger are ours and left alone.
 */
public final class LogLayout extends LayoutBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);
    private boolean json;

    /** From logback.xml: "text" or "json" (the hotline checks the variable at start-up). */
    public void setFormat(String format) {
        this.json = "json".equals(format);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String message = PhoneNumberMask.mask(event.getFormattedMessage());
        String error = event.getThrowableProxy() == null ? null
                : PhoneNumberMask.mask(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        return json ? json(event, message, error) : text(event, message, error);
    }

    private String text(ILoggingEvent event, String message, String error) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                .append(String.format("%-5s", event.getLevel())).append(" [").append(event.getThreadName()).append("] ")
                .append(abbreviator.abbreviate(event.getLoggerName())).append(" - ").append(message)
                .append(CoreConstants.LINE_SEPARATOR);
        if (error != null) {
            line.append(error).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static String json(ILoggingEvent event, String message, String error) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("logger", event.getLoggerName());
            out.writeStringField("thread", event.getThreadName());
            out.writeStringField("message", message);
            if (error != null) {
                out.writeStringField("error", error);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }
}
