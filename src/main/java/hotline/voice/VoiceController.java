package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.catalog.Catalog;
import hotline.metrics.CallEvent;
import hotline.metrics.CallEventWriter;
import hotline.voice.CallsInProgress;

import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The webhooks Twilio calls. Each one parses the request, asks {@link CallFlow}, hands the call's events to the
 * writer's queue (never waiting on it) and renders TwiML.
 */
public final class VoiceController {
    private static final Logger log = LoggerFactory.getLogger(VoiceController.class);
    private static final String TWIML = "application/xml; charset=utf-8";
    /** Compiled once: {@code String.matches} would compile its pattern again at every webhook. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,7}");
    /** The answer to a status callback, which Twilio does not read. */
    private static final String NOTHING_TO_SAY = new VoiceResponse.Builder().build().toXml();
    /** Statuses with which Twilio reports that a call is over. */
    private static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    private final Supplier<Catalog> catalog;
    private final CallFlow flow;
    private final CallEventWriter events;
    private final CallsInProgress calls;
    private final Clock clock;
    /** The safety net of the catalog we started with, for when even building a fresh one fails. */
    private final String lastResort;
    private final AnswerCache answers = new AnswerCache();
    /** The fallback of the catalog it was made from; made again when a publish swaps the catalog. */
    private final AtomicReference<Fallback> fallback = new AtomicReference<>();

    private record Fallback(Catalog catalog, FallbackTwiml twiml) {
    }
    private final RetriedWebhooks retries = new RetriedWebhooks();

    public VoiceController(Supplier<Catalog> catalog, CallFlow flow, CallEventWriter events, CallsInProgress calls,
                           Clock clock) {
        this.catalog = catalog;
        this.flow = flow;
        this.events = events;
        this.calls = calls;
        this.clock = clock;
        this.lastResort = flow.safetyNet(catalog.get(), "", Optional.empty()).toXml();
    }

    public void incoming(Context ctx) {
        Instant now = clock.instant();
        calls.started(TwilioSignatureCheck.param(ctx, "CallSid"), now);
        Catalog current = catalog.get();
        answer(ctx, answers.answer(current, AnswerCache.INCOMING, CallInput.none(), now, () -> flow.incoming(current)), now);
    }

    /** Every later step: the language menu, the menus, and transfer outcomes. */
    public void step(Context ctx) {
        CallStep step = StepUrls.parse(ctx.path(), query(ctx));
        Instant now = clock.instant();
        CallInput input = input(ctx);
        Catalog current = catalog.get();
        answer(ctx, answers.answer(current, step, input, now, () -> flow.respond(current, step, input, now)), now);
    }

    /** Twilio's call status callback: the call's end and its duration. It expects no instructions back. */
    public void status(Context ctx) {
        String status = TwilioSignatureCheck.param(ctx, "CallStatus");
        if (status != null && FINAL_STATUSES.contains(status)) {
            calls.ended(TwilioSignatureCheck.param(ctx, "CallSid"));
            events.record(TwilioSignatureCheck.param(ctx, "CallSid"), List.of(CallEvent.callEnded(seconds(TwilioSignatureCheck.param(ctx, "CallDuration")))),
                    clock.instant());
        }
        ctx.contentType(TWIML).result(NOTHING_TO_SAY);
    }

    /**
     * Twilio asks this when a line answers a transfer; the line hears the answer before the caller is connected.
     * If it cannot be built, the line hears nothing and the caller is connected all the same.
     */
    public void whisper(Context ctx) {
        String twiml;
        try {
            twiml = flow.whisper(catalog.get(), Optional.ofNullable(ctx.queryParam("lang")).orElse("")).toXml();
        } catch (RuntimeException e) {
            log.error("Could not build what a line hears when it answers; connecting the caller without it", e);
            twiml = NOTHING_TO_SAY;
        }
        ctx.contentType(TWIML).result(twiml);
    }

    /**
     * Twilio's voice fallback URL, when it points at this instance because the primary is elsewhere: the document of
     * the TwiML Bin fallback, with the called number (ours) as caller ID. Records no events, like the Bin. Should it
     * fail, the safety net answers, which also ends at the 24-hour hotline.
     */
    public void fallback(Context ctx) {
        Catalog current = catalog.get();
        Fallback made = fallback.get();
        if (made == null || made.catalog() != current) {
            made = new Fallback(current, FallbackTwiml.of(current));
            fallback.set(made);
        }
        ctx.contentType(TWIML).result(made.twiml().forCall(hotlineNumber(ctx)));
    }

    /** Anything unexpected mid-call: apologize and connect the caller to the 24-hour hotline. Never a 500. */
    public void safetyNet(Exception error, Context ctx) {
        if (ctx.path().equals(VoiceRoutes.WHISPER)) {
            // Heard by the line that answered, not the caller: never dial from there; just connect them.
            log.error("Unexpected error on {} {}; the line was connected without its notice", ctx.method(), ctx.path(), error);
            ctx.status(200).contentType(TWIML).result(NOTHING_TO_SAY);
            return;
        }
        log.error("Unexpected error on {} {}; the caller was sent to the 24-hour hotline", ctx.method(), ctx.path(), error);
        ctx.status(200).contentType(TWIML);
        try {
            ctx.result(flow.safetyNet(catalog.get(), query(ctx).getOrDefault("lang", ""), hotlineNumberIfReadable(ctx)).toXml());
        } catch (RuntimeException again) {
            log.error("The safety net failed too; answering with the one built at start-up", again);
            ctx.result(lastResort);
        }
    }

    private void answer(Context ctx, AnswerCache.Answer answer, Instant now) {
        // The CallSid only keys this call's events, through a hash whose key never leaves memory.
        if (retries.firstTime(ctx.header(RetriedWebhooks.HEADER), now)) {
            events.record(TwilioSignatureCheck.param(ctx, "CallSid"), answer.events(), now);
        }
        ctx.contentType(TWIML).result(answer.twiml());
    }

    private static CallInput input(Context ctx) {
        String digits = TwilioSignatureCheck.param(ctx, "Digits");
        return new CallInput(digits == null ? "" : digits, Optional.ofNullable(TwilioSignatureCheck.param(ctx, "DialCallStatus")),
                seconds(TwilioSignatureCheck.param(ctx, "DialCallDuration")), hotlineNumber(ctx),
                Optional.ofNullable(TwilioSignatureCheck.param(ctx, "SpeechResult")).filter(said -> !said.isBlank()));
    }

    /** In the safety net the body may be what failed: then the transfer simply sets no caller ID. */
    private static Optional<String> hotlineNumberIfReadable(Context ctx) {
        try {
            return hotlineNumber(ctx);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code To}: the number the caller dialed, which is ours. */
    private static Optional<String> hotlineNumber(Context ctx) {
        return Optional.ofNullable(TwilioSignatureCheck.param(ctx, "To")).filter(to -> E164.matcher(to).matches());
    }

    private static int seconds(String text) {
        return text != null && SECONDS.matcher(text).matches() ? Integer.parseInt(text) : 0;
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
}
