package hotline.operations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read what only operators should: {@code /metrics}, and the details of {@code /healthz}. With
 * {@code HOTLINE_METRICS_TOKEN} set, whoever sends it as {@code Authorization: Bearer}. Without it, in local mode
 * (no Twilio token, listening on loopback only), requests from this machine that came through no proxy; in
 * production, nobody: a reverse proxy on this machine (a plain nginx {@code proxy_pass} adds no header at all)
 * would make every visitor look local.
 */
public final class OperatorAccess {
    private static final String[] PROXY_HEADERS = {"X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host",
            "X-Forwarded-Proto", "Via"};

    private final Optional<String> token;
    private final boolean localMode;

    public OperatorAccess(Optional<String> token, boolean localMode) {
        this.token = token;
        this.localMode = localMode;
    }

    public boolean allowed(Context ctx) {
        if (token.isPresent()) {
            String sent = Optional.ofNullable(ctx.header("Authorization")).orElse("");
            return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8));
        }
        if (!localMode) {
            return false;
        }
        for (String header : PROXY_HEADERS) {
            if (ctx.header(header) != null) {
                return false;
            }
        }
        return loopback(ctx.req().getRemoteAddr());
    }

    /** The check of {@link hotline.web.Access#MONITORING}: an operator, or a 403 saying how to become one. */
    public void check(Context ctx) {
        if (!allowed(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result(refusal());
            ctx.skipRemainingHandlers();
        }
    }

    /** What to tell someone refused: how to get in, never a hint about what is inside. */
    public String refusal() {
        if (token.isPresent()) {
            return "Send Authorization: Bearer with the metrics token.";
        }
        return localMode ? "Served to this machine only; set HOTLINE_METRICS_TOKEN to read it from elsewhere."
                : "Set HOTLINE_METRICS_TOKEN and send it as Authorization: Bearer to read this.";
    }

    private static boolean loopback(String address) {
        return hotline.config.TrustedProxies.literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }
}
