package hotline.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;
import hotline.metrics.TransferOutcome;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;

import java.util.Optional;

/** Connecting a caller to a line, and what follows: goodbye, failover along the chain, or the number to call. */
final class Transfers {
    private final StepUrls urls;
    private final MenuPrompt menus;

    Transfers(StepUrls urls, MenuPrompt menus) {
        this.urls = urls;
        this.menus = menus;
    }

    /**
     * Says what kind of line it is (law enforcement or not), its note, its name and its number twice, then dials it,
     * reporting the outcome to us.
     *
     * @param from the menu the transfer was chosen in, or {@link CallEvent#TRANSFER} for a failover
     */
    VoiceResponse connect(Turn turn, ResourceLine line, Speech before, String from) {
        Language language = turn.language();
        before.say(language, line.kind().notice()).note(language, line)
                .say(language, PromptKey.TRANSFER_CONNECTING, Speech.Fill.line(line));
        return connectQuietly(turn, line, before, from, turn.language().code());
    }

    /**
     * Dials the line after {@code before}, without announcing it: for notices that say all there is to say.
     *
     * @param chosen the language the line is told the caller chose: a language code, or
     *               {@link CallEvent#OTHER_LANGUAGE} for a caller who needs an interpreter
     */
    VoiceResponse connectQuietly(Turn turn, ResourceLine line, Speech before, String from, String chosen) {
        Language language = turn.language();
        turn.report(CallEvent.transferAttempted(language.code(), from, line.id(), from.equals(CallEvent.TRANSFER)));
        Dial.Builder dial = dial(turn.catalog(), line, turn.input().hotlineNumber(), whisperUrl(turn.catalog(), line, chosen))
                .action(urls.of(new TransferResult(language.code(), line.id())))
                .method(HttpMethod.POST);
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        before.addTo(response);
        return response.dial(dial.build()).build();
    }

    /** Twilio reports how a transfer ended: say goodbye, or fail over along the line's chain, or offer the menu. */
    VoiceResponse outcome(Turn turn, TransferResult step) {
        String status = turn.input().dialCallStatus().orElse("failed");
        Catalog catalog = turn.catalog();
        ResourceLine tried = catalog.line(step.line()).orElse(catalog.hotline());
        TransferOutcome outcome = TransferOutcome.fromDialCallStatus(status);
        turn.report(CallEvent.transferOutcome(turn.language().code(), tried.id(), outcome,
                outcome == TransferOutcome.CONNECTED ? turn.input().dialCallSeconds() : 0));
        if (outcome == TransferOutcome.CONNECTED) {
            VoiceResponse.Builder response = new VoiceResponse.Builder();
            turn.say(PromptKey.TRANSFER_GOODBYE).addTo(response);
            return response.hangup(new Hangup.Builder().build()).build();
        }
        Speech speech = turn.say(switch (outcome) {
            case BUSY -> PromptKey.TRANSFER_BUSY;
            case NO_ANSWER -> PromptKey.TRANSFER_NO_ANSWER;
            default -> PromptKey.TRANSFER_FAILED;
        });
        Optional<ResourceLine> next = catalog.firstOpenInChain(tried.failover(), turn.now());
        if (next.isPresent()) {
            return connect(turn, next.get(), speech, CallEvent.TRANSFER);
        }
        speech.say(turn.language(), PromptKey.TRANSFER_UNREACHABLE)
                .say(turn.language(), PromptKey.TRANSFER_CALL_LATER, Speech.Fill.line(catalog.hotline()));
        return menus.render(turn, MenuStep.of(turn.language().code(), Menu.MAIN), speech);
    }

    /**
     * The answer to anything unexpected: an apology and the 24-hour hotline, its number said before and after.
     * The dial reports to no webhook, so nothing that failed once can fail again in this call.
     */
    VoiceResponse safetyNet(Turn turn) {
        ResourceLine hotline = turn.catalog().hotline();
        Language language = turn.language();
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        turn.say(PromptKey.ERROR_APOLOGY).say(language, PromptKey.TRANSFER_CONNECTING, Speech.Fill.line(hotline)).addTo(response);
        response.dial(dial(turn.catalog(), hotline, turn.input().hotlineNumber(), Optional.empty()).build());
        turn.speech().say(language, PromptKey.TRANSFER_CALL_LATER, Speech.Fill.line(hotline)).addTo(response);
        return response.hangup(new Hangup.Builder().build()).build();
    }

    /** Where Twilio asks, once the line answers, what to tell it before connecting the caller. */
    private Optional<String> whisperUrl(Catalog catalog, ResourceLine line, String chosen) {
        return catalog.whisper().filter(w -> line.whisper()).map(w -> urls.whisper(chosen));
    }

    /**
     * Our own number as caller ID, so the caller's number is never passed on to the line.
     *
     * @param whisper the URL of what the line hears when it answers, before the caller is connected
     */
    private static Dial.Builder dial(Catalog catalog, ResourceLine line, Optional<String> hotlineNumber,
                                     Optional<String> whisper) {
        Number.Builder number = new Number.Builder(line.number().e164());
        whisper.ifPresent(url -> number.url(url).method(HttpMethod.POST));
        Dial.Builder dial = new Dial.Builder()
                .number(number.build())
                .timeout(catalog.dialTimeoutSeconds())
                .answerOnBridge(true);
        hotlineNumber.ifPresent(dial::callerId);
        return dial;
    }
}
