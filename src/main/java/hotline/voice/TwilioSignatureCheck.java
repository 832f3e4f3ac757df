package hotline.voice;

import com.twilio.security.RequestValidator;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses any webhook that Twilio did not sign. The signed URL is the public base URL plus the path and query
 * we received, never the URL this server sees, because proxies rewrite scheme, host and port.
 * There is deliberately no switch to turn this off.
 */
public final class TwilioSignatureCheck implements Handler {
    public static final String HEADER = "X-Twilio-Signature";
    /** Twilio's webhook bodies are a few kilobytes; anything much larger is not Twilio, and is not read. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /** The only body Twilio sends; anything else is not read at all. */
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureCheck.class);
    /** Set on a request whose signature was verified. */
    private static final String SIGNED = "hotline.signed-by-twilio";
    /** The form parameters of a request whose signature was verified. */
    private static final String PARAMS = "hotline.twilio-params";

    private final RequestValidator validator;
    private final String publicBase;

    public TwilioSignatureCheck(String authToken, URI publicUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBase = publicUrl.toString().replaceAll("/+$", "");
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, "a body of " + ctx.contentLength() + " bytes", "Request too large");
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!isUtf8Form(type)) {
            refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a body of type \"" + printable(type) + "\"",
                    "Twilio posts " + FORM);
            return;
        }
        String problem;
        try {
            problem = problem(ctx);
        } catch (Exception unreadable) {
            // Cut short (Javalin passes the IOException on unchecked), or not a form after all: nothing in it can be
            // trusted, and nothing about it is worth a stack trace.
            refuse(ctx, HttpStatus.BAD_REQUEST, "a body that cannot be read (" + unreadable.getClass().getSimpleName() + ")",
                    "Bad request");
            return;
        }
        if (problem != null) {
            refuse(ctx, HttpStatus.FORBIDDEN, problem, "Forbidden: " + problem);
            return;
        }
        ctx.attribute(SIGNED, Boolean.TRUE);
    }

    /** Whether this request passed the check: only such a request may be answered by the safety net. */
    public static boolean signed(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(SIGNED));
    }

    /** One short line: the path only, since the query holds call state and the body caller data. */
    public static void refuse(Context ctx, HttpStatus status, String why, String answer) {
        log.warn("Refused webhook {} {}: {}", ctx.method(), ctx.path(), why);
        ctx.status(status).contentType("text/plain").result(answer);
        ctx.skipRemainingHandlers();
    }

    /**
     * {@code application/x-www-form-urlencoded}, with no charset or with UTF-8, Twilio's: a charset that does not exist,
     * is cut short or is given twice is not Twilio, and would fail only later, while the body is read.
     */
    static boolean isUtf8Form(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase(FORM)) {
            return false;
        }
        int charsets = 0;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String value = parameter.length < 2 ? "" : parameter[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.equalsIgnoreCase("utf-8") || ++charsets > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A header value as it may appear in a log: short, without control characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }

    private String problem(Context ctx) {
        String signature = ctx.header(HEADER);
        if (signature == null || signature.isBlank()) {
            return "missing " + HEADER;
        }
        Map<String, String> params = form(ctx.body());
        if (params == null) {
            return "a parameter is repeated, which Twilio never does";
        }
        String query = ctx.queryString();
        String url = publicBase + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        if (!validator.validate(url, params, signature)) {
            return HEADER + " does not match";
        }
        ctx.attribute(PARAMS, params);
        return null;
    }

    /**
     * A parameter of a webhook that passed this check, from the very form whose signature was verified. Handlers read
     * parameters here, not from Javalin's form parameters, which would parse the body a second time.
     */
    public static String param(Context ctx, String name) {
        Map<String, String> params = ctx.attribute(PARAMS);
        return params != null ? params.get(name) : ctx.formParam(name);
    }

    /**
     * The form parameters, read as Javalin reads them (pairs split at {@code &}, name and value at the first {@code =},
     * each URL-decoded as UTF-8), in one pass and decoding only what is encoded; null when a name is
     * given twice. Throws {@link IllegalArgumentException} for a malformed escape (which Javalin would leave out):
     * such a request is refused as unreadable.
     */
    static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            int equals = body.indexOf('=', start);
            String name;
            String value;
            if (equals < 0 || equals > end) {
                name = decode(body.substring(start, end));
                value = "";
            } else {
                name = decode(body.substring(start, equals));
                value = decode(body.substring(equals + 1, end));
            }
            if (params.putIfAbsent(name, value) != null) {
                return null;
            }
            start = end + 1;
        }
        return params;
    }

    private static String decode(String text) {
        return text.indexOf('%') < 0 && text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
