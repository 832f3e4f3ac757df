package hotline.voice;

import com.twilio.security.RequestValidator;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    private final RequestValidator validator;
    private final String publicBase;

    public TwilioSignatureCheck(String authToken, URI publicUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBase = publicUrl.toString().replaceAll("/+$", "");
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            log.warn("Refused webhook {} {}: a body of {} bytes", ctx.method(), ctx.path(), ctx.contentLength());
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).contentType("text/plain").result("Request too large");
            ctx.skipRemainingHandlers();
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith(FORM)) {
            log.warn("Refused webhook {} {}: a body of type \"{}\"", ctx.method(), ctx.path(), type);
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType("text/plain").result("Twilio posts " + FORM);
            ctx.skipRemainingHandlers();
            return;
        }
        String problem = problem(ctx);
        if (problem != null) {
            // Path only: the query holds call state, the body holds caller data; neither belongs in a log.
            log.warn("Refused webhook {} {}: {}", ctx.method(), ctx.path(), problem);
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result("Forbidden: " + problem);
            ctx.skipRemainingHandlers();
        }
    }

    private String problem(Context ctx) {
        String signature = ctx.header(HEADER);
        if (signature == null || signature.isBlank()) {
            return "missing " + HEADER;
        }
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> param : ctx.formParamMap().entrySet()) {
            if (param.getValue().size() != 1) {
                return "a parameter is repeated, which Twilio never does";
            }
            params.put(param.getKey(), param.getValue().get(0));
        }
        String query = ctx.queryString();
        String url = publicBase + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        return validator.validate(url, params, signature) ? null : HEADER + " does not match";
    }
}
