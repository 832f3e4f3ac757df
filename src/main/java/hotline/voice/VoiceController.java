package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.catalog.Catalog;

import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The webhooks Twilio calls. Each one parses the request, asks {@link CallFlow}, and renders TwiML. */
public final class VoiceController {
    private static final Logger log = LoggerFactory.getLogger(VoiceController.class);
    private static final String TWIML = "application/xml; charset=utf-8";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final Supplier<Catalog> catalog;
    private final CallFlow flow;
    private final Clock clock;
    /** The safety net of the catalog we started with, for when even building a fresh one fails. */
    private final String lastResort;

    public VoiceController(Supplier<Catalog> catalog, CallFlow flow, Clock clock) {
        this.catalog = catalog;
        this.flow = flow;
        this.clock = clock;
        this.lastResort = flow.safetyNet(catalog.get(), "", Optional.empty()).toXml();
    }

    public void incoming(Context ctx) {
        render(ctx, flow.incoming(catalog.get()));
    }

    /** Every later step: the language menu, the menus, and transfer outcomes. */
    public void step(Context ctx) {
        CallStep step = StepUrls.parse(ctx.path(), query(ctx));
        render(ctx, flow.respond(catalog.get(), step, input(ctx), clock.instant()));
    }

    /** Twilio's call status callback; it expects no instructions back. */
    public void status(Context ctx) {
        render(ctx, new VoiceResponse.Builder().build());
    }

    /** Anything unexpected mid-call: apologize and connect the caller to the 24-hour hotline. Never a 500. */
    public void safetyNet(Exception error, Context ctx) {
        log.error("Unexpected error on {} {}; the caller was sent to the 24-hour hotline", ctx.method(), ctx.path(), error);
        ctx.status(200).contentType(TWIML);
        try {
            ctx.result(flow.safetyNet(catalog.get(), query(ctx).getOrDefault("lang", ""), hotlineNumber(ctx)).toXml());
        } catch (RuntimeException again) {
            log.error("The safety net failed too; answering with the one built at start-up", again);
            ctx.result(lastResort);
        }
    }

    private static CallInput input(Context ctx) {
        String digits = ctx.formParam("Digits");
        return new CallInput(digits == null ? "" : digits,
                Optional.ofNullable(ctx.formParam("DialCallStatus")), hotlineNumber(ctx));
    }

    /** {@code To}: the number the caller dialed, which is ours. */
    private static Optional<String> hotlineNumber(Context ctx) {
        return Optional.ofNullable(ctx.formParam("To")).filter(to -> to.matches(E164));
    }

    private static Map<String, String> query(Context ctx) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!param.getValue().isEmpty()) {
                query.put(param.getKey(), param.getValue().get(0));
            }
        }
        return query;
    }

    private static void render(Context ctx, VoiceResponse response) {
        ctx.contentType(TWIML).result(response.toXml());
    }
}
