package hotline.web;

import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: method, path, status and time. Never the query (call state) or the body, where Twilio puts
 * the caller's number, name and location.
 */
public final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("hotline.access");

    private RequestLog() {
    }

    public static void log(Context ctx, Float millis) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(millis));
        }
    }
}
